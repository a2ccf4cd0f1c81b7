package dev.latchkey.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.MailServer;
import dev.latchkey.it.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reminders are sent once however many nodes run the lifecycle task (both do here, every few seconds) and however
 * often a node restarts: the markers on the key, in the shared database, say what was sent.
 */
@ClusterIT
class LifecycleEmailClusterIT {

    private KeycloakCluster cluster;
    @AutoClose
    private ClusterRealm realm;
    @AutoClose
    private MailServer mail;

    @BeforeEach
    void setUp(KeycloakCluster cluster) {
        this.cluster = cluster;
        mail = new MailServer();
        // Keycloak's own email theme: the key emails need no theme of Latchkey's. The SMTP server is set when the
        // realm is created: set by a second call, node 2 could send the first key's notice before it knew of it.
        realm = new ClusterRealm(cluster.node1(), "mail", false, r -> r.set("smtpServer", mail.realmSmtp()),
                "mia", "max");
    }

    @Test
    @DisplayName("Given two nodes running the lifecycle task, then each key's reminder is sent once, and a node restart resends nothing")
    void onceAcrossNodesAndRestarts() {
        Instant expiresAt = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        KeycloakServer node1 = cluster.node1();
        KeycloakServer node2 = cluster.node2();
        realm.me(node1, "POST", "/api-keys", realm.tokenOf(node1, "mia"),
                Map.of("name", "on-one", "expiresAt", expiresAt.toString())).expectStatus(201);
        realm.me(node2, "POST", "/api-keys", realm.tokenOf(node2, "max"),
                Map.of("name", "on-two", "expiresAt", expiresAt.toString())).expectStatus(201);

        mail.await("mia@latchkey.test", Duration.ofSeconds(60), m -> MailServer.subject(m).contains("expires soon"));
        mail.await("max@latchkey.test", Duration.ofSeconds(60), m -> MailServer.subject(m).contains("expires soon"));
        runOnBothNodes();
        assertOnce();

        node2.stop();
        cluster.restart(node2);
        runOnBothNodes();
        assertOnce();
    }

    /** A lifecycle pass on each node now, next to the scheduled ones: a marker or lease that failed would show. */
    private void runOnBothNodes() {
        TestClock.runLifecycle(cluster.node1());
        TestClock.runLifecycle(cluster.node2());
    }

    private void assertOnce() {
        for (String user : List.of("mia", "max")) {
            String name = user.equals("mia") ? "on-one" : "on-two";
            assertThat(mail.to(user + "@latchkey.test").stream().map(MailServer::subject).toList()).as(user)
                    .containsExactlyInAnyOrder("A new API key \"" + name + "\" was added to your account",
                            "Your API key \"" + name + "\" expires soon");
        }
    }
}

package dev.latchkey.it.cluster;

import static dev.latchkey.it.support.ApiKeyFixture.inDays;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops while both nodes run. What the caches can answer is answered (200); what needs the database is a
 * clean JSON 503 with Retry-After, never a 500 or a stack trace: validation, the API-key self-service, the profile,
 * a password change and Latchkey's admin endpoints. When PostgreSQL is back, everything works again without a restart, and every key is still there.
 */
@ClusterIT
class DatabaseOutageIT {

    private KeycloakCluster cluster;
    private KeycloakServer node1;
    private KeycloakServer node2;
    @AutoClose
    private ClusterRealm realm;

    @BeforeEach
    void setUp(KeycloakCluster cluster) {
        this.cluster = cluster;
        node1 = cluster.node1();
        node2 = cluster.node2();
        realm = new ClusterRealm(node1, "outage", true, "ann", "ben");
    }

    @AfterEach
    void tearDown() {
        cluster.postgres().start();
    }

    @Test
    @DisplayName("Given PostgreSQL stopped, then validation and self-service answer from the caches or with a clean "
            + "JSON 503, and recover by themselves when it is back, with no key lost")
    void outage() {
        String token1 = realm.tokenOf(node1, "ann");
        String token2 = realm.tokenOf(node2, "ann");
        JsonNode key1 = realm.createKey(node1, token1, "made-on-1");
        JsonNode key2 = realm.createKey(node2, token2, "made-on-2");
        String orphanKey = realm.createKey(node1, realm.tokenOf(node1, "ben"), "orphan").path("key").asText();
        node1.admin().delete("/realms/" + realm.name() + "/users/" + realm.userId(node1, "ben")).expectStatus(204);
        for (KeycloakServer node : List.of(node1, node2)) {
            assertThat(realm.isActive(node, key1.path("key").asText())).isTrue();
            assertThat(realm.isActive(node, key2.path("key").asText())).isTrue();
        }
        realm.me(node1, "GET", "/api-keys", token1, null).expectStatus(200);
        realm.me(node2, "GET", "/api-keys", token2, null).expectStatus(200);
        String ann = realm.userId(node1, "ann");
        String adminKeys = "/realms/" + realm.name() + "/latchkey/users/" + ann + "/api-keys";
        String settings = "/realms/" + realm.name() + "/latchkey/settings";
        for (KeycloakServer node : List.of(node1, node2)) {
            node.admin().get(adminKeys).expectStatus(200); // the admin token is fetched before the outage
        }

        for (KeycloakServer node : List.of(node1, node2)) {
            // a fresh admin token: the master realm's tokens live 60 s, and none can be had during the outage
            node.admin().forgetToken();
            node.admin().accessToken();
        }
        cluster.postgres().stop();
        List<HttpResult> answers = new ArrayList<>();
        List<HttpResult> needDatabase = new ArrayList<>();
        List<HttpResult> refusedWithoutDatabase = new ArrayList<>();
        try {
            for (KeycloakServer node : List.of(node1, node2)) {
                String token = node == node1 ? token1 : token2;
                answers.add(realm.validate(node, key1.path("key").asText()));
                answers.add(realm.validate(node, key2.path("key").asText()));
                // refused by its format alone; the refusal event cannot be stored, the answer must not suffer for it
                refusedWithoutDatabase.add(realm.validate(node, "lk_malformed"));
                answers.add(realm.me(node, "GET", "/api-keys", token, null));
                answers.add(realm.me(node, "GET", "/api-keys/info", token, null));
                answers.add(realm.me(node, "GET", "/profile", token, null));
                answers.add(node.admin().get(settings));
                answers.add(node.admin().get(adminKeys));
                needDatabase.add(node.admin().put(settings, Map.of("maxKeysPerUser", 50)));
                needDatabase.add(node.admin().delete(adminKeys + "/" + key2.path("id").asText()));
                needDatabase.add(realm.validate(node, orphanKey));
                needDatabase.add(realm.me(node, "POST", "/api-keys", token,
                        Map.of("name", "during-outage-" + node.name(), "expiresAt", inDays(30))));
                needDatabase.add(realm.me(node, "DELETE", "/api-keys/" + key1.path("id").asText(), token, null));
                needDatabase.add(realm.me(node, "POST", "/password", token, Map.of("currentPassword",
                        ClusterRealm.PASSWORD, "newPassword", "Outage-Pw-2", "confirmation", "Outage-Pw-2",
                        "logoutOtherSessions", false)));
            }
        } finally {
            cluster.postgres().start();
        }
        answers.forEach(answer -> System.out.println("during the outage: " + answer));
        needDatabase.forEach(answer -> System.out.println("during the outage: " + answer));

        SoftAssertions soft = new SoftAssertions();
        for (HttpResult answer : refusedWithoutDatabase) {
            soft.assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            soft.assertThat(answer.body()).as("%s", answer).isEqualTo("{\"active\":false}");
        }
        for (HttpResult answer : answers) {
            soft.assertThat(answer.status()).as("%s", answer).isIn(200, 503);
            if (answer.status() == 503) {
                assertCleanUnavailable(soft, answer);
            }
        }
        for (HttpResult answer : needDatabase) {
            soft.assertThat(answer.status()).as("%s", answer).isEqualTo(503);
            assertCleanUnavailable(soft, answer);
        }
        soft.assertAll();

        Await.within(Duration.ofSeconds(30), "self-service works again", () -> realm.me(node1, "POST",
                "/api-keys", token1, Map.of("name", "after-outage", "expiresAt", inDays(30))).status() == 201);
        for (KeycloakServer node : List.of(node1, node2)) {
            String token = node == node1 ? token1 : token2;
            JsonNode listed = realm.me(node, "GET", "/api-keys", token, null).expectStatus(200).json();
            assertThat(Json.texts(listed, "name")).containsExactlyInAnyOrder("made-on-1", "made-on-2", "after-outage");
            assertThat(realm.isActive(node, key1.path("key").asText())).isTrue();
            assertThat(realm.isActive(node, key2.path("key").asText())).isTrue();
            assertThat(realm.isActive(node, orphanKey)).isFalse();
        }
        assertThat(realm.tokenOf(node2, "ann")).as("the password is unchanged").isNotBlank();
    }

    private static void assertCleanUnavailable(SoftAssertions soft, HttpResult answer) {
        soft.assertThat(answer.contentType()).as("%s", answer).startsWith("application/json");
        soft.assertThat(answer.header("Retry-After")).as("Retry-After of %s", answer).isPresent();
        soft.assertThat(answer.body()).as("%s", answer).doesNotContain("Exception").doesNotContain("\tat ");
        if (answer.contentType().startsWith("application/json")) {
            soft.assertThat(answer.json().path("error").asText()).as("%s", answer).isEqualTo("temporarily_unavailable");
        }
    }
}

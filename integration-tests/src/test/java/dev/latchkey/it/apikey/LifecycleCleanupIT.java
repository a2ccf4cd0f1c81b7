package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.MailServer;
import jakarta.mail.internet.MimeMessage;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TestClock;
import dev.latchkey.it.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Expired and replaced keys are deleted the realm's number of days after they stopped working. Days pass through
 * the test-only clock provider, which also runs the lifecycle pass on demand (no waiting for the scheduled run); the
 * clock is set back when the test ends (the server is shared).
 */
@LatchkeyIT
class LifecycleCleanupIT {

    @AutoClose
    private ApiKeyRealm realm;
    private TestUser owner;
    private String token;

    @BeforeEach
    void setUp(KeycloakServer server) {
        realm = new ApiKeyRealm(server);
        owner = realm.userWithRole();
        token = realm.tokenOf(owner);
    }

    @Test
    @DisplayName("Given an expired key and a replaced one, then a day later they are deleted with a REMOVE_CREDENTIAL event saying why; the live key stays")
    void expiredAndReplacedKeysAreDeleted(KeycloakServer server) {
        realm.settings(Map.of("deleteExpiredAfterDays", 1));
        String listPath = "/realms/" + realm.name() + "/latchkey/users/" + owner.id() + "/api-keys";
        JsonNode expiring;
        JsonNode successor;
        List<String> left = new ArrayList<>();
        try (TestClock clock = TestClock.of(server)) {
            Instant soon = clock.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            expiring = realm.create(token, Map.of("name", "brief", "expiresAt", soon.toString())).expectStatus(201).json();
            JsonNode rotated = realm.createKey(token, "rotated");
            successor = realm.rotate(token, rotated.path("id").asText(), Map.of()).expectStatus(201).json();
            clock.passBeyond(soon);
            clock.runLifecycle();
            assertThat(realm.admin().getJson(listPath)).as("stopped working less than a day ago").hasSize(3);

            clock.forward(Duration.ofDays(1).plusMinutes(5));
            clock.runLifecycle();
            realm.admin().getJson(listPath).forEach(key -> left.add(key.path("id").asText()));
        }
        assertThat(left).containsExactly(successor.path("id").asText());

        JsonNode events = realm.admin().events(realm.name(), Map.of("type", "REMOVE_CREDENTIAL"));
        assertThat(events).hasSize(2);
        for (JsonNode event : events) {
            String id = event.path("details").path("credential_id").asText();
            String expected = id.equals(expiring.path("id").asText()) ? "expired" : "replaced";
            assertThat(event.path("details").path("cleanup").asText()).as(id).isEqualTo(expected);
            assertThat(event.path("userId").asText()).isEqualTo(owner.id());
        }
        assertThat(realm.isActive(successor.path("key").asText())).isTrue();
    }

    @Test
    @DisplayName("Given deleteExpiredAfterDays 0, then expired keys are kept")
    void zeroKeeps(KeycloakServer server) {
        realm.settings(Map.of("deleteExpiredAfterDays", 0, "maxKeysPerUser", 1));
        String listPath = "/realms/" + realm.name() + "/latchkey/users/" + owner.id() + "/api-keys";
        int kept;
        try (TestClock clock = TestClock.of(server)) {
            Instant soon = clock.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            realm.create(token, Map.of("name", "brief", "expiresAt", soon.toString())).expectStatus(201);
            clock.passBeyond(soon);
            clock.forward(Duration.ofDays(400));
            clock.runLifecycle();
            kept = realm.admin().getJson(listPath).size();
        }
        assertThat(kept).isEqualTo(1);
    }

    @Test
    @DisplayName("Given revokeUnusedAfterDays 30, then a key never used for 31 days is revoked (reason unused, REMOVE_CREDENTIAL), "
            + "and its owner gets an email; a key used 11 days ago is not")
    void unusedKeysAreRevoked(KeycloakServer server) {
        realm.settings(Map.of("revokeUnusedAfterDays", 30));
        MailServer mail = new MailServer();
        ObjectNode smtp = Json.object();
        smtp.set("smtpServer", mail.realmSmtp());
        realm.updateRealm(smtp);
        JsonNode idle = realm.create(token, Map.of("name", "idle", "expiresAt", ApiKeyRealm.inDays(90))).expectStatus(201).json();
        JsonNode busy = realm.create(token, Map.of("name", "busy", "expiresAt", ApiKeyRealm.inDays(90))).expectStatus(201).json();
        String listPath = "/realms/" + realm.name() + "/latchkey/users/" + owner.id() + "/api-keys";
        String idleStatus;
        String busyStatus;
        String reason;
        try (TestClock clock = TestClock.ahead(server, Duration.ofDays(20))) {
            assertThat(realm.isActive(busy.path("key").asText())).isTrue();
            // the use is written by the node's flush timer (every second on the test server)
            Instant deadline = Instant.now().plusSeconds(30);
            while (status(realm.admin(), listPath, "busy", "lastUsedAt").isEmpty() && Instant.now().isBefore(deadline)) {
                KeycloakServer.sleep(Duration.ofMillis(300));
            }
            assertThat(status(realm.admin(), listPath, "busy", "lastUsedAt")).as("the use was written").isNotEmpty();
            clock.runLifecycle();
            assertThat(status(realm.admin(), listPath, "idle", "status")).as("20 days unused").isEqualTo("active");

            clock.forward(Duration.ofDays(11));
            clock.runLifecycle();
            idleStatus = status(realm.admin(), listPath, "idle", "status");
            busyStatus = status(realm.admin(), listPath, "busy", "status");
            reason = status(realm.admin(), listPath, "idle", "revokedReason");
            assertThat(realm.isActive(idle.path("key").asText())).isFalse();
            assertThat(realm.lastValidationFailureReason()).isEqualTo("revoked");
            assertThat(realm.isActive(busy.path("key").asText())).isTrue();
        }
        assertThat(idleStatus).isEqualTo("revoked");
        assertThat(reason).isEqualTo("unused");
        assertThat(busyStatus).isEqualTo("active");
        JsonNode events = realm.admin().events(realm.name(), Map.of("type", "REMOVE_CREDENTIAL"));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("details").path("credential_id").asText()).isEqualTo(idle.path("id").asText());
        assertThat(events.get(0).path("details").path("reason").asText()).isEqualTo("unused");
        try (mail) {
            MimeMessage notice = mail.await(owner.username() + "@latchkey.test", Duration.ofSeconds(30),
                    m -> MailServer.subject(m).contains("was not used"));
            assertThat(MailServer.subject(notice)).isEqualTo("Your API key \"idle\" was revoked because it was not used");
            assertThat(MailServer.decodedBody(notice)).contains("30 days").contains(idle.path("hint").asText());
            assertThat(MailServer.everything(notice)).doesNotContain(idle.path("key").asText().substring(3));
            assertThat(mail.to(owner.username() + "@latchkey.test")).extracting(MailServer::subject)
                    .noneMatch(subject -> subject.contains("\"busy\" was revoked"));
        }
    }

    private static String status(AdminClient admin, String listPath, String name, String field) {
        for (JsonNode key : admin.getJson(listPath)) {
            if (key.path("name").asText().equals(name)) {
                return key.path(field).asText("");
            }
        }
        return "";
    }
}

package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
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
 * the test-only clock provider; the clock is set back when the test ends (the server is shared).
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
        Instant soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        JsonNode expiring = realm.create(token, Map.of("name", "brief", "expiresAt", soon.toString())).expectStatus(201).json();
        JsonNode rotated = realm.createKey(token, "rotated");
        JsonNode successor = realm.rotate(token, rotated.path("id").asText(), Map.of()).expectStatus(201).json();
        KeycloakServer.sleep(Duration.between(Instant.now(), soon.plusMillis(300)));
        String listPath = "/realms/" + realm.name() + "/latchkey/users/" + owner.id() + "/api-keys";
        assertThat(realm.admin().getJson(listPath)).hasSize(3);

        List<String> left = new ArrayList<>();
        try (TestClock ignored = TestClock.ahead(server, Duration.ofDays(1).plusMinutes(5))) {
            AdminClient later = new AdminClient(server); // a token issued on the moved clock
            Instant deadline = Instant.now().plusSeconds(30);
            do {
                KeycloakServer.sleep(Duration.ofMillis(500));
                left.clear();
                later.getJson(listPath).forEach(key -> left.add(key.path("id").asText()));
            } while (left.size() > 1 && Instant.now().isBefore(deadline));
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
        Instant soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        realm.create(token, Map.of("name", "brief", "expiresAt", soon.toString())).expectStatus(201);
        KeycloakServer.sleep(Duration.between(Instant.now(), soon.plusMillis(300)));
        String listPath = "/realms/" + realm.name() + "/latchkey/users/" + owner.id() + "/api-keys";

        int kept;
        try (TestClock ignored = TestClock.ahead(server, Duration.ofDays(400))) {
            AdminClient later = new AdminClient(server);
            KeycloakServer.sleep(Duration.ofSeconds(6));
            kept = later.getJson(listPath).size();
        }
        assertThat(kept).isEqualTo(1);
    }
}

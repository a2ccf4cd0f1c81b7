package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
}

package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Latchkey's meters on Keycloak's own metrics endpoint (management port, {@code --metrics-enabled=true}). */
@LatchkeyIT
class MetricsIT {

    private static final String ACTIVE = "latchkey_validations_total{reason=\"none\",result=\"active\"}";
    private static final String MALFORMED = "latchkey_validations_total{reason=\"malformed\",result=\"inactive\"}";
    private static final String UNKNOWN = "latchkey_validations_total{reason=\"unknown_key\",result=\"inactive\"}";
    private static final String CREATED = "latchkey_keys_created_total";
    private static final String DELETED_BY_OWNER = "latchkey_keys_deleted_total{by=\"owner\"}";
    private static final String TIMED = "latchkey_validation_duration_seconds_count";

    @AutoClose
    private ApiKeyRealm realm;
    private KeycloakServer server;

    @BeforeEach
    void setUp(KeycloakServer server) {
        this.server = server;
        realm = new ApiKeyRealm(server);
    }

    @Test
    @DisplayName("Given keys created, validated and deleted, then the counters and the latency histogram move on the metrics endpoint")
    void countersMove() {
        String before = scrape();
        String token = realm.tokenOf(realm.userWithRole());
        var created = realm.createKey(token, "metered");
        String key = created.path("key").asText();

        realm.validate(key);
        realm.validate(key);
        realm.validate("lk_not-a-key");
        realm.delete(token, created.path("id").asText()).expectStatus(204);
        realm.validate(key);

        String after = scrape();
        assertThat(value(after, ACTIVE) - value(before, ACTIVE)).isEqualTo(2);
        assertThat(value(after, MALFORMED) - value(before, MALFORMED)).isEqualTo(1);
        assertThat(value(after, UNKNOWN) - value(before, UNKNOWN)).isEqualTo(1);
        assertThat(value(after, CREATED) - value(before, CREATED)).isEqualTo(1);
        assertThat(value(after, DELETED_BY_OWNER) - value(before, DELETED_BY_OWNER)).isEqualTo(1);
        assertThat(value(after, TIMED) - value(before, TIMED)).isEqualTo(4);
        assertThat(after).contains("latchkey_validation_duration_seconds_bucket{le=");
        assertThat(after).doesNotContain(key);
    }

    private String scrape() {
        return server.http().get(server.managementUrl() + "/metrics").send().expectStatus(200).body();
    }

    /** A sample's value; 0 when the meter has not been written yet. */
    private static double value(String exposition, String sample) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(exposition);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}

package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TestUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The day a user picks is the day the key is valid through, in the zone the Profile page shows dates in: the user's
 * own zone, or for a user without one the browser's, which the page sends as {@code timeZone}.
 */
@LatchkeyIT
class ApiKeyExpirationZoneIT {

    @AutoClose
    private ApiKeyRealm realm;
    private String token;

    @BeforeEach
    void setUp(KeycloakServer server) {
        realm = new ApiKeyRealm(server);
        TestUser owner = realm.userWithRole();
        token = realm.tokenOf(owner);
    }

    @Test
    @DisplayName("Given a user without a time zone, then info names none and gives the dialogs' limits")
    void infoGivesTheLimits() {
        JsonNode info = realm.info(token).expectStatus(200).json();

        assertThat(info.path("nameMaxLength").asInt()).isEqualTo(64);
        assertThat(info.path("descriptionMaxLength").asInt()).isEqualTo(255);
        assertThat(info.path("maxRotationGraceSeconds").asInt()).isEqualTo(604800);
        assertThat(info.has("timeZone")).isTrue();
        assertThat(info.path("timeZone").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Pacific/Auckland", "America/Los_Angeles"})
    @DisplayName("Given a day and the page's zone, then the key is valid through the end of that day there, and validation agrees")
    void dayInThePagesZone(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        LocalDate day = LocalDate.now(zone).plusDays(10);
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();

        JsonNode created = realm.create(token, Map.of("name", "tz", "expiresAt", day.toString(), "timeZone", zoneId))
                .expectStatus(201).json();

        assertThat(Instant.parse(created.path("expiresAt").asText())).isEqualTo(endOfDay);
        JsonNode answer = realm.validate(created.path("key").asText());
        assertThat(answer.path("active").asBoolean()).isTrue();
        assertThat(answer.path("exp").asLong()).isEqualTo(endOfDay.getEpochSecond());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Pacific/Auckland", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago"})
    @DisplayName("Given the latest day the page offers in its zone, then it is accepted, and the day after refused")
    void latestDayInThePagesZone(String zoneId) {
        LocalDate latest = LocalDate.now(ZoneId.of(zoneId)).plusDays(180);

        realm.create(token, Map.of("name", "last", "expiresAt", latest.toString(), "timeZone", zoneId)).expectStatus(201);
        HttpResult tooLate = realm.create(token,
                Map.of("name", "later", "expiresAt", latest.plusDays(1).toString(), "timeZone", zoneId));

        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.json().path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    @DisplayName("Given a time zone that is no IANA zone, then the create is a 400 naming it")
    void unknownZone() {
        HttpResult refused = realm.create(token,
                Map.of("name", "tz", "expiresAt", ApiKeyRealm.inDays(5), "timeZone", "Mars/Olympus_Mons"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(refused.json().path("error_description").asText()).contains("Mars/Olympus_Mons");
    }
}

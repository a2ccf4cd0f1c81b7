package dev.latchkey.it.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AccountRealm;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestUser;
import dev.latchkey.it.support.UserProfileConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code PUT /me/preferences}: language and time zone, through Keycloak's user profile. */
@LatchkeyIT
class PreferencesIT {

    @AutoClose
    private AccountRealm realm;
    private TestUser user;
    private String token;

    @BeforeEach
    void setUp(KeycloakServer server) {
        realm = AccountRealm.create(server, "prefs");
        user = realm.user(NewUser.unique("pat").attribute("timezone", "Europe/Berlin"));
        token = realm.tokenOf(user);
    }

    @Test
    @DisplayName("Given a supported locale and an IANA zone, then both are stored where Keycloak keeps them, audited")
    void updateBoth() {
        JsonNode answer = realm.account().preferences(token, Map.of("locale", "de", "timezone", "Asia/Tokyo"))
                .expectStatus(200).json();

        assertThat(answer.path("locale").asText()).isEqualTo("de");
        assertThat(answer.path("timezone").asText()).isEqualTo("Asia/Tokyo");
        JsonNode stored = storedUser().path("attributes");
        assertThat(Json.strings(stored.path("locale"))).containsExactly("de");
        assertThat(Json.strings(stored.path("timezone"))).containsExactly("Asia/Tokyo");
        JsonNode event = realm.events("UPDATE_PROFILE", user.id()).get(0);
        assertThat(event.path("details").path("context").asText()).isEqualTo("ACCOUNT");
        assertThat(event.path("details").path("updated_timezone").asText()).contains("Asia/Tokyo");
        JsonNode profile = realm.account().profileJson(token);
        assertThat(profile.path("locale").asText()).isEqualTo("de");
        assertThat(profile.path("timezone").asText()).isEqualTo("Asia/Tokyo");
    }

    @Test
    @DisplayName("Given only a time zone, then the locale is left alone, and the other attributes too")
    void partialUpdate() {
        realm.account().preferences(token, Map.of("locale", "fr")).expectStatus(200);

        JsonNode answer = realm.account().preferences(token, Map.of("timezone", "america/new_york"))
                .expectStatus(200).json();

        assertThat(answer.path("locale").asText()).isEqualTo("fr");
        assertThat(answer.path("timezone").asText()).isEqualTo("America/New_York");
        JsonNode stored = storedUser();
        assertThat(stored.path("firstName").asText()).isEqualTo("Pat");
        assertThat(stored.path("email").asText()).isEqualTo(user.username() + "@latchkey.test");
    }

    @Test
    @DisplayName("Given a locale the realm does not offer, then 400 invalid_locale and nothing changes")
    void unsupportedLocale() {
        HttpResult response = realm.account().preferences(token, Map.of("locale", "es"));

        assertError(response, 400, "invalid_locale");
        assertThat(Json.strings(response.json().path("params"))).containsExactly("es");
        assertThat(storedUser().path("attributes").has("locale")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "+02:00", "CEST"})
    @DisplayName("Given something that is not an IANA zone, then 400 invalid_timezone and the old zone stays")
    void invalidTimeZone(String zone) {
        assertError(realm.account().preferences(token, Map.of("timezone", zone)), 400, "invalid_timezone");

        assertThat(Json.strings(storedUser().path("attributes").path("timezone")))
                .containsExactly("Europe/Berlin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"timezone\":\"\"}", "{\"timezone\":null}"})
    @DisplayName("Given an empty or null time zone, then it is cleared")
    void clearTimeZone(String body) {
        JsonNode answer = realm.account().preferences(token, body).expectStatus(200).json();

        assertThat(answer.path("timezone").isNull()).isTrue();
        assertThat(storedUser().path("attributes").has("timezone")).isFalse();
    }

    @Test
    @DisplayName("Given an empty body, then 400 invalid_request")
    void nothingToChange() {
        assertError(realm.account().preferences(token, "{}"), 400, "invalid_request");
    }

    @Test
    @DisplayName("Given the admin made the time zone read-only for users, then 403 attribute_read_only; locale still works")
    void readOnlyAttribute() {
        UserProfileConfig.declare(realm.admin(), realm.name(), "timezone", List.of("admin"), List.of());

        HttpResult response = realm.account().preferences(token, Map.of("timezone", "Asia/Tokyo"));

        assertError(response, 403, "attribute_read_only");
        assertThat(Json.strings(response.json().path("params"))).containsExactly("timezone");
        assertThat(Json.strings(storedUser().path("attributes").path("timezone")))
                .containsExactly("Europe/Berlin");
        assertThat(realm.account().profileJson(token).path("editable").path("timezone").asBoolean()).isFalse();
        realm.account().preferences(token, Map.of("locale", "de", "timezone", "Europe/Berlin")).expectStatus(200);
    }

    @Test
    @DisplayName("Given the realm's user profile allows only some zones, then another real zone is 400 invalid_user_profile")
    void realmValidatorApplies() {
        UserProfileConfig.declare(realm.admin(), realm.name(), "timezone", List.of("admin", "user"),
                List.of("Europe/Berlin", "UTC"));

        HttpResult response = realm.account().preferences(token, Map.of("timezone", "Asia/Tokyo"));

        assertError(response, 400, "invalid_user_profile");
        assertThat(Json.strings(response.json().path("params")).get(0)).isEqualTo("timezone");
        realm.account().preferences(token, Map.of("timezone", "UTC")).expectStatus(200);
    }

    static void assertError(HttpResult response, int status, String error) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().path("error").asText()).as(response.toString()).isEqualTo(error);
    }

    /** The user as the admin API shows it (attributes included). */
    private JsonNode storedUser() {
        return realm.admin().user(realm.name(), user.id());
    }
}

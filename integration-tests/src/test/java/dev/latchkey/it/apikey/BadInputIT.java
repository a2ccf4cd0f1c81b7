package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TestUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bad-input rows of the README's security table that the other API-key tests do not already cover: odd bodies,
 * content types and sizes, odd names and odd expiration formats. Every answer is JSON; none is a stack trace.
 */
@LatchkeyIT
class BadInputIT {

    private static final String FORM = "application/x-www-form-urlencoded";

    @AutoClose
    private ApiKeyRealm realm;
    private Http http;
    private String token;
    private String key;

    @BeforeEach
    void setUp(KeycloakServer server) {
        http = server.http();
        realm = new ApiKeyRealm(server);
        TestUser owner = realm.userWithRole();
        token = realm.tokenOf(owner);
        key = realm.createKey(token, "probe").path("key").asText();
    }

    @Test
    @DisplayName("Given odd validation requests, then forms in any encoding work, the rest is a JSON 400, 405 or 413")
    void validationRequests() {
        assertThat(introspect(FORM, "token=" + key.substring(0, 20) + "%00" + key.substring(21)).json().path("active")
                .asBoolean()).isFalse();
        assertThat(introspect(FORM + "; charset=ISO-8859-1", "token=" + key).json().path("active").asBoolean()).isTrue();
        assertThat(introspect("multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition: form-data; "
                + "name=\"token\"\r\n\r\n" + key + "\r\n--XX--\r\n").json().path("active").asBoolean()).isTrue();

        assertJson(introspect("text/plain", "token=" + key), 400, "invalid_request");
        assertJson(http.get(realm.url("/api-keys/introspect"))
                .header("Authorization", ApiKeyRealm.basic(ApiKeyRealm.SERVICE, ApiKeyRealm.SERVICE_SECRET)).send(), 405, null);
        assertJson(introspect(FORM, "token=lk_" + "A".repeat(512 * 1024)), 413, null);
        // Keycloak's form parser refuses broken percent-encoding before Latchkey runs (its token endpoint does the same)
        HttpResult broken = introspect(FORM, "token=%zz" + key);
        assertThat(broken.status()).as("%s", broken).isIn(400, 500);
        assertThat(broken.contentType()).startsWith("application/json");
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain(key);
    }

    @Test
    @DisplayName("Given create requests with wrong bodies or content types, then 400 or 415 with JSON, and nothing is stored")
    void createRequests() {
        String inDays = ApiKeyRealm.inDays(10);
        assertJson(create("application/x-www-form-urlencoded", "name=x&expiresAt=" + inDays), 415, null);
        assertJson(create("text/plain", "{\"name\":\"x\",\"expiresAt\":\"" + inDays + "\"}"), 415, null);
        assertJson(create("application/json", ""), 400, "invalid_request");
        assertJson(create("application/json", "null"), 400, "invalid_request");
        assertJson(create("application/json", "[]"), 400, null);
        assertJson(create("application/json", "{\"name\":{\"a\":1},\"expiresAt\":\"" + inDays + "\"}"), 400, null);
        assertJson(create("application/json", "{\"name\":\"deep\",\"x\":" + "[".repeat(5000) + "]".repeat(5000)
                + ",\"expiresAt\":\"" + inDays + "\"}"), 400, null);
        assertJson(realm.create(token, Map.of("name", "n".repeat(1 << 20), "expiresAt", inDays)), 400, "invalid_request");

        assertThat(realm.list(token).json()).hasSize(1);
    }

    @Test
    @DisplayName("Given names with invisible or direction-changing characters, then 400; 64 emoji fit, 65 do not; a number becomes text")
    void oddNames() {
        String inDays = ApiKeyRealm.inDays(10);
        assertJson(realm.create(token, Map.of("name", "invoice\u202Etxt.exe", "expiresAt", inDays)), 400, "invalid_request");
        assertJson(realm.create(token, Map.of("name", "\u200B", "expiresAt", inDays)), 400, "invalid_request");
        assertJson(realm.create(token, Map.of("name", "\uD83D\uDD11".repeat(65), "expiresAt", inDays)), 400, "invalid_request");

        assertThat(realm.create(token, Map.of("name", "\uD83D\uDD11".repeat(64), "expiresAt", inDays)).expectStatus(201)
                .json().path("name").asText()).isEqualTo("\uD83D\uDD11".repeat(64));
        assertThat(realm.create(token, Map.of("name", 5, "expiresAt", inDays)).expectStatus(201)
                .json().path("name").asText()).isEqualTo("5");
    }

    @Test
    @DisplayName("Given expiration dates in odd formats and time zones, then ISO dates and offset date-times work, nothing else")
    void oddExpirations() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("offset +14:00", day + "T00:00:00+14:00");
        accepted.put("offset -12:00", day + "T23:59:59-12:00");
        accepted.put("minutes only", day + "T10:00Z");
        accepted.put("nanoseconds", day + "T10:00:00.123456789Z");
        accepted.put("lower-case t and z", day + "t10:00:00z");
        accepted.put("surrounding spaces", "  " + day + "  ");
        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("February 30", (day.getYear() + 1) + "-02-30");
        refused.put("basic ISO", day.format(DateTimeFormatter.BASIC_ISO_DATE));
        refused.put("US format", day.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        refused.put("week date", day.format(DateTimeFormatter.ISO_WEEK_DATE));
        refused.put("epoch seconds as text", Long.toString(day.toEpochSecond(java.time.LocalTime.NOON, ZoneOffset.UTC)));
        refused.put("epoch seconds as number", day.toEpochSecond(java.time.LocalTime.NOON, ZoneOffset.UTC));
        refused.put("zone id suffix", day + "T10:00:00+01:00[Europe/Paris]");
        refused.put("space instead of T", day + " 10:00:00Z");
        refused.put("leap second", day + "T23:59:60Z");
        refused.put("offset +25:00", day + "T10:00:00+25:00");
        refused.put("year +99999", "+99999-01-01T00:00:00Z");

        SoftAssertions soft = new SoftAssertions();
        accepted.forEach((label, value) -> soft.assertThat(realm.create(token,
                Map.of("name", "ok " + label, "expiresAt", value)).status()).as("%s: %s", label, value).isEqualTo(201));
        refused.forEach((label, value) -> {
            HttpResult result = realm.create(token, Map.of("name", "no " + label, "expiresAt", value));
            soft.assertThat(result.status()).as("%s: %s -> %s", label, value, result).isEqualTo(400);
            soft.assertThat(result.json().path("error").asText()).as("%s", label).isEqualTo("invalid_request");
        });
        soft.assertAll();
        List<String> names = realm.list(token).json().findValuesAsText("name");
        assertThat(names).hasSize(1 + accepted.size()).noneMatch(name -> name.startsWith("no "));
    }

    private HttpResult introspect(String contentType, String body) {
        return http.post(realm.url("/api-keys/introspect"))
                .header("Authorization", ApiKeyRealm.basic(ApiKeyRealm.SERVICE, ApiKeyRealm.SERVICE_SECRET))
                .body(contentType, body).send();
    }

    private HttpResult create(String contentType, String body) {
        return http.post(realm.url("/me/api-keys")).bearer(token).body(contentType, body).send();
    }

    private static void assertJson(HttpResult result, int status, String code) {
        assertThat(result.status()).as("%s", result).isEqualTo(status);
        assertThat(result.contentType()).as("%s", result).startsWith("application/json");
        assertThat(result.body()).as("%s", result).doesNotContain("Exception").doesNotContain("\tat ");
        if (code != null) {
            JsonNode json = result.json();
            assertThat(json.path("error").asText()).as("%s", result).isEqualTo(code);
        }
    }
}

package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TestClock;
import dev.latchkey.it.support.TestUser;
import dev.latchkey.it.support.TokenClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@LatchkeyIT
class ApiKeySelfServiceIT {

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
    @DisplayName("Given keys enabled and the role, then info says so with the limits and the count")
    void info() {
        realm.createKey(token, "first");

        JsonNode info = realm.info(token).expectStatus(200).json();

        assertThat(info.path("enabled").asBoolean()).isTrue();
        assertThat(info.path("allowed").asBoolean()).isTrue();
        assertThat(info.path("maxLifetimeDays").asInt()).isEqualTo(180);
        assertThat(info.path("maxKeysPerUser").asInt()).isEqualTo(100);
        assertThat(info.path("roleName").asText()).isEqualTo("api-access");
        assertThat(info.path("activeCount").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("Given a user without the role, then info says not allowed and create is 403 api_access_role_required")
    void withoutRole() {
        TestUser plain = realm.userWithoutRole();
        String plainToken = realm.tokenOf(plain);

        assertThat(realm.info(plainToken).expectStatus(200).json().path("allowed").asBoolean()).isFalse();
        HttpResult refused = realm.create(plainToken, Map.of("name", "x", "expiresAt", ApiKeyRealm.inDays(1)));
        assertError(refused, 403, "api_access_role_required");
    }

    @Test
    @DisplayName("Given the role through a group, then the user may create keys")
    void roleThroughGroup(AdminClient admin) {
        admin.createGroup(realm.name(), "integrators", ApiKeyRealm.ROLE);
        TestUser member = admin.createUser(realm.name(),
                dev.latchkey.it.support.NewUser.unique("member").groups("/integrators"));

        realm.create(realm.tokenOf(member), Map.of("name", "via group", "expiresAt", ApiKeyRealm.inDays(1)))
                .expectStatus(201);
    }

    @Test
    @DisplayName("Given keys switched off, then create is 403 api_keys_disabled and info says disabled")
    void disabled() {
        realm.settings(Map.of("enabled", false));

        assertError(realm.create(token, Map.of("name", "x", "expiresAt", ApiKeyRealm.inDays(1))), 403, "api_keys_disabled");
        JsonNode info = realm.info(token).expectStatus(200).json();
        assertThat(info.path("enabled").asBoolean()).isFalse();
        assertThat(info.path("allowed").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("Given a create, then 201 returns the key once, the list shows it without any secret")
    void createReturnsKeyOnce() {
        JsonNode created = realm.create(token, Map.of("name", "  deploy bot  ", "description", "nightly deploys",
                "expiresAt", ApiKeyRealm.inDays(30))).expectStatus(201).json();

        String key = created.path("key").asText();
        assertThat(key).matches("lk_[0-9A-Za-z]{115}");
        assertThat(created.path("name").asText()).isEqualTo("deploy bot");
        assertThat(created.path("description").asText()).isEqualTo("nightly deploys");
        assertThat(created.path("status").asText()).isEqualTo("active");
        assertThat(created.path("hint").asText()).isEqualTo(key.substring(0, 11));
        assertThat(Instant.parse(created.path("createdAt").asText())).isCloseTo(Instant.now(), within(120));
        assertThat(created.path("lastUsedAt").isNull()).isTrue();

        HttpResult list = realm.list(token).expectStatus(200);
        assertThat(list.header("Cache-Control")).hasValue("no-store");
        JsonNode keys = list.json();
        assertThat(keys).hasSize(1);
        JsonNode listed = keys.get(0);
        assertThat(listed.path("id").asText()).isEqualTo(created.path("id").asText());
        assertThat(listed.has("key")).isFalse();
        assertThat(list.body()).doesNotContain(key).doesNotContain(key.substring(11, 40));
        assertThat(listed.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "id", "name", "description", "hint", "createdAt", "expiresAt", "lastUsedAt", "status", "roles",
                "organization", "replaces", "replacedBy", "revokedAt", "revokedReason");
    }

    @Test
    @DisplayName("Given a date, then the key expires at the end of that day in the owner's time zone")
    void expirationDateUsesOwnersZone(AdminClient admin) {
        // the test realm has no user-profile entry for timezone: let it keep the attribute as given
        com.fasterxml.jackson.databind.node.ObjectNode profile =
                (com.fasterxml.jackson.databind.node.ObjectNode) admin.getJson("/realms/" + realm.name() + "/users/profile");
        admin.put("/realms/" + realm.name() + "/users/profile", profile.put("unmanagedAttributePolicy", "ENABLED"))
                .expectStatus(200);
        TestUser tokyo = admin.createUser(realm.name(), dev.latchkey.it.support.NewUser.unique("tokyo")
                .realmRoles(ApiKeyRealm.ROLE).attribute("timezone", "Asia/Tokyo"));
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();

        JsonNode created = realm.create(realm.tokenOf(tokyo), Map.of("name", "tz", "expiresAt", day))
                .expectStatus(201).json();

        // the end of that day in Tokyo (UTC+9) is 15:00 UTC on that day
        assertThat(created.path("expiresAt").asText()).isEqualTo(day + "T15:00:00Z");
    }

    @Test
    @DisplayName("Given invalid names, descriptions or expirations, then each is a 400 with a readable description")
    void invalidInput() {
        String inOneDay = ApiKeyRealm.inDays(1);
        List<Map<String, Object>> bad = List.of(
                Map.of("expiresAt", inOneDay),
                Map.of("name", "   ", "expiresAt", inOneDay),
                Map.of("name", "n".repeat(65), "expiresAt", inOneDay),
                Map.of("name", "bad\nname", "expiresAt", inOneDay),
                Map.of("name", "ok", "description", "d".repeat(256), "expiresAt", inOneDay),
                Map.of("name", "ok"),
                Map.of("name", "ok", "expiresAt", "yesterday"),
                Map.of("name", "ok", "expiresAt", ApiKeyRealm.inDays(-1)),
                Map.of("name", "ok", "expiresAt", ApiKeyRealm.inDays(181)),
                Map.of("name", "ok", "expiresAt", "2026-01-01T10:00:00"),
                Map.of("name", "ok", "expiresAt", Instant.now().minusSeconds(5).toString()));
        for (Map<String, Object> body : bad) {
            HttpResult result = realm.create(token, body);
            assertError(result, 400, "invalid_request");
            assertThat(result.json().path("error_description").asText()).as("for %s", body).isNotBlank();
        }
        assertError(realm.create(token, "{not json"), 400, null);
        assertThat(realm.list(token).json()).isEmpty();
    }

    @Test
    @DisplayName("Given the maximum lifetime, then exactly today + max days is accepted, also as a date-time")
    void maximumLifetimeBoundary() {
        realm.settings(Map.of("maxLifetimeDays", 7));

        realm.create(token, Map.of("name", "edge", "expiresAt", ApiKeyRealm.inDays(7))).expectStatus(201);
        assertError(realm.create(token, Map.of("name", "over", "expiresAt", ApiKeyRealm.inDays(8))), 400, "invalid_request");
        String instant = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode created = realm.create(token, Map.of("name", "instant", "expiresAt", instant)).expectStatus(201).json();
        assertThat(created.path("expiresAt").asText()).isEqualTo(instant);
    }

    @Test
    @DisplayName("Given a name already used (in any letter case), then 409 api_key_name_taken")
    void duplicateName() {
        realm.createKey(token, "Deploy");

        assertError(realm.create(token, Map.of("name", "deploy", "expiresAt", ApiKeyRealm.inDays(1))), 409, "api_key_name_taken");
        assertThat(realm.list(token).json()).hasSize(1);
    }

    @Test
    @DisplayName("Given a name with markup, then it is stored and returned exactly as given")
    void markupStoredAsGiven() {
        String name = "<img src=x onerror=alert(1)>";
        realm.createKey(token, name);

        assertThat(realm.list(token).json().get(0).path("name").asText()).isEqualTo(name);
    }

    @Test
    @DisplayName("Given the limit reached, then 409 api_key_limit_reached; expired keys do not count")
    void limit(KeycloakServer server) {
        realm.settings(Map.of("maxKeysPerUser", 2));
        try (TestClock clock = TestClock.of(server)) {
            Instant soon = clock.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            realm.create(token, Map.of("name", "short", "expiresAt", soon.toString())).expectStatus(201);
            realm.createKey(token, "two");

            assertError(realm.create(token, Map.of("name", "three", "expiresAt", ApiKeyRealm.inDays(1))), 409, "api_key_limit_reached");

            clock.passBeyond(soon);
            realm.createKey(token, "three");
            JsonNode statuses = realm.list(token).json();
            assertThat(Json.texts(statuses, "status")).containsExactlyInAnyOrder("active", "active", "expired");
            assertThat(realm.info(token).json().path("activeCount").asInt()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("Given 12 concurrent creates with room for 3, then exactly 3 succeed and the rest are 409")
    void limitHoldsUnderConcurrency() throws Exception {
        realm.settings(Map.of("maxKeysPerUser", 3));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = "race-" + i;
                creates.add(() -> realm.create(token, Map.of("name", name, "expiresAt", ApiKeyRealm.inDays(1))).status());
            }
            Map<Integer, Integer> byStatus = new HashMap<>();
            for (Future<Integer> result : pool.invokeAll(creates)) {
                byStatus.merge(result.get(), 1, Integer::sum);
            }
            assertThat(byStatus).containsOnlyKeys(201, 409);
            assertThat(byStatus.get(201)).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(realm.list(token).json()).hasSize(3);
    }

    @Test
    @DisplayName("Given my key, then delete is 204 and it is gone; another user's key id is a 404 and stays")
    void deleteOwnAndOthers() {
        JsonNode mine = realm.createKey(token, "mine");
        TestUser other = realm.userWithRole();
        String otherToken = realm.tokenOf(other);
        JsonNode theirs = realm.createKey(otherToken, "theirs");

        assertError(realm.delete(token, theirs.path("id").asText()), 404, "not_found");
        assertError(realm.delete(token, "00000000-0000-0000-0000-000000000000"), 404, "not_found");
        assertThat(realm.isActive(theirs.path("key").asText())).isTrue();

        realm.delete(token, mine.path("id").asText()).expectStatus(204);
        assertThat(realm.list(token).json()).isEmpty();
        assertError(realm.delete(token, mine.path("id").asText()), 404, "not_found");
    }

    @Test
    @DisplayName("Given no token, a bad token, another audience or a service account, then 401/403 with JSON")
    void authentication(KeycloakServer server, AdminClient admin, TokenClient tokens) {
        Http http = server.http();
        assertError(http.get(realm.url("/me/api-keys")).send(), 401, "invalid_token");
        assertError(http.get(realm.url("/me/api-keys")).bearer("not-a-token").send(), 401, "invalid_token");
        assertError(http.post(realm.url("/me/api-keys")).json(Map.of("name", "x", "expiresAt", ApiKeyRealm.inDays(1))).send(),
                401, "invalid_token");

        // a token of this user without the account audience: a client whose scope excludes account roles
        admin.createClient(realm.name(), Json.object().put("clientId", "narrow").put("publicClient", true)
                .put("directAccessGrantsEnabled", true).put("fullScopeAllowed", false));
        String narrow = tokens.password(realm.name(), "narrow", owner.username(), owner.password()).accessToken();
        assertError(realm.list(narrow), 401, "invalid_token");

        // a service account's token: it holds the default account roles but has no account of its own
        String serviceToken = tokens.clientCredentials(realm.name(), ApiKeyRealm.SERVICE, ApiKeyRealm.SERVICE_SECRET).accessToken();
        HttpResult asService = realm.list(serviceToken);
        assertThat(asService.status()).isIn(401, 403);
        assertThat(asService.json().path("error").asText()).isNotBlank();
    }

    @Test
    @DisplayName("Given the account console's own token (manage-account, no view-profile), then every call works")
    void accountConsoleToken(TokenClient tokens) {
        String console = tokens.loginToAccountConsole(realm.name(), owner.username(), owner.password()).accessToken();

        realm.info(console).expectStatus(200);
        JsonNode created = realm.createKey(console, "from the console");
        assertThat(realm.list(console).expectStatus(200).json()).hasSize(1);
        realm.delete(console, created.path("id").asText()).expectStatus(204);
    }

    @Test
    @DisplayName("Given a token from another realm, then 401")
    void tokenOfAnotherRealm(KeycloakServer server, AdminClient admin, TokenClient tokens) {
        try (ApiKeyRealm other = new ApiKeyRealm(server, admin, tokens)) {
            TestUser stranger = other.userWithRole();
            assertError(realm.list(other.tokenOf(stranger)), 401, "invalid_token");
        }
    }

    @Test
    @DisplayName("Given create and delete, then both are events with the key id and name but never the key")
    void events(AdminClient admin) {
        JsonNode created = realm.createKey(token, "audited");
        realm.delete(token, created.path("id").asText()).expectStatus(204);
        realm.create(token, Map.of("name", "audited-2", "expiresAt", ApiKeyRealm.inDays(999)));

        JsonNode create = admin.events(realm.name(), Map.of("type", "UPDATE_CREDENTIAL", "user", owner.id())).get(0);
        JsonNode remove = admin.events(realm.name(), Map.of("type", "REMOVE_CREDENTIAL", "user", owner.id())).get(0);
        for (JsonNode event : List.of(create, remove)) {
            assertThat(event.path("details").path("credential_type").asText()).isEqualTo("api-key");
            assertThat(event.path("details").path("credential_id").asText()).isEqualTo(created.path("id").asText());
            assertThat(event.path("details").path("api_key_name").asText()).isEqualTo("audited");
        }
        String allEvents = admin.events(realm.name(), Map.of("max", "100")).toString();
        assertThat(allEvents).doesNotContain(created.path("key").asText())
                .doesNotContain(created.path("key").asText().substring(11, 60));
    }

    private static void assertError(HttpResult result, int status, String code) {
        assertThat(result.status()).as("%s", result).isEqualTo(status);
        assertThat(result.contentType()).as("%s", result).startsWith("application/json");
        if (code != null) {
            assertThat(result.json().path("error").asText()).as("%s", result).isEqualTo(code);
            assertThat(result.json().path("error_description").asText()).as("%s", result).isNotBlank();
        }
    }

    private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(seconds, ChronoUnit.SECONDS);
    }
}

package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TestClock;
import dev.latchkey.it.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The admin's realm-wide view of keys: {@code POST .../latchkey/api-keys/lookup} (a key by its text) and
 * {@code GET .../latchkey/api-keys} (every key, paged and filtered).
 */
@LatchkeyIT
class RealmApiKeysAdminIT {

    @AutoClose
    private ApiKeyRealm realm;
    private KeycloakServer server;
    private TestUser alice;
    private TestUser bob;
    private String aliceToken;

    @BeforeEach
    void setUp(KeycloakServer server) {
        this.server = server;
        realm = new ApiKeyRealm(server);
        alice = realm.userWithRole();
        bob = realm.userWithRole();
        aliceToken = realm.tokenOf(alice);
    }

    private String adminPath(String path) {
        return "/realms/" + realm.name() + "/latchkey/api-keys" + path;
    }

    /** A user of the test realm with these realm-management roles, and a token of theirs for the admin API. */
    private String realmAdminToken(String... managementRoles) {
        TestUser user = realm.userWithoutRole();
        String r = "/realms/" + realm.name();
        String management = realm.admin().clientUuid(realm.name(), "realm-management");
        var roles = Json.array();
        for (String role : managementRoles) {
            roles.add(realm.admin().getJson(r + "/clients/" + management + "/roles/" + role));
        }
        if (managementRoles.length > 0) {
            realm.admin().post(r + "/users/" + user.id() + "/role-mappings/clients/" + management, roles).expectStatus(204);
        }
        return realm.tokenOf(user);
    }

    private HttpResult asUser(String token, String method, String path, Object body) {
        var call = server.http().request(method, server.url("/admin" + adminPath(path))).bearer(token);
        if (body != null) {
            call.json(body);
        }
        return call.send();
    }

    @Test
    @DisplayName("Given a key's text, then an admin (or a realm user with view-users) gets the key and its owner, never the key; "
            + "junk, a malformed text and another realm's key are 404; without view-users 403; every lookup, found or not, is an "
            + "admin event that holds no key text")
    void lookup() {
        JsonNode created = realm.create(aliceToken, Map.of("name", "ci", "expiresAt", ApiKeyRealm.inDays(30),
                "roles", List.of(ApiKeyRealm.ROLE))).expectStatus(201).json();
        String key = created.path("key").asText();

        HttpResult found = realm.admin().post(adminPath("/lookup"), Map.of("key", key));
        assertThat(found.status()).isEqualTo(200);
        JsonNode body = found.json();
        assertThat(body.path("id").asText()).isEqualTo(created.path("id").asText());
        assertThat(body.path("name").asText()).isEqualTo("ci");
        assertThat(body.path("userId").asText()).isEqualTo(alice.id());
        assertThat(body.path("username").asText()).isEqualTo(alice.username());
        assertThat(body.path("status").asText()).isEqualTo("active");
        assertThat(body.path("createdAt").asText()).isEqualTo(created.path("createdAt").asText());
        assertThat(body.path("expiresAt").asText()).isEqualTo(created.path("expiresAt").asText());
        assertThat(body.has("lastUsedAt")).isTrue();
        assertThat(Json.strings(body.path("roles"))).containsExactly(ApiKeyRealm.ROLE);
        assertThat(body.has("organization")).isTrue();
        assertThat(found.body()).doesNotContain(key).doesNotContain(key.substring(12));

        List<String> junkTexts;
        try (ApiKeyRealm other = new ApiKeyRealm(server)) {
            String foreign = other.createKey(other.tokenOf(other.userWithRole()), "x").path("key").asText();
            junkTexts = List.of(foreign, "lk_" + "0".repeat(94), "", "not a key", key.substring(0, key.length() - 1));
            for (String junk : junkTexts) {
                HttpResult missing = realm.admin().post(adminPath("/lookup"), Map.of("key", junk));
                assertThat(missing.status()).as(junk).isEqualTo(404);
                assertThat(missing.json().path("error").asText()).isEqualTo("not_found");
            }
        }
        assertThat(realm.admin().post(adminPath("/lookup"), "[]").status()).isEqualTo(400);

        assertThat(asUser(realmAdminToken("view-users"), "POST", "/lookup", Map.of("key", key)).expectStatus(200)
                .json().path("userId").asText()).isEqualTo(alice.id());
        // query-users without view-users: the owner is not visible to this admin, so not found, like junk
        assertThat(asUser(realmAdminToken("query-users"), "POST", "/lookup", Map.of("key", key)).status()).isEqualTo(404);
        assertThat(asUser(realmAdminToken(), "POST", "/lookup", Map.of("key", key)).status()).isEqualTo(403);
        assertThat(asUser(aliceToken, "POST", "/lookup", Map.of("key", key)).status()).isEqualTo(403);

        JsonNode events = realm.admin().adminEvents(realm.name(), Map.of("operationTypes", "ACTION"));
        List<JsonNode> foundEvents = new ArrayList<>();
        List<JsonNode> missedEvents = new ArrayList<>();
        events.forEach(event -> (event.path("details").path("lookup_result").asText().equals("found") ? foundEvents
                : missedEvents).add(event));
        assertThat(foundEvents).hasSize(2); // the admin's and the view-users user's
        for (JsonNode event : foundEvents) {
            assertThat(event.path("resourceType").asText()).isEqualTo("CUSTOM");
            assertThat(event.path("resourcePath").asText())
                    .isEqualTo("latchkey/users/" + alice.id() + "/api-keys/" + created.path("id").asText() + "/lookup");
            assertThat(event.path("representation").asText()).contains(created.path("id").asText());
        }
        assertThat(missedEvents).hasSize(junkTexts.size() + 1); // the admin's junk and the query-users user's
        for (JsonNode event : missedEvents) {
            assertThat(event.path("resourceType").asText()).isEqualTo("CUSTOM");
            assertThat(event.path("details").path("lookup_result").asText()).isEqualTo("not_found");
            assertThat(event.path("resourcePath").asText()).isEqualTo("latchkey/api-keys/lookup");
            assertThat(event.path("representation").asText("")).as("a miss holds no representation").isEmpty();
            assertThat(event.toString()).as("a miss names no user").doesNotContain(alice.id()).doesNotContain(alice.username());
        }
        String stored = events.toString();
        assertThat(stored).doesNotContain(key.substring(12, key.length() - 1));
        for (String junk : junkTexts) {
            if (junk.length() > 12) {
                assertThat(stored).doesNotContain(junk.substring(12));
            }
        }
        assertThat(stored).doesNotContain("not a key");
    }

    @Test
    @DisplayName("Given keys of several users, then the list is newest first, paged by first/max, filtered by username, "
            + "expiringWithinDays and scoped, names each owner and never holds a key; bad parameters 400; without view-users 403")
    void inventory() {
        String bobToken = realm.tokenOf(bob);
        List<JsonNode> created = new ArrayList<>();
        created.add(realm.createKey(aliceToken, "a1"));
        created.add(realm.create(aliceToken, Map.of("name", "a2-scoped", "expiresAt", ApiKeyRealm.inDays(30),
                "roles", List.of(ApiKeyRealm.ROLE))).expectStatus(201).json());
        created.add(realm.create(bobToken, Map.of("name", "b1-soon", "expiresAt", ApiKeyRealm.inDays(2)))
                .expectStatus(201).json());
        created.add(realm.createKey(bobToken, "b2"));

        HttpResult all = realm.admin().get(adminPath(""));
        assertThat(all.status()).isEqualTo(200);
        assertThat(names(all.json())).containsExactly("b2", "b1-soon", "a2-scoped", "a1");
        for (JsonNode key : created) {
            assertThat(all.body()).doesNotContain(key.path("key").asText().substring(12));
        }
        JsonNode first = all.json().get(0);
        assertThat(first.path("userId").asText()).isEqualTo(bob.id());
        assertThat(first.path("username").asText()).isEqualTo(bob.username());
        assertThat(first.path("status").asText()).isEqualTo("active");
        assertThat(first.path("hint").asText()).isEqualTo(created.get(3).path("hint").asText());

        assertThat(names(realm.admin().getJson(adminPath("?max=2")))).containsExactly("b2", "b1-soon");
        assertThat(names(realm.admin().getJson(adminPath("?first=2&max=2")))).containsExactly("a2-scoped", "a1");
        assertThat(names(realm.admin().getJson(adminPath("?first=4")))).isEmpty();
        assertThat(names(realm.admin().getJson(adminPath("?username=" + alice.username())))).containsExactly("a2-scoped", "a1");
        assertThat(names(realm.admin().getJson(adminPath("?username=" + alice.username().toUpperCase()))))
                .containsExactly("a2-scoped", "a1");
        assertThat(names(realm.admin().getJson(adminPath("?username=nobody")))).isEmpty();
        assertThat(names(realm.admin().getJson(adminPath("?expiringWithinDays=5")))).containsExactly("b1-soon");
        assertThat(names(realm.admin().getJson(adminPath("?scoped=true")))).containsExactly("a2-scoped");
        assertThat(names(realm.admin().getJson(adminPath("?scoped=false&first=1&max=1")))).containsExactly("b1-soon");
        assertThat(names(realm.admin().getJson(adminPath("?scoped=false&username=" + bob.username() + "&expiringWithinDays=5"))))
                .containsExactly("b1-soon");
        assertThat(names(realm.admin().getJson(adminPath("?unusedForDays=0")))).hasSize(4);
        assertThat(names(realm.admin().getJson(adminPath("?unusedForDays=1")))).isEmpty();

        for (String bad : List.of("?max=1001", "?max=0", "?first=-1", "?max=x", "?scoped=maybe", "?unusedForDays=-2",
                "?expiringWithinDays=soon")) {
            HttpResult refused = realm.admin().get(adminPath(bad));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().path("error").asText()).isEqualTo("invalid_request");
        }
        assertThat(names(realm.admin().getJson(adminPath("?max=1000")))).hasSize(4);
        assertThat(asUser(realmAdminToken("view-users"), "GET", "", null).expectStatus(200).json()).hasSize(4);
        assertThat(asUser(realmAdminToken("query-users"), "GET", "", null).status()).isEqualTo(403);
        assertThat(asUser(aliceToken, "GET", "", null).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("Given time passed, then unusedForDays lists keys unused that long: a never-used key counts from its creation, "
            + "a key used since is left out")
    void unusedFilter() {
        JsonNode used = realm.createKey(aliceToken, "used");
        realm.createKey(aliceToken, "idle");
        List<String> unused;
        try (TestClock ignored = TestClock.ahead(server, Duration.ofDays(3))) {
            AdminClient later = new AdminClient(server);
            assertThat(realm.isActive(used.path("key").asText())).isTrue(); // "last used" noted on the moved clock
            Instant deadline = Instant.now().plusSeconds(30);
            String usedAt;
            do {
                KeycloakServer.sleep(Duration.ofMillis(300));
                usedAt = find(later.getJson(adminPath("")), "used").path("lastUsedAt").asText(null);
            } while (usedAt == null && Instant.now().isBefore(deadline));
            assertThat(usedAt).as("last use written").isNotNull();
            unused = names(later.getJson(adminPath("?unusedForDays=2")));
        }
        assertThat(unused).containsExactly("idle");
    }

    private static List<String> names(JsonNode keys) {
        List<String> names = new ArrayList<>();
        keys.forEach(key -> names.add(key.path("name").asText()));
        return names;
    }

    private static JsonNode find(JsonNode keys, String name) {
        for (JsonNode key : keys) {
            if (key.path("name").asText().equals(name)) {
                return key;
            }
        }
        throw new AssertionError("No key " + name + " in " + keys);
    }
}

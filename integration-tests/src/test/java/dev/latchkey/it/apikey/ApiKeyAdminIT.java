package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.LatchkeySettings;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The admin side: settings (view-realm / manage-realm) and users' keys (view-users / manage-users). */
@LatchkeyIT
class ApiKeyAdminIT {

    @AutoClose
    private ApiKeyRealm realm;
    private KeycloakServer server;
    private AdminClient admin;
    private Http http;

    @BeforeEach
    void setUp(KeycloakServer server) {
        this.server = server;
        admin = server.admin();
        http = server.http();
        realm = new ApiKeyRealm(server);
    }

    @Test
    @DisplayName("Given a new realm, then the settings are the README's defaults: keys off, every setting as documented")
    void defaults() {
        String fresh = admin.createRealm("defaults").name();
        try {
            JsonNode settings = LatchkeySettings.read(admin, fresh);
            assertThat(settings).isEqualTo(LatchkeySettings.documentedDefaults());
            assertThat(settings.path("enabled").asBoolean()).isFalse();
        } finally {
            admin.deleteRealm(fresh);
        }
    }

    @Test
    @DisplayName("Given each setting at its bounds, then 1..365 days, 1..1000 keys, 0..86400 s are accepted, outside 400")
    void bounds() {
        for (int days : new int[] {1, 365}) {
            putSettings(Map.of("maxLifetimeDays", days)).expectStatus(200);
        }
        for (int keys : new int[] {1, 1000}) {
            putSettings(Map.of("maxKeysPerUser", keys)).expectStatus(200);
        }
        for (int seconds : new int[] {0, 86400}) {
            putSettings(Map.of("reauthenticationSeconds", seconds)).expectStatus(200);
        }
        List<Map<String, Object>> invalid = List.of(
                Map.of("maxLifetimeDays", 0), Map.of("maxLifetimeDays", 366), Map.of("maxLifetimeDays", -5),
                Map.of("maxKeysPerUser", 0), Map.of("maxKeysPerUser", 1001),
                Map.of("reauthenticationSeconds", -1), Map.of("reauthenticationSeconds", 86401),
                Map.of("role", "no-such-role"), Map.of("role", " "));
        for (Map<String, Object> body : invalid) {
            HttpResult result = putSettings(body);
            assertThat(result.status()).as("%s", body).isEqualTo(400);
            assertThat(result.json().path("error").asText()).isEqualTo("invalid_request");
            assertThat(result.json().path("error_description").asText()).as("%s", body).isNotBlank();
        }
        assertThat(putSettings("{\"maxLifetimeDays\": \"many\"}").status()).isEqualTo(400);
        assertThat(putSettings("{\"unknownSetting\": true}").status()).isEqualTo(400);
        assertThat(LatchkeySettings.read(admin, realm.name()).path("maxKeysPerUser").asInt()).isEqualTo(1000);
    }

    @Test
    @DisplayName("Given a change, then it is an admin event and the realm attributes hold it")
    void adminEventAndAttributes() {
        putSettings(Map.of("maxLifetimeDays", 42)).expectStatus(200);

        JsonNode event = admin.adminEvents(realm.name(), Map.of("operationTypes", "UPDATE",
                "resourceTypes", "CUSTOM")).get(0);
        assertThat(event.path("resourcePath").asText()).isEqualTo("latchkey/settings");
        assertThat(event.path("representation").asText()).contains("\"maxLifetimeDays\":42");
        assertThat(admin.realm(realm.name()).path("attributes").path("latchkey.apiKeys.maxLifetimeDays").asText()).isEqualTo("42");
    }

    @Test
    @DisplayName("Given an admin with view-realm only, then reading works and changing is 403; without it both are 403")
    void settingsPermissions() {
        String viewer = adminToken("view-realm");
        String nobody = adminToken();
        String settings = "/admin/realms/" + realm.name() + "/latchkey/settings";

        http.get(server.url(settings)).bearer(viewer).send().expectStatus(200);
        http.put(server.url(settings)).bearer(viewer).json(Map.of("enabled", false)).send().expectStatus(403);
        http.get(server.url(settings)).bearer(nobody).send().expectStatus(403);
        http.put(server.url(settings)).bearer(adminToken("manage-realm")).json(Map.of("maxKeysPerUser", 7)).send().expectStatus(200);
        http.get(server.url(settings)).send().expectStatus(401);
    }

    @Test
    @DisplayName("Given a user's keys, then view-users lists them, manage-users revokes one, with events, and it stops working")
    void listAndRevoke() {
        TestUser owner = realm.userWithRole();
        String ownerToken = realm.tokenOf(owner);
        JsonNode first = realm.createKey(ownerToken, "first");
        realm.createKey(ownerToken, "second");
        String keys = "/admin/realms/" + realm.name() + "/latchkey/users/" + owner.id() + "/api-keys";

        JsonNode listed = http.get(server.url(keys)).bearer(adminToken("view-users")).send().expectStatus(200).json();
        assertThat(Json.texts(listed, "name")).containsExactlyInAnyOrder("first", "second");
        assertThat(listed.toString()).doesNotContain(first.path("key").asText());

        String keyPath = keys + "/" + first.path("id").asText();
        http.delete(server.url(keyPath)).bearer(adminToken("view-users")).send().expectStatus(403);
        HttpResult revoked = http.delete(server.url(keyPath)).bearer(adminToken("manage-users")).send();
        revoked.expectStatus(204);
        http.delete(server.url(keyPath)).bearer(adminToken("manage-users")).send().expectStatus(404);

        assertThat(realm.isActive(first.path("key").asText())).isFalse();
        JsonNode adminEvent = admin.adminEvents(realm.name(), Map.of("operationTypes", "DELETE",
                "resourceTypes", "CUSTOM")).get(0);
        assertThat(adminEvent.path("resourcePath").asText()).endsWith("/api-keys/" + first.path("id").asText());
        JsonNode userEvent = admin.events(realm.name(), Map.of("type", "REMOVE_CREDENTIAL", "user", owner.id())).get(0);
        assertThat(userEvent.path("details").path("api_key_name").asText()).isEqualTo("first");
        assertThat(userEvent.path("details").path("revoked_by_admin").asText()).isNotBlank();
    }

    @Test
    @DisplayName("Given an unknown user or another user's key id, then 404")
    void notFound() {
        TestUser a = realm.userWithRole();
        TestUser b = realm.userWithRole();
        JsonNode keyOfB = realm.createKey(realm.tokenOf(b), "b");
        String base = "/realms/" + realm.name() + "/latchkey/users/";

        assertThat(admin.get(base + "00000000-0000-0000-0000-000000000000/api-keys").status()).isEqualTo(404);
        assertThat(admin.delete(base + a.id() + "/api-keys/" + keyOfB.path("id").asText()).status()).isEqualTo(404);
        assertThat(realm.isActive(keyOfB.path("key").asText())).isTrue();
    }

    @Test
    @DisplayName("Given the user's Credentials tab, then keys show without secrets, and deleting one there revokes it")
    void credentialsTab() {
        TestUser owner = realm.userWithRole();
        JsonNode created = realm.createKey(realm.tokenOf(owner), "shown in console");
        String credentials = "/realms/" + realm.name() + "/users/" + owner.id() + "/credentials";

        JsonNode listed = Json.find(admin.getJson(credentials), "type", "api-key");
        assertThat(listed.path("userLabel").asText()).isEqualTo("shown in console");
        assertThat(listed.has("secretData")).isFalse();
        assertThat(listed.path("credentialData").asText()).doesNotContain("hash");

        admin.delete(credentials + "/" + created.path("id").asText()).expectStatus(204);
        assertThat(realm.isActive(created.path("key").asText())).isFalse();
    }

    private HttpResult putSettings(Object body) {
        return LatchkeySettings.put(admin, realm.name(), body);
    }

    /** A token of a fresh admin user of the test realm holding exactly these realm-management roles. */
    private String adminToken(String... managementRoles) {
        TestUser user = admin.createUser(realm.name(), NewUser.unique("admin"));
        if (managementRoles.length > 0) {
            String management = admin.clientUuid(realm.name(), "realm-management");
            ArrayNode roles = Json.array();
            for (String role : managementRoles) {
                roles.add(admin.getJson("/realms/" + realm.name() + "/clients/" + management + "/roles/" + role));
            }
            admin.post("/realms/" + realm.name() + "/users/" + user.id() + "/role-mappings/clients/" + management, roles)
                    .expectStatus(204);
        }
        return server.tokens().password(realm.name(), ApiKeyRealm.CLI, user.username(), user.password()).accessToken();
    }
}

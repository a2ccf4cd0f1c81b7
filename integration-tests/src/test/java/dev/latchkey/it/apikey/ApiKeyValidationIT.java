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
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@LatchkeyIT
class ApiKeyValidationIT {

    @AutoClose
    private ApiKeyRealm realm;
    private AdminClient admin;
    private Http http;
    private TestUser owner;
    private String token;
    private JsonNode created;
    private String key;

    @BeforeEach
    void setUp(KeycloakServer server) {
        admin = server.admin();
        http = server.http();
        realm = new ApiKeyRealm(server);
        owner = realm.userWithRole();
        token = realm.tokenOf(owner);
        created = realm.createKey(token, "billing");
        key = created.path("key").asText();
    }

    @Test
    @DisplayName("Given an active key, then the answer names the owner, the caller and the key, with current roles")
    void activeAnswer() {
        JsonNode answer = realm.validate(key);

        assertThat(answer.path("active").asBoolean()).isTrue();
        assertThat(answer.path("sub").asText()).isEqualTo(owner.id());
        assertThat(answer.path("username").asText()).isEqualTo(owner.username());
        assertThat(answer.path("email").asText()).isEqualTo(owner.username() + "@latchkey.test");
        assertThat(answer.path("email_verified").isBoolean()).isTrue();
        assertThat(answer.path("email_verified").asBoolean())
                .isEqualTo(admin.user(realm.name(), owner.id()).path("emailVerified").asBoolean());
        assertThat(answer.path("name").asText()).endsWith("Tester");
        assertThat(answer.path("client_id").asText()).isEqualTo(ApiKeyRealm.SERVICE);
        assertThat(answer.path("key_id").asText()).isEqualTo(created.path("id").asText());
        assertThat(answer.path("key_name").asText()).isEqualTo("billing");
        assertThat(answer.path("iat").asLong()).isEqualTo(Instant.parse(created.path("createdAt").asText()).getEpochSecond());
        assertThat(answer.path("exp").asLong()).isEqualTo(Instant.parse(created.path("expiresAt").asText()).getEpochSecond());
        assertThat(Json.strings(answer.path("realm_access").path("roles"))).contains("api-access");
        assertThat(answer.path("resource_access").path("account").path("roles").isArray()).isTrue();
        assertThat(answer.path("groups").isArray()).isTrue();
        assertThat(answer.path("organizations").isArray()).isTrue();
        assertThat(answer.toString()).doesNotContain(key);
    }

    @Test
    @DisplayName("Given roles and groups changed after the key was made, then the answer holds the owner's effective roles now")
    void rolesAsTheyAreNow() {
        String r = "/realms/" + realm.name();
        admin.createRealmRole(realm.name(), "invoices-read", "Read invoices");
        admin.grantRealmRoles(realm.name(), owner.id(), List.of("invoices-read"));
        admin.createRealmRole(realm.name(), "auditor", "Auditors");
        admin.createRealmRole(realm.name(), "payables-clerk", "Payables");
        JsonNode clerk = admin.getJson(r + "/roles/payables-clerk");
        // a composite that brings a client role with it
        String account = admin.clientUuid(realm.name(), "account");
        admin.post(r + "/roles/payables-clerk/composites", Json.array()
                .add(admin.getJson(r + "/clients/" + account + "/roles/manage-account-links"))).expectStatus(204);
        String finance = admin.createGroup(realm.name(), "finance", "auditor");
        String payables = AdminClient.createdId(admin.post(r + "/groups/" + finance + "/children",
                Json.object().put("name", "payables")).expectStatus(201));
        admin.post(r + "/groups/" + payables + "/role-mappings/realm", Json.array().add(clerk)).expectStatus(204);
        admin.put(r + "/users/" + owner.id() + "/groups/" + payables, Json.object()).expectStatus(204);

        JsonNode answer = realm.validate(key);

        // exactly Keycloak's own effective roles: direct, through the group and its parent, through composites
        List<String> realmRoles = admin.effectiveRealmRoles(realm.name(), owner.id());
        assertThat(realmRoles).contains("invoices-read", "auditor", "payables-clerk", ApiKeyRealm.ROLE);
        assertThat(Json.strings(answer.path("realm_access").path("roles"))).containsExactlyInAnyOrderElementsOf(realmRoles);
        List<String> accountRoles = Json.texts(admin.getJson(r + "/users/" + owner.id() + "/role-mappings/clients/"
                + account + "/composite"), "name");
        assertThat(accountRoles).contains("manage-account-links");
        assertThat(Json.strings(answer.path("resource_access").path("account").path("roles")))
                .containsExactlyInAnyOrderElementsOf(accountRoles);
        assertThat(Json.strings(answer.path("groups"))).containsExactly("/finance/payables");
    }

    @Test
    @DisplayName("Given client credentials in the form or the service account's bearer token, then the caller is accepted")
    void callerAuthentication(TokenClient tokens) {
        JsonNode viaForm = http.post(realm.url("/api-keys/introspect"))
                .form(Map.of("token", key, "client_id", ApiKeyRealm.SERVICE, "client_secret", ApiKeyRealm.SERVICE_SECRET))
                .send().expectStatus(200).json();
        assertThat(viaForm.path("active").asBoolean()).isTrue();

        String serviceToken = tokens.clientCredentials(realm.name(), ApiKeyRealm.SERVICE, ApiKeyRealm.SERVICE_SECRET).accessToken();
        JsonNode viaBearer = http.post(realm.url("/api-keys/introspect")).bearer(serviceToken)
                .form(Map.of("token", key)).send().expectStatus(200).json();
        assertThat(viaBearer.path("active").asBoolean()).isTrue();
        assertThat(viaBearer.path("client_id").asText()).isEqualTo(ApiKeyRealm.SERVICE);
    }

    @Test
    @DisplayName("Given no, wrong or public-client credentials, or a user's token, then 401 and no answer about the key")
    void unauthenticatedCallers() {
        Map<String, String> form = Map.of("token", key);
        List<HttpResult> refused = List.of(
                http.post(realm.url("/api-keys/introspect")).form(form).send(),
                http.post(realm.url("/api-keys/introspect")).header("Authorization",
                        ApiKeyRealm.basic(ApiKeyRealm.SERVICE, "wrong")).form(form).send(),
                http.post(realm.url("/api-keys/introspect")).header("Authorization",
                        ApiKeyRealm.basic("no-such-client", "x")).form(form).send(),
                http.post(realm.url("/api-keys/introspect"))
                        .form(Map.of("token", key, "client_id", ApiKeyRealm.CLI)).send(),
                http.post(realm.url("/api-keys/introspect")).bearer(token).form(form).send(),
                http.post(realm.url("/api-keys/introspect")).bearer("garbage").form(form).send());
        for (HttpResult result : refused) {
            assertThat(result.status()).as("%s", result).isEqualTo(401);
            assertThat(result.json().path("error").asText()).isEqualTo("invalid_client");
            assertThat(result.body()).doesNotContain("active");
        }
    }

    @Test
    @DisplayName("Given the key in the query string, no token or the token twice, then 400")
    void badRequests() {
        HttpResult inUrl = http.post(realm.url("/api-keys/introspect?token=" + key))
                .header("Authorization", ApiKeyRealm.basic(ApiKeyRealm.SERVICE, ApiKeyRealm.SERVICE_SECRET))
                .form(Map.of("other", "x")).send();
        assertThat(inUrl.status()).isEqualTo(400);
        assertThat(inUrl.json().path("error").asText()).isEqualTo("invalid_request");

        HttpResult missing = http.post(realm.url("/api-keys/introspect"))
                .header("Authorization", ApiKeyRealm.basic(ApiKeyRealm.SERVICE, ApiKeyRealm.SERVICE_SECRET))
                .form(Map.of("other", "x")).send();
        assertThat(missing.status()).isEqualTo(400);

        HttpResult twice = http.post(realm.url("/api-keys/introspect"))
                .header("Authorization", ApiKeyRealm.basic(ApiKeyRealm.SERVICE, ApiKeyRealm.SERVICE_SECRET))
                .body("application/x-www-form-urlencoded", "token=" + key + "&token=" + key)
                .send();
        assertThat(twice.status()).isEqualTo(400);

        HttpResult asJson = http.post(realm.url("/api-keys/introspect"))
                .header("Authorization", ApiKeyRealm.basic(ApiKeyRealm.SERVICE, ApiKeyRealm.SERVICE_SECRET))
                .json(Map.of("token", key)).send();
        assertThat(asJson.status()).isEqualTo(400);
        assertThat(asJson.contentType()).startsWith("application/json");
    }

    @Test
    @DisplayName("Given malformed keys of every kind, then each is inactive with its reason in the event log")
    void malformedKeys() {
        int changeAt = 40;
        char changed = key.charAt(changeAt) == 'A' ? 'B' : 'A';
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "malformed");
        cases.put("x".repeat(10 * 1024), "malformed");
        cases.put("lk_" + "A".repeat(10 * 1024), "malformed");
        cases.put("gh_" + key.substring(3), "malformed");
        cases.put("LK_" + key.substring(3), "malformed");
        cases.put(key.substring(0, key.length() - 1), "bad_checksum"); // long enough to be checked: the checksum refuses it
        cases.put(key.substring(0, key.length() - 1) + (key.endsWith("a") ? "b" : "a"), "bad_checksum");
        cases.put(key.substring(0, changeAt) + changed + key.substring(changeAt + 1), "bad_checksum");
        cases.put(key.substring(0, 20) + "é" + key.substring(21), "malformed");
        cases.put(key.substring(0, 20) + "🔑" + key.substring(21), "malformed");
        cases.put(" " + key, "malformed");
        cases.put(key + "\n", "malformed");
        cases.put("Bearer " + key, "malformed");
        cases.forEach((text, reason) -> {
            assertThat(realm.validate(text)).as("key %s", abbreviate(text)).isEqualTo(Json.object().put("active", false));
            assertThat(realm.lastValidationFailureReason()).as("key %s", abbreviate(text)).isEqualTo(reason);
        });
        assertThat(realm.isActive(key)).isTrue();
    }

    @Test
    @DisplayName("Given another realm's key, then it is inactive as forged: its tag is that realm's, so it is not looked up here")
    void unknownKey(KeycloakServer server, TokenClient tokens) {
        try (ApiKeyRealm other = new ApiKeyRealm(server, admin, tokens)) {
            TestUser stranger = other.userWithRole();
            String foreignKey = other.createKey(other.tokenOf(stranger), "elsewhere").path("key").asText();

            assertThat(realm.isActive(foreignKey)).isFalse();
            assertThat(realm.lastValidationFailureReason()).isEqualTo("forged");
            assertThat(other.isActive(foreignKey)).isTrue();
        }
    }

    @Test
    @DisplayName("Given the key deleted by its owner, then it is inactive at once")
    void deleted() {
        realm.delete(token, created.path("id").asText()).expectStatus(204);

        assertThat(realm.isActive(key)).isFalse();
        assertThat(realm.lastValidationFailureReason()).isEqualTo("unknown_key");
    }

    @Test
    @DisplayName("Given the key expired, then it is inactive")
    void expired(KeycloakServer server) {
        try (TestClock clock = TestClock.of(server)) {
            Instant expiresAt = clock.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            String shortKey = realm.create(token, Map.of("name", "short", "expiresAt", expiresAt.toString()))
                    .expectStatus(201).json().path("key").asText();
            assertThat(realm.isActive(shortKey)).isTrue();

            clock.passBeyond(expiresAt);

            assertThat(realm.isActive(shortKey)).isFalse();
            assertThat(realm.lastValidationFailureReason()).isEqualTo("expired");
        }
    }

    @Test
    @DisplayName("Given the owner disabled, then inactive; enabled again, then active")
    void ownerDisabled() {
        admin.put("/realms/" + realm.name() + "/users/" + owner.id(), Json.object().put("enabled", false)).expectStatus(204);
        assertThat(realm.isActive(key)).isFalse();
        assertThat(realm.lastValidationFailureReason()).isEqualTo("user_disabled");

        admin.put("/realms/" + realm.name() + "/users/" + owner.id(), Json.object().put("enabled", true)).expectStatus(204);
        assertThat(realm.isActive(key)).isTrue();
    }

    @Test
    @DisplayName("Given the owner deleted, then inactive")
    void ownerDeleted() {
        admin.deleteUser(realm.name(), owner.id());

        assertThat(realm.isActive(key)).isFalse();
        assertThat(realm.lastValidationFailureReason()).isEqualTo("user_not_found");
    }

    @Test
    @DisplayName("Given the owner temporarily locked out by wrong passwords, then the key stays active: a lock-out anyone can cause is no off switch")
    void temporaryLockOutKeepsKeysWorking(TokenClient tokens) {
        admin.put("/realms/" + realm.name(), Json.object().put("bruteForceProtected", true).put("failureFactor", 2)
                .put("permanentLockout", false).put("maxFailureWaitSeconds", 900).put("waitIncrementSeconds", 600)
                .put("minimumQuickLoginWaitSeconds", 60)).expectStatus(204);
        guessPasswords(tokens, 3);

        assertThat(admin.getJson("/realms/" + realm.name() + "/attack-detection/brute-force/users/" + owner.id())
                .path("disabled").asBoolean()).as("the owner is locked out").isTrue();
        assertThat(realm.isActive(key)).isTrue();
    }

    @Test
    @DisplayName("Given the owner permanently locked out (an admin must act), then inactive until unlocked")
    void permanentLockOut(TokenClient tokens) {
        admin.put("/realms/" + realm.name(), Json.object().put("bruteForceProtected", true).put("failureFactor", 2)
                .put("permanentLockout", true)).expectStatus(204);
        guessPasswords(tokens, 3);

        assertThat(realm.isActive(key)).isFalse();
        assertThat(realm.lastValidationFailureReason()).isEqualTo("user_locked_out");

        admin.delete("/realms/" + realm.name() + "/attack-detection/brute-force/users/" + owner.id()).expectStatus(204);
        admin.put("/realms/" + realm.name() + "/users/" + owner.id(), Json.object().put("enabled", true)).expectStatus(204);
        assertThat(realm.isActive(key)).isTrue();
    }

    private void guessPasswords(TokenClient tokens, int times) {
        for (int i = 0; i < times; i++) {
            tokens.tokenRequest(realm.name(), Map.of("grant_type", "password", "client_id", ApiKeyRealm.CLI,
                    "username", owner.username(), "password", "wrong-" + i));
        }
    }

    @Test
    @DisplayName("Given the role removed (direct or from the group that granted it), then inactive")
    void roleRemoved() {
        JsonNode role = removeDirectRole();
        assertThat(realm.isActive(key)).isFalse();
        assertThat(realm.lastValidationFailureReason()).isEqualTo("role_missing");

        String groupId = admin.createGroup(realm.name(), "integrators", ApiKeyRealm.ROLE);
        admin.put("/realms/" + realm.name() + "/users/" + owner.id() + "/groups/" + groupId, Json.object()).expectStatus(204);
        assertThat(realm.isActive(key)).isTrue();

        admin.delete("/realms/" + realm.name() + "/groups/" + groupId + "/role-mappings/realm", Json.array().add(role)).expectStatus(204);
        assertThat(realm.isActive(key)).isFalse();
    }

    @Test
    @DisplayName("Given the role granted through a composite role, then active")
    void roleThroughComposite() {
        JsonNode role = removeDirectRole();
        admin.createRealmRole(realm.name(), "developer", "Developers");
        admin.post("/realms/" + realm.name() + "/roles/developer/composites", Json.array().add(role)).expectStatus(204);
        admin.grantRealmRoles(realm.name(), owner.id(), List.of("developer"));

        assertThat(realm.isActive(key)).isTrue();
    }

    @Test
    @DisplayName("Given keys switched off, then inactive; on again, then unexpired keys work again")
    void switchedOffAndOn() {
        realm.settings(Map.of("enabled", false));
        assertThat(realm.isActive(key)).isFalse();
        assertThat(realm.lastValidationFailureReason()).isEqualTo("api_keys_disabled");

        realm.settings(Map.of("enabled", true));
        assertThat(realm.isActive(key)).isTrue();
    }

    @Test
    @DisplayName("Given the API-access role changed in the settings, then holders of the new role pass")
    void roleSettingChanged() {
        admin.createRealmRole(realm.name(), "partners", "Partner integrations");
        realm.settings(Map.of("role", "partners"));
        assertThat(realm.isActive(key)).isFalse();

        admin.grantRealmRoles(realm.name(), owner.id(), List.of("partners"));
        assertThat(realm.isActive(key)).isTrue();
    }

    @Test
    @DisplayName("Given a key used, then 'last used' is recorded off the request path, coarsely")
    void lastUsed(KeycloakServer server) {
        assertThat(realm.list(token).json().get(0).path("lastUsedAt").isNull()).isTrue();
        Instant before = Instant.now().minusSeconds(1);

        assertThat(realm.isActive(key)).isTrue();
        TestClock.flushLastUsed(server); // what the node's flush timer does, off the request thread

        JsonNode lastUsed = realm.list(token).json().get(0).path("lastUsedAt");
        assertThat(lastUsed.isNull()).as("lastUsedAt after the flush").isFalse();
        assertThat(Instant.parse(lastUsed.asText())).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "...(" + text.length() + ")" : text;
    }

    /** Takes the API-access role the owner holds directly away; returns the role's representation. */
    private JsonNode removeDirectRole() {
        JsonNode role = admin.getJson("/realms/" + realm.name() + "/roles/" + ApiKeyRealm.ROLE);
        admin.delete("/realms/" + realm.name() + "/users/" + owner.id() + "/role-mappings/realm", Json.array().add(role))
                .expectStatus(204);
        return role;
    }
}

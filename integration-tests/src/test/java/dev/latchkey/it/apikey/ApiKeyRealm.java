package dev.latchkey.it.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeySettings;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestRealm;
import dev.latchkey.it.support.TestUser;
import dev.latchkey.it.support.TokenClient;
import java.util.Map;

/**
 * A fresh realm for API-key tests: the {@code api-access} role, keys switched on, events stored, a confidential
 * service client ({@value #SERVICE}) and a direct-grant client ({@value #CLI}) to get user tokens without a browser.
 * Closing it deletes the realm with everything in it.
 */
final class ApiKeyRealm implements AutoCloseable {

    static final String ROLE = ApiKeyFixture.ROLE;
    static final String SERVICE = ApiKeyFixture.SERVICE;
    static final String SERVICE_SECRET = ApiKeyFixture.SERVICE_SECRET;
    static final String CLI = ApiKeyFixture.CLI;

    private final KeycloakServer server;
    private final AdminClient admin;
    private final TokenClient tokens;
    private final Http http;
    private final TestRealm realm;

    ApiKeyRealm(KeycloakServer server) {
        this(server, server.admin(), server.tokens());
    }

    ApiKeyRealm(KeycloakServer server, AdminClient admin, TokenClient tokens) {
        this.server = server;
        this.admin = admin;
        this.tokens = tokens;
        this.http = server.http();
        this.realm = admin.createRealm("keys");
        admin.createRealmRole(name(), ROLE, "May create and use personal API keys");
        settings(Map.of("enabled", true));
        admin.enableEvents(name(), "UPDATE_CREDENTIAL", "UPDATE_CREDENTIAL_ERROR", "REMOVE_CREDENTIAL",
                "REMOVE_CREDENTIAL_ERROR", "INTROSPECT_TOKEN_ERROR", "LOGIN_ERROR");
        admin.createClient(name(), ApiKeyFixture.serviceClient());
        admin.createClient(name(), ApiKeyFixture.cliClient());
    }

    String name() {
        return realm.name();
    }

    AdminClient admin() {
        return admin;
    }

    Http http() {
        return http;
    }

    /** Changes settings through Latchkey's admin endpoint, e.g. {@code Map.of("maxKeysPerUser", 2)}. */
    void settings(Map<String, Object> changes) {
        LatchkeySettings.change(admin, name(), changes);
    }

    TestUser userWithRole() {
        return admin.createUser(name(), NewUser.unique("owner").realmRoles(ROLE));
    }

    TestUser userWithoutRole() {
        return admin.createUser(name(), NewUser.unique("plain"));
    }

    String tokenOf(TestUser user) {
        return tokens.password(name(), CLI, user.username(), user.password()).accessToken();
    }

    String url(String path) {
        return server.url("/realms/" + name() + "/latchkey" + path);
    }

    // --- self-service -------------------------------------------------------------------------------------

    HttpResult create(String token, Object body) {
        return http.post(url("/me/api-keys")).bearer(token).json(body).send();
    }

    /** Creates a key that must succeed; returns the 201 body (with {@code key}). */
    JsonNode createKey(String token, String name) {
        return create(token, Map.of("name", name, "expiresAt", inDays(30))).expectStatus(201).json();
    }

    HttpResult list(String token) {
        return http.get(url("/me/api-keys")).bearer(token).send();
    }

    HttpResult info(String token) {
        return http.get(url("/me/api-keys/info")).bearer(token).send();
    }

    /** {@code POST /me/api-keys/{id}/rotate}; {@code body} may be null (no body). */
    HttpResult rotate(String token, String keyId, Object body) {
        Http.Call call = http.post(url("/me/api-keys/" + keyId + "/rotate")).bearer(token);
        if (body != null) {
            call.json(body);
        }
        return call.send();
    }

    /** Changes the realm's own representation, e.g. its {@code smtpServer}. */
    void updateRealm(Object changes) {
        admin.put("/realms/" + name(), changes).expectStatus(204);
    }

    HttpResult delete(String token, String keyId) {
        return http.delete(url("/me/api-keys/" + keyId)).bearer(token).send();
    }

    // --- validation -----------------------------------------------------------------------------------------

    /** Validates as the service client with HTTP Basic client authentication. */
    JsonNode validate(String key) {
        return validateRaw(key).expectStatus(200).json();
    }

    HttpResult validateRaw(String key) {
        return ApiKeyFixture.introspect(server, name(), key);
    }

    boolean isActive(String key) {
        return validate(key).path("active").asBoolean();
    }

    /** The newest stored INTROSPECT_TOKEN_ERROR event's reason. */
    String lastValidationFailureReason() {
        JsonNode events = admin.events(name(), Map.of("type", "INTROSPECT_TOKEN_ERROR", "max", "1"));
        return events.size() == 0 ? null : events.get(0).path("details").path("reason").asText();
    }

    static String inDays(int days) {
        return ApiKeyFixture.inDays(days);
    }

    static String basic(String user, String password) {
        return ApiKeyFixture.basic(user, password);
    }

    /** Deletes the realm, while the node may be writing its keys' uses (as {@code RealmDeleteIT} does on purpose). */
    @Override
    public void close() {
        realm.close();
    }
}

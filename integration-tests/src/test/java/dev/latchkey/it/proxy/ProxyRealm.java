package dev.latchkey.it.proxy;

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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fresh realm with API keys and proxy authentication switched on, refusals stored as events, and a direct-grant
 * client allowed to create keys. Closing it deletes the realm with everything in it.
 */
final class ProxyRealm implements AutoCloseable {

    static final String ROLE = ApiKeyFixture.ROLE;

    private final KeycloakServer server;
    private final AdminClient admin;
    private final TokenClient tokens;
    private final Http http;
    private final TestRealm realm;

    ProxyRealm(KeycloakServer server) {
        this.server = server;
        this.admin = server.admin();
        this.tokens = server.tokens();
        this.http = server.http();
        this.realm = admin.createRealm("proxy");
        admin.createRealmRole(name(), ROLE, "May create and use personal API keys");
        settings(Map.of("enabled", true, "proxyAuth", true));
        admin.enableEvents(name(), "INTROSPECT_TOKEN_ERROR");
        admin.createClient(name(), ApiKeyFixture.cliClient());
    }

    String name() {
        return realm.name();
    }

    AdminClient admin() {
        return admin;
    }

    void settings(Map<String, Object> changes) {
        LatchkeySettings.change(admin, name(), changes);
    }

    TestUser user(NewUser user) {
        return admin.createUser(name(), user.realmRoles(ROLE));
    }

    TestUser userWithRole() {
        return user(NewUser.unique("owner"));
    }

    /** A key of the user, for all of their roles. */
    String key(TestUser user) {
        return createKey(user, Map.of()).path("key").asText();
    }

    /** Creates a key with extra fields of the create request (e.g. {@code roles}); returns the 201 body. */
    JsonNode createKey(TestUser user, Map<String, Object> fields) {
        String token = tokens.password(name(), ApiKeyFixture.CLI, user.username(), user.password()).accessToken();
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("name", "proxy-" + body.size() + "-" + System.nanoTime());
        body.put("expiresAt", ApiKeyFixture.inDays(30));
        return http.post(server.url("/realms/" + name() + "/latchkey/me/api-keys")).bearer(token).json(body)
                .send().expectStatus(201).json();
    }

    /** The endpoint's URL; {@code suffix} is a path below it or a query, e.g. {@code "?role=ops"}. */
    String authUrl(String suffix) {
        return server.url("/realms/" + name() + "/latchkey/api-keys/auth" + suffix);
    }

    HttpResult auth(String suffix, Map<String, String> headers) {
        Http.Call call = http.get(authUrl(suffix));
        headers.forEach(call::header);
        return call.send();
    }

    /** The stored INTROSPECT_TOKEN_ERROR events, newest first. */
    JsonNode refusals() {
        return admin.events(name(), Map.of("type", "INTROSPECT_TOKEN_ERROR"));
    }

    /** Deletes the realm, while the node may be writing its keys' uses (as {@code RealmDeleteIT} does on purpose). */
    @Override
    public void close() {
        realm.close();
    }
}

package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Keycloak's admin REST API as the bootstrap admin of the master realm (client admin-cli).
 * Paths are relative to {@code /admin}, e.g. {@code get("/realms/demo/roles")}.
 */
public final class AdminClient {

    /** Renew the admin token this long before it expires (master realm tokens live 60 s). */
    private static final long EXPIRY_MARGIN_SECONDS = 15;

    private final KeycloakServer server;
    private final Http http;
    private String accessToken;
    private Instant renewAt = Instant.MIN;

    public AdminClient(KeycloakServer server) {
        this.server = server;
        this.http = server.http();
    }

    public synchronized String accessToken() {
        if (Instant.now().isAfter(renewAt)) {
            JsonNode token = http.post(server.url("/realms/master/protocol/openid-connect/token"))
                    .form(Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", KeycloakServer.ADMIN_USERNAME, "password", KeycloakServer.ADMIN_PASSWORD))
                    .send().expectStatus(200).json();
            accessToken = token.get("access_token").asText();
            renewAt = Instant.now().plusSeconds(token.get("expires_in").asLong() - EXPIRY_MARGIN_SECONDS);
        }
        return accessToken;
    }


    /** The next call signs in again: for a test that moved the server's clock, which may have ended the session. */
    public synchronized void forgetToken() {
        renewAt = Instant.MIN;
    }

    public HttpResult get(String path) {
        return call("GET", path).send();
    }

    public HttpResult post(String path, Object jsonBody) {
        return call("POST", path).json(jsonBody).send();
    }

    public HttpResult put(String path, Object jsonBody) {
        return call("PUT", path).json(jsonBody).send();
    }

    public HttpResult delete(String path) {
        return call("DELETE", path).send();
    }

    /** DELETE with a JSON body, as Keycloak's role-mapping removals take one. */
    public HttpResult delete(String path, Object jsonBody) {
        return call("DELETE", path).json(jsonBody).send();
    }

    /** GET that must answer 200 with JSON. */
    public JsonNode getJson(String path) {
        return get(path).expectStatus(200).json();
    }

    private Http.Call call(String method, String path) {
        return http.request(method, server.url("/admin" + path)).bearer(accessToken()).accept(Http.JSON);
    }


    public JsonNode serverInfo() {
        return getJson("/serverinfo");
    }

    public JsonNode realm(String realm) {
        return getJson("/realms/" + realm);
    }

    /** A new enabled realm named {@code prefix-<random>}; close it (try-with-resources) to delete it. */
    public TestRealm createRealm(String prefix) {
        return createRealm(prefix, representation -> { });
    }

    /** As {@link #createRealm(String)}, the representation adjusted first, e.g. {@code r -> r.put("accountTheme", "latchkey")}. */
    public TestRealm createRealm(String prefix, Consumer<ObjectNode> customizer) {
        String name = prefix + "-" + randomSuffix();
        ObjectNode representation = Json.object().put("realm", name).put("enabled", true);
        customizer.accept(representation);
        representation.put("realm", name);
        post("/realms", representation).expectStatus(201);
        return new TestRealm(this, name);
    }

    public void deleteRealm(String realm) {
        delete("/realms/" + realm).expectStatus(204);
    }

    /** Sets (adds or replaces) realm attributes, keeping the others. */
    public void setRealmAttributes(String realm, Map<String, String> attributes) {
        ObjectNode merged = Json.object();
        realm(realm).path("attributes").properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        attributes.forEach(merged::put);
        ObjectNode update = Json.object();
        update.set("attributes", merged);
        put("/realms/" + realm, update).expectStatus(204);
    }

    /** Stores user events of these types (and admin events with representations) for the realm. */
    public void enableEvents(String realm, String... eventTypes) {
        ObjectNode config = Json.object()
                .put("eventsEnabled", true)
                .put("adminEventsEnabled", true)
                .put("adminEventsDetailsEnabled", true);
        ArrayNode types = config.putArray("enabledEventTypes");
        Arrays.stream(eventTypes).forEach(types::add);
        config.putArray("eventsListeners").add("jboss-logging");
        put("/realms/" + realm + "/events/config", config).expectStatus(204);
    }

    /** Stored user events, newest first; query e.g. {@code Map.of("type", "LOGIN", "user", userId)}. */
    public JsonNode events(String realm, Map<String, String> query) {
        return getJson("/realms/" + realm + "/events" + queryString(query));
    }

    /** Stored admin events, newest first; query e.g. {@code Map.of("operationTypes", "DELETE")}. */
    public JsonNode adminEvents(String realm, Map<String, String> query) {
        return getJson("/realms/" + realm + "/admin-events" + queryString(query));
    }


    /** Creates the user (password, realm's default roles, the given roles and groups); close it to delete it. */
    public TestUser createUser(String realm, NewUser user) {
        String id = createdId(post("/realms/" + realm + "/users", user.representation()).expectStatus(201));
        if (!user.realmRoles().isEmpty()) {
            grantRealmRoles(realm, id, user.realmRoles());
        }
        return new TestUser(this, realm, id, user.username(), user.password());
    }

    public void deleteUser(String realm, String userId) {
        delete("/realms/" + realm + "/users/" + userId).expectStatus(204);
    }

    public JsonNode user(String realm, String userId) {
        return getJson("/realms/" + realm + "/users/" + userId);
    }

    public String userId(String realm, String username) {
        JsonNode users = getJson("/realms/" + realm + "/users"
                + queryString(Map.of("username", username, "exact", "true")));
        if (users.size() != 1) {
            throw new AssertionError("Expected one user " + username + " in " + realm + ": " + users);
        }
        return users.get(0).get("id").asText();
    }

    public void grantRealmRoles(String realm, String userId, Collection<String> roleNames) {
        ArrayNode roles = Json.array();
        roleNames.forEach(name -> roles.add(getJson("/realms/" + realm + "/roles/" + encode(name))));
        post("/realms/" + realm + "/users/" + userId + "/role-mappings/realm", roles).expectStatus(204);
    }

    /** Names of the realm roles a user has directly, through groups and through composites. */
    public List<String> effectiveRealmRoles(String realm, String userId) {
        return Json.texts(getJson("/realms/" + realm + "/users/" + userId + "/role-mappings/realm/composite"), "name");
    }

    public void createRealmRole(String realm, String name, String description) {
        post("/realms/" + realm + "/roles", Json.object().put("name", name).put("description", description))
                .expectStatus(201);
    }

    /** A top-level group granting the given realm roles; returns its id. */
    public String createGroup(String realm, String name, String... realmRoles) {
        String id = createdId(post("/realms/" + realm + "/groups", Json.object().put("name", name)).expectStatus(201));
        if (realmRoles.length > 0) {
            ArrayNode roles = Json.array();
            Arrays.stream(realmRoles).forEach(role -> roles.add(getJson("/realms/" + realm + "/roles/" + encode(role))));
            post("/realms/" + realm + "/groups/" + id + "/role-mappings/realm", roles).expectStatus(204);
        }
        return id;
    }

    /** Creates a client from its representation; returns its internal id. */
    public String createClient(String realm, ObjectNode client) {
        return createdId(post("/realms/" + realm + "/clients", client).expectStatus(201));
    }

    /** A public client allowed to use the password grant, for tests that need a user token without a browser. */
    public String createDirectGrantClient(String realm, String clientId) {
        return createClient(realm, Json.object()
                .put("clientId", clientId)
                .put("publicClient", true)
                .put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false));
    }

    /** The internal id of a client, by its clientId. */
    public String clientUuid(String realm, String clientId) {
        JsonNode clients = getJson("/realms/" + realm + "/clients" + queryString(Map.of("clientId", clientId)));
        if (clients.size() != 1) {
            throw new AssertionError("Expected one client " + clientId + " in " + realm + ": " + clients);
        }
        return clients.get(0).get("id").asText();
    }


    /** The id at the end of a 201's Location header. */
    public static String createdId(HttpResult created) {
        String path = created.location().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String randomSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

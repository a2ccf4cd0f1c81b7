package dev.latchkey.it.cluster;

import static dev.latchkey.it.support.ApiKeyFixture.CLI;
import static dev.latchkey.it.support.ApiKeyFixture.ROLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeySettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A realm of its own for one test class, created in one admin call: the {@code api-access} role, API keys on, a
 * confidential service client and a direct-grant client ({@link ApiKeyFixture}), and users who hold the role. The
 * same realm is reachable through both nodes (one database); each call names the node it goes to, and a user token
 * is only ever sent back to the node that issued it (without a fixed hostname each node issues tokens under its own
 * URL, as behind a load balancer with one hostname). Closing it deletes the realm.
 */
final class ClusterRealm implements AutoCloseable {

    static final String PASSWORD = "Cluster-Pw-1";

    private final KeycloakServer creator;
    private final String name;

    /** @param users usernames to create, each holding {@value ApiKeyFixture#ROLE} and password {@value #PASSWORD} */
    ClusterRealm(KeycloakServer creator, String prefix, boolean eventsEnabled, String... users) {
        this(creator, prefix, eventsEnabled, realm -> { }, users);
    }

    /**
     * @param more further fields of the realm, set in the creating call. Not in a second call: the other node's
     *             lifecycle task reads every realm every few seconds, so it may have cached the new realm already,
     *             and a change made through one node reaches the other's cache by an invalidation some milliseconds
     *             after the change's answer (a key created there in between would see the realm as it was).
     */
    ClusterRealm(KeycloakServer creator, String prefix, boolean eventsEnabled, Consumer<ObjectNode> more,
                 String... users) {
        this.creator = creator;
        this.name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode realm = Json.object().put("realm", name).put("enabled", true)
                .put("eventsEnabled", eventsEnabled);
        if (eventsEnabled) {
            realm.putArray("enabledEventTypes").add("INTROSPECT_TOKEN_ERROR").add("UPDATE_CREDENTIAL")
                    .add("REMOVE_CREDENTIAL");
        }
        realm.putObject("attributes").put("latchkey.apiKeys.enabled", "true");
        realm.putObject("roles").putArray("realm").addObject().put("name", ROLE);
        ArrayNode clients = realm.putArray("clients");
        clients.add(ApiKeyFixture.serviceClient());
        clients.add(ApiKeyFixture.cliClient());
        ArrayNode userArray = realm.putArray("users");
        for (String username : users) {
            ObjectNode user = userArray.addObject().put("username", username).put("enabled", true)
                    .put("email", username + "@latchkey.test").put("emailVerified", true)
                    .put("firstName", username).put("lastName", "Cluster");
            user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD)
                    .put("temporary", false);
            user.putArray("realmRoles").add(ROLE).add("default-roles-" + name);
        }
        more.accept(realm);
        creator.admin().post("/realms", realm).expectStatus(201);
    }

    String name() {
        return name;
    }

    String userId(KeycloakServer node, String username) {
        return node.admin().userId(name, username);
    }

    String tokenOf(KeycloakServer node, String username) {
        return node.tokens().password(name, CLI, username, PASSWORD).accessToken();
    }

    /** A call to {@code /realms/{realm}/latchkey/me/...} with a user token of this node; {@code json} may be null. */
    HttpResult me(KeycloakServer node, String method, String path, String userToken, Object json) {
        Http.Call call = node.http().request(method, node.url("/realms/" + name + "/latchkey/me" + path))
                .bearer(userToken).accept(Http.JSON);
        if (json != null) {
            call.json(json);
        }
        return call.send();
    }

    /** Creates a key through the node; returns the 201 body ({@code id}, {@code key}, ...). */
    JsonNode createKey(KeycloakServer node, String userToken, String keyName) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", keyName);
        body.put("expiresAt", ApiKeyFixture.inDays(30));
        return me(node, "POST", "/api-keys", userToken, body).expectStatus(201).json();
    }

    HttpResult validate(KeycloakServer node, String key) {
        return ApiKeyFixture.introspect(node, name, key);
    }

    /** The {@code active} answer of a validation that must be a 200. */
    boolean isActive(KeycloakServer node, String key) {
        return validate(node, key).expectStatus(200).json().path("active").asBoolean();
    }

    /** Changes API-key settings through Latchkey's admin endpoint of the given node. */
    void settings(KeycloakServer node, Map<String, ?> changes) {
        LatchkeySettings.change(node.admin(), name, changes);
    }

    void removeRole(KeycloakServer node, String userId) {
        JsonNode role = node.admin().getJson("/realms/" + name + "/roles/" + ROLE);
        node.admin().delete("/realms/" + name + "/users/" + userId + "/role-mappings/realm", Json.array().add(role))
                .expectStatus(204);
    }

    @Override
    public void close() {
        creator.admin().deleteRealm(name);
    }
}

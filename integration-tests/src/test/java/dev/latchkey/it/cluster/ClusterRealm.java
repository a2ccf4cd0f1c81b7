package dev.latchkey.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A realm of its own for one test class, created in one admin call: the {@code api-access} role, API keys on, a
 * confidential service client and a direct-grant client, and users who hold the role. The same realm is reachable
 * through both nodes (one database); closing it deletes it.
 */
final class ClusterRealm implements AutoCloseable {

    static final String ROLE = "api-access";
    static final String SERVICE = "billing-service";
    static final String SERVICE_SECRET = "billing-secret-0123456789";
    static final String CLI = "test-cli";
    static final String PASSWORD = "Cluster-Pw-1";

    private final NodeClient creator;
    private final String name;

    /** @param users usernames to create, each holding {@value #ROLE} and password {@value #PASSWORD} */
    ClusterRealm(NodeClient creator, String prefix, boolean eventsEnabled, String... users) {
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
        clients.addObject().put("clientId", SERVICE).put("publicClient", false).put("secret", SERVICE_SECRET)
                .put("serviceAccountsEnabled", true).put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", false);
        clients.addObject().put("clientId", CLI).put("publicClient", true).put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false);
        ArrayNode userArray = realm.putArray("users");
        for (String username : users) {
            ObjectNode user = userArray.addObject().put("username", username).put("enabled", true)
                    .put("email", username + "@latchkey.test").put("emailVerified", true)
                    .put("firstName", username).put("lastName", "Cluster");
            user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD)
                    .put("temporary", false);
            user.putArray("realmRoles").add(ROLE).add("default-roles-" + name);
        }
        creator.admin("POST", "/realms", realm).expectStatus(201);
    }

    String name() {
        return name;
    }

    String userId(NodeClient node, String username) {
        JsonNode users = node.adminJson("/realms/" + name + "/users?exact=true&username=" + username);
        return users.get(0).get("id").asText();
    }

    String tokenOf(NodeClient node, String username) {
        return node.userToken(name, CLI, username, PASSWORD);
    }

    /** Creates a key through the node; returns the 201 body ({@code id}, {@code key}, ...). */
    JsonNode createKey(NodeClient node, String userToken, String keyName) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", keyName);
        body.put("expiresAt", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        return node.me("POST", name, "/api-keys", userToken, body).expectStatus(201).json();
    }

    HttpResult validate(NodeClient node, String key) {
        return node.introspect(name, SERVICE, SERVICE_SECRET, key);
    }

    /** The {@code active} answer of a validation that must be a 200. */
    boolean isActive(NodeClient node, String key) {
        return validate(node, key).expectStatus(200).json().path("active").asBoolean();
    }

    /** Switches API keys on or off through Latchkey's admin endpoint of the given node. */
    void keysEnabled(NodeClient node, boolean enabled) {
        node.admin("PUT", "/realms/" + name + "/latchkey/settings", Json.object().put("enabled", enabled))
                .expectStatus(200);
    }

    void removeRole(NodeClient node, String userId) {
        JsonNode role = node.adminJson("/realms/" + name + "/roles/" + ROLE);
        node.admin("DELETE", "/realms/" + name + "/users/" + userId + "/role-mappings/realm", Json.array().add(role))
                .expectStatus(204);
    }

    @Override
    public void close() {
        creator.admin("DELETE", "/realms/" + name, null).expectStatus(204);
    }
}

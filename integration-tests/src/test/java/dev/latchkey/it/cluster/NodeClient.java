package dev.latchkey.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.HttpResult;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * HTTP calls against one node only: its admin REST API (as the bootstrap admin, with a token from this node),
 * tokens from this node, and Latchkey's endpoints. Without a fixed hostname each node issues tokens under its own
 * URL, so a token is only ever sent back to the node that issued it, as a load balancer with one hostname would do.
 */
final class NodeClient {

    private final ClusterNode node;
    private final Http http;
    private String adminToken;
    private Instant renewAt = Instant.MIN;

    NodeClient(ClusterNode node) {
        this.node = node;
        this.http = node.http();
    }

    String name() {
        return node.name();
    }

    // --- admin REST -------------------------------------------------------------------------------------------

    synchronized String adminToken() {
        if (Instant.now().isAfter(renewAt)) {
            JsonNode token = http.post(node.url("/realms/master/protocol/openid-connect/token"))
                    .form(Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", ClusterNode.ADMIN_USERNAME, "password", ClusterNode.ADMIN_PASSWORD))
                    .send().expectStatus(200).json();
            adminToken = token.get("access_token").asText();
            renewAt = Instant.now().plusSeconds(token.get("expires_in").asLong() - 15);
        }
        return adminToken;
    }

    /** {@code path} below {@code /admin}, e.g. {@code /realms/x/users}; {@code json} may be null. */
    HttpResult admin(String method, String path, Object json) {
        Http.Call call = http.request(method, node.url("/admin" + path)).bearer(adminToken()).accept(Http.JSON);
        if (json != null) {
            call.json(json);
        }
        return call.send();
    }

    JsonNode adminJson(String path) {
        return admin("GET", path, null).expectStatus(200).json();
    }

    // --- tokens and Latchkey ----------------------------------------------------------------------------------

    String userToken(String realm, String clientId, String username, String password) {
        return http.post(node.url("/realms/" + realm + "/protocol/openid-connect/token"))
                .form(Map.of("grant_type", "password", "client_id", clientId, "username", username,
                        "password", password, "scope", "openid"))
                .send().expectStatus(200).json().get("access_token").asText();
    }

    /** {@code POST /realms/{realm}/latchkey/api-keys/introspect} with HTTP Basic client authentication. */
    HttpResult introspect(String realm, String clientId, String secret, String key) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes());
        return http.post(node.url("/realms/" + realm + "/latchkey/api-keys/introspect"))
                .header("Authorization", "Basic " + basic)
                .form(Map.of("token", key))
                .send();
    }

    /** A call to {@code /realms/{realm}/latchkey/me/...} with a user token of this node; {@code json} may be null. */
    HttpResult me(String method, String realm, String path, String userToken, Object json) {
        Http.Call call = http.request(method, node.url("/realms/" + realm + "/latchkey/me" + path))
                .bearer(userToken).accept(Http.JSON);
        if (json != null) {
            call.json(json);
        }
        return call.send();
    }
}

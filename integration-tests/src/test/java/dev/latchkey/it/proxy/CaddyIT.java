package dev.latchkey.it.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestUser;
import dev.latchkey.it.support.UserProfileConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A real Caddy (forward_auth) with the README's Caddy configuration in front of a real service, with keys checked by
 * Latchkey: the cases of {@link NginxIT}.
 */
@LatchkeyIT
class CaddyIT {

    @AutoClose
    private ProxyRealm realm;
    @AutoClose
    private EchoUpstream upstream;
    @AutoClose
    private Caddy caddy;
    private KeycloakServer server;
    private TestUser owner;
    private String key;

    @BeforeEach
    void setUp(KeycloakServer server) throws IOException {
        this.server = server;
        realm = new ProxyRealm(server);
        owner = realm.userWithRole();
        key = realm.key(owner);
        upstream = new EchoUpstream();
        caddy = new Caddy(server, realm.name(), upstream.port());
    }

    @Test
    @DisplayName("Given a key, then the service gets the request with who it is for, never the key nor forged headers")
    void keyPassesWithIdentity() {
        for (Map<String, String> presented : List.of(Map.of("X-Api-Key", key), Map.of("Authorization", "Bearer " + key),
                Map.of("Authorization", ApiKeyFixture.basic(owner.username(), key)))) {
            // a blank role in the client's query would be a 400 at Latchkey: the check never gets the client's query
            Http.Call call = server.http().post(caddy.url() + "/app/orders?role=")
                    .header("X-Latchkey-User-Id", "forged-admin-id")
                    .header("X-Latchkey-Organization", "forged-org")
                    .body("application/json", "{\"order\":1}");
            presented.forEach(call::header);
            HttpResult answer = call.send();

            assertThat(answer.status()).as("%s", presented).isEqualTo(200);
            ForwardedRequest.assertIdentity(answer.json(), "POST", "/app/orders", owner, key);
        }
    }

    @Test
    @DisplayName("Given owners without email and a key bound to an organization, then the service gets exactly the headers the answer has")
    void optionalHeaders() {
        String r = "/realms/" + realm.name();
        realm.admin().put(r, Json.object().put("organizationsEnabled", true)).expectStatus(204);
        String alias = "acme";
        String organization = lastSegment(realm.admin().post(r + "/organizations", Json.object().put("name", "Acme")
                .put("alias", alias).set("domains", Json.array().add(Json.object().put("name", "acme.test"))))
                .expectStatus(201));
        // an owner without email: the realm's profile must not require one, or the owner could not sign in to mint
        ObjectNode profile = (ObjectNode) UserProfileConfig.get(realm.admin(), realm.name());
        for (JsonNode attribute : profile.path("attributes")) {
            if ("email".equals(attribute.path("name").asText())) {
                ((ObjectNode) attribute).remove("required");
            }
        }
        realm.admin().put(r + "/users/profile", profile).expectStatus(200);
        TestUser member = realm.user(NewUser.unique("member").email(null));
        realm.admin().post(r + "/organizations/" + organization + "/members", "\"" + member.id() + "\"")
                .expectStatus(201);
        String bound = realm.createKey(member, Map.of("organization", alias)).path("key").asText();
        String unbound = realm.key(member);

        JsonNode boundHeaders = server.http().get(caddy.url() + "/app/").header("X-Api-Key", bound)
                .header("X-Latchkey-Email", "forged@latchkey.test").send().expectStatus(200).json().path("headers");
        JsonNode unboundHeaders = server.http().get(caddy.url() + "/app/").header("X-Api-Key", unbound)
                .header("X-Latchkey-Organization", alias).send().expectStatus(200).json().path("headers");

        assertThat(boundHeaders.path("x-latchkey-organization").asText()).isEqualTo(alias);
        for (JsonNode headers : List.of(boundHeaders, unboundHeaders)) {
            assertThat(headers.path("x-latchkey-user-id").asText()).isEqualTo(member.id());
            assertThat(headers.has("x-latchkey-email")).as("%s", headers).isFalse();
            assertThat(headers.has("x-latchkey-email-verified")).as("%s", headers).isFalse();
            // Caddy 2.6's copy_headers would send the placeholder's text for a header the answer does not have
            assertThat(headers.toString()).doesNotContain("{http.");
        }
        assertThat(unboundHeaders.has("x-latchkey-organization")).isFalse();
    }

    @Test
    @DisplayName("Given no key, a bad one or Basic with another name, then Latchkey's 401 and the service sees nothing")
    void refusedNeverReachesTheService() {
        TestUser other = realm.userWithRole();
        int before = upstream.requests();
        // first through this Caddy, so over a new connection to Keycloak: curl --http2 asks to upgrade to HTTP/2
        // (h2c), as the JDK's client does; passed on to Keycloak, that upgrade switched the connection and the
        // request was never answered
        Command upgrade = Command.run(caddy.dir(), Map.of(), null, "curl", "-s", "--http2", "-m", "30", "-o", "/dev/null",
                "-w", "%{http_code} %{http_version}", caddy.url() + "/app/orders");
        HttpResult none = server.http().get(caddy.url() + "/app/orders").send();
        HttpResult bad = server.http().get(caddy.url() + "/app/orders").header("X-Api-Key", key + "x").send();
        HttpResult otherName = server.http().get(caddy.url() + "/app/orders")
                .header("Authorization", ApiKeyFixture.basic(other.username(), key)).send();

        assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).isEqualTo("401 1.1");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate"))
                .contains("Bearer realm=\"" + realm.name() + "\", Basic realm=\"" + realm.name() + "\"");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.header("WWW-Authenticate")).contains("Bearer realm=\"" + realm.name() + "\"");
        assertThat(otherName.status()).isEqualTo(401);
        assertThat(upstream.requests()).isEqualTo(before);
    }

    @Test
    @DisplayName("Given a path that requires role ops, then 403 for a key without it (however the path is written), 200 for one with it")
    void requiredRole() {
        realm.admin().createRealmRole(realm.name(), "ops", "Operations");
        TestUser operator = realm.user(NewUser.unique("operator").realmRoles("ops"));
        String operatorKey = realm.key(operator);
        int before = upstream.requests();

        for (String path : List.of("/ops/deploy", "/OPS/deploy", "/app/../ops/deploy")) {
            assertThat(server.http().get(caddy.url() + path).header("X-Api-Key", key).send().status()).as(path)
                    .isEqualTo(403);
        }
        HttpResult allowed = server.http().get(caddy.url() + "/ops/deploy").header("X-Api-Key", operatorKey).send();

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().path("headers").path("x-latchkey-roles").asText()).contains("ops");
        assertThat(upstream.requests() - before).isEqualTo(1);
    }

    private static String lastSegment(HttpResult created) {
        String path = created.location().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

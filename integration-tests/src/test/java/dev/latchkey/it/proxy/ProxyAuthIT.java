package dev.latchkey.it.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.RawRequest;
import dev.latchkey.it.support.TestUser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The proxy auth endpoint's contract, called directly as a proxy would call it. */
@LatchkeyIT
class ProxyAuthIT {

    @AutoClose
    private ProxyRealm realm;
    private KeycloakServer server;
    private TestUser owner;
    private JsonNode created;
    private String key;

    @BeforeEach
    void setUp(KeycloakServer server) {
        this.server = server;
        realm = new ProxyRealm(server);
        owner = realm.userWithRole();
        created = realm.createKey(owner, Map.of());
        key = created.path("key").asText();
    }

    @Test
    @DisplayName("Given an active key as Bearer, X-Api-Key or Basic password, then 200, empty body, the owner in headers, nothing kept")
    void activeKey() {
        for (Map<String, String> presented : List.of(Map.of("Authorization", "Bearer " + key),
                Map.of("X-Api-Key", key), Map.of("Authorization", ApiKeyFixture.basic(owner.username(), key)))) {
            HttpResult answer = realm.auth("", presented);

            assertThat(answer.status()).as("%s", presented.keySet()).isEqualTo(200);
            assertThat(answer.body()).isEmpty();
            assertThat(answer.header("X-Latchkey-User-Id")).contains(owner.id());
            assertThat(answer.header("X-Latchkey-Username")).contains(owner.username());
            assertThat(answer.header("X-Latchkey-Email")).contains(owner.username() + "@latchkey.test");
            assertThat(answer.header("X-Latchkey-Email-Verified")).contains("true");
            assertThat(answer.header("X-Latchkey-Roles")).contains(
                    "api-access,default-roles-" + realm.name() + ",offline_access,uma_authorization");
            assertThat(answer.header("X-Latchkey-Key-Id")).contains(created.path("id").asText());
            assertThat(answer.header("X-Latchkey-Organization")).isEmpty();
            assertThat(answer.header("Cache-Control")).contains("no-store");
            assertThat(answer.header("Set-Cookie")).isEmpty();
            assertThat(answer.header("Location")).isEmpty();
            assertThat(answer.headers().map().toString()).doesNotContain(key);
        }
    }

    @Test
    @DisplayName("Given any method or a path below the endpoint (Envoy appends one), then the same answer")
    void anyMethodAndPath() {
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            for (String suffix : List.of("", "/some/original/path")) {
                HttpResult answer = server.http().request(method, realm.authUrl(suffix)).header("X-Api-Key", key).send();

                assertThat(answer.status()).as("%s %s", method, suffix).isEqualTo(200);
                assertThat(answer.header("X-Latchkey-User-Id")).as("%s %s", method, suffix).contains(owner.id());
            }
        }
        assertThat(server.http().request("POST", realm.authUrl("")).send().status()).isEqualTo(401);
        // a method outside the list (WebDAV's, say) is never a pass
        assertThat(server.http().request("PROPFIND", realm.authUrl("")).header("X-Api-Key", key).send().status())
                .isEqualTo(405);
    }

    @Test
    @DisplayName("Given a path that climbs out of the endpoint (.., encoded, double slashes), then never another endpoint's answer, never a 200 without a key")
    void pathsNeverLeaveTheEndpoint() {
        String token = server.tokens().password(realm.name(), ApiKeyFixture.CLI, owner.username(), owner.password())
                .accessToken();
        Map<String, String> withToken = Map.of("Authorization", "Bearer " + token);
        String realmPath = "/realms/" + realm.name() + "/";
        String auth = realmPath + "latchkey/api-keys/auth";
        // each answers 2xx when reached: with the owner's token (the key list), to anyone (the preflight, discovery
        // documents), or to anyone's POST (leak reports)
        List<String> targets = List.of("latchkey/me/api-keys", "latchkey/api-keys/introspect", "latchkey/api-keys/revoke",
                ".well-known/openid-configuration", "../master/.well-known/openid-configuration");
        assertThat(raw("GET", realmPath + targets.get(0), withToken).status()).isEqualTo(200);
        assertThat(raw("OPTIONS", realmPath + targets.get(1), withToken).status()).isEqualTo(200);
        assertThat(raw("GET", realmPath + targets.get(3), withToken).status()).isEqualTo(200);

        // from auth up to the realm's path: three levels, as a proxy that appends the client's path would send them
        List<String> climbs = List.of("/../../../", "/%2e%2e/%2e%2e/%2e%2e/", "/%2E%2E/%2E%2E/%2E%2E/",
                "/.%2e/.%2e/.%2e/", "/..%2f..%2f..%2f", "/..%2F..%2F..%2F", "/%2e%2e%2f%2e%2e%2f%2e%2e%2f",
                "%2f..%2f..%2f..%2f", "%2F..%2F..%2F..%2F", "//../../../", "/..//..//..//", "/..%5c..%5c..%5c",
                "/..;/..;/..;/", ";/../../../");
        List<String> paths = new ArrayList<>();
        for (String climb : climbs) {
            for (String target : targets) {
                paths.add(auth + climb + target);
            }
        }
        // and what a proxy makes of odd client paths: "*" (OPTIONS *), none, double slashes
        paths.addAll(List.of("/" + auth, auth.replace("/", "//"), auth + "//", auth + "//x", auth + "*", auth + "x",
                auth + "%20", auth + ".json", auth + "%2f", auth + "%2Fx"));

        for (String path : paths) {
            for (String method : List.of("GET", "POST", "OPTIONS")) {
                HttpResult answer = raw(method, path, withToken);
                String what = method + " " + path;

                // Keycloak refuses a path that is not normalised (400 missingNormalization or invalidCharacter);
                // anything else is Latchkey's proxy answer to a request without an active key
                assertThat(answer.status()).as(what).isIn(400, 401);
                assertThat(answer.header("X-Latchkey-User-Id")).as(what).isEmpty();
                if (answer.status() == 401) {
                    assertThat(answer.header("WWW-Authenticate")).as(what)
                            .contains("Bearer realm=\"" + realm.name() + "\"");
                }
            }
        }
    }

    @Test
    @DisplayName("Given no key, then 401 offering Bearer and Basic in one challenge, and no event")
    void noKey() {
        HttpResult answer = realm.auth("", Map.of());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"" + realm.name() + "\", Basic realm=\"" + realm.name() + "\"");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.json().path("error").asText()).isEqualTo("unauthorized");
        assertThat(answer.header("X-Latchkey-User-Id")).isEmpty();
        assertThat(realm.refusals().size()).isZero();
    }

    @Test
    @DisplayName("Given inactive keys, then 401 with the Bearer challenge, the reason in an event without client")
    void inactiveKeys() {
        TestUser other = realm.userWithRole();
        String otherKey = realm.key(other);
        String badChecksum = key.substring(0, key.length() - 1) + (key.endsWith("a") ? "b" : "a");
        assertRefused(Map.of("Authorization", "Bearer lk_nonsense"), "malformed");
        assertRefused(Map.of("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"), "malformed");
        assertRefused(Map.of("X-Api-Key", badChecksum), "bad_checksum");

        realm.admin().put("/realms/" + realm.name() + "/users/" + other.id(),
                Map.of("enabled", false)).expectStatus(204);
        assertRefused(Map.of("X-Api-Key", otherKey), "user_disabled");

        realm.admin().delete("/realms/" + realm.name() + "/users/" + owner.id() + "/role-mappings/realm",
                List.of(realm.admin().getJson("/realms/" + realm.name() + "/roles/" + ProxyRealm.ROLE)))
                .expectStatus(204);
        assertRefused(Map.of("X-Api-Key", key), "role_missing");

        realm.settings(Map.of("enabled", false));
        assertRefused(Map.of("X-Api-Key", key), "api_keys_disabled");
    }

    @Test
    @DisplayName("Given Basic, then the user name must be the owner's (any letter case); another name or none is 401")
    void basicUserName() {
        TestUser other = realm.userWithRole();
        assertThat(realm.auth("", Map.of("Authorization", ApiKeyFixture.basic(owner.username().toUpperCase(), key)))
                .status()).isEqualTo(200);

        for (String name : List.of(other.username(), "", "x-access-token")) {
            HttpResult answer = realm.auth("", Map.of("Authorization", ApiKeyFixture.basic(name, key)));

            assertThat(answer.status()).as(name).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).as(name).contains(
                    "Bearer realm=\"" + realm.name() + "\", Basic realm=\"" + realm.name() + "\"");
            assertThat(realm.refusals().get(0).path("details").path("reason").asText()).isEqualTo("username_mismatch");
        }
        assertThat(realm.auth("", Map.of("Authorization", "Basic !!!")).status()).isEqualTo(401);
        assertThat(realm.refusals().get(0).path("details").path("reason").asText()).isEqualTo("malformed");
    }

    @Test
    @DisplayName("Given required roles, then 200 when the key may use all of them, else 403 with the role in the event")
    void requiredRoles() {
        assertThat(realm.auth("?role=api-access", Map.of("X-Api-Key", key)).status()).isEqualTo(200);
        assertThat(realm.auth("?role=api-access&role=account/view-profile", Map.of("X-Api-Key", key)).status())
                .isEqualTo(200);

        HttpResult missing = realm.auth("?role=api-access&role=ops", Map.of("X-Api-Key", key));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.json().path("error").asText()).isEqualTo("role_not_allowed");
        assertThat(missing.header("X-Latchkey-User-Id")).isEmpty();
        assertThat(missing.header("Cache-Control")).contains("no-store");
        JsonNode event = realm.refusals().get(0);
        assertThat(event.path("details").path("reason").asText()).isEqualTo("role_not_allowed");
        assertThat(event.path("details").path("required_role").asText()).isEqualTo("ops");
        assertThat(event.path("userId").asText()).isEqualTo(owner.id());

        assertThat(realm.auth("?role=account/manage-realm", Map.of("X-Api-Key", key)).status()).isEqualTo(403);
        assertThat(realm.auth("?role=", Map.of("X-Api-Key", key)).status()).isEqualTo(400);
        assertThat(realm.auth("?role=ops", Map.of()).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("Given a scoped key, then its roles are the scope's: X-Latchkey-Roles and ?role= follow KeyPermissions")
    void scopedKey() {
        realm.admin().createRealmRole(realm.name(), "ops", "Operations");
        realm.admin().grantRealmRoles(realm.name(), owner.id(), List.of("ops"));
        String scoped = realm.createKey(owner, Map.of("roles", List.of("ops"))).path("key").asText();

        HttpResult answer = realm.auth("?role=ops", Map.of("X-Api-Key", scoped));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Latchkey-Roles")).contains("ops");
        // the owner holds api-access, the key may not use it
        assertThat(realm.auth("?role=api-access", Map.of("X-Api-Key", scoped)).status()).isEqualTo(403);
        assertThat(realm.auth("?role=ops", Map.of("X-Api-Key", key)).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Given a user with non-ASCII username and email, then the headers carry them percent-encoded as UTF-8")
    void nonAsciiIdentity() {
        String suffix = Long.toString(System.nanoTime(), 36);
        TestUser jorg = realm.user(NewUser.named("jörg-" + suffix).email("jörg.ü+" + suffix + "@latchkey.test")
                .name("Jörg", "Müller"));
        String jorgKey = realm.key(jorg);

        HttpResult answer = realm.auth("", Map.of("Authorization", ApiKeyFixture.basic("jörg-" + suffix, jorgKey)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Latchkey-Username")).contains("j%C3%B6rg-" + suffix);
        assertThat(answer.header("X-Latchkey-Email")).contains("j%C3%B6rg.%C3%BC%2B" + suffix + "@latchkey.test");
    }

    @Test
    @DisplayName("Given proxy authentication off (the default), then 404 even for an active key")
    void offByDefault() {
        realm.settings(Map.of("proxyAuth", false));

        HttpResult answer = realm.auth("", Map.of("X-Api-Key", key));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("X-Latchkey-User-Id")).isEmpty();
        assertThat(answer.header("Cache-Control")).contains("no-store");
    }

    @Test
    @DisplayName("Given checks of each kind, then latchkey_proxy_checks_total counts them by result; no key is ever logged")
    void metricsAndLog() throws IOException {
        String before = scrape();
        realm.auth("", Map.of("X-Api-Key", key));
        realm.auth("", Map.of());
        realm.auth("", Map.of("X-Api-Key", key + "x"));
        realm.auth("?role=nope", Map.of("X-Api-Key", key));

        String after = scrape();
        for (String result : List.of("allowed", "no_key", "refused", "forbidden")) {
            String sample = "latchkey_proxy_checks_total{result=\"" + result + "\"}";
            assertThat(value(after, sample) - value(before, sample)).as(result).isEqualTo(1);
        }
        assertThat(after).doesNotContain(key);
        assertThat(Files.readString(server.serverLog())).doesNotContain(key);
    }

    private void assertRefused(Map<String, String> presented, String reason) {
        HttpResult answer = realm.auth("", presented);
        assertThat(answer.status()).as("%s", reason).isEqualTo(401);
        assertThat(answer.headers().allValues("WWW-Authenticate")).containsExactly("Bearer realm=\"" + realm.name() + "\"");
        assertThat(answer.header("X-Latchkey-User-Id")).isEmpty();
        JsonNode event = realm.refusals().get(0);
        assertThat(event.path("details").path("reason").asText()).isEqualTo(reason);
        assertThat(event.path("details").path("endpoint").asText()).isEqualTo("proxy_auth");
        assertThat(event.path("clientId").isMissingNode() || event.path("clientId").isNull()).isTrue();
    }

    /** The request exactly as given: no client in between resolves {@code ..}, decodes {@code %2F} or merges slashes. */
    private HttpResult raw(String method, String path, Map<String, String> headers) {
        RawRequest request = RawRequest.to(server, method, path).header("Host", URI.create(server.baseUrl()).getAuthority());
        headers.forEach(request::header);
        return request.send();
    }

    private String scrape() {
        return server.http().get(server.managementUrl() + "/metrics").send().expectStatus(200).body();
    }

    private static double value(String exposition, String sample) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(exposition);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}

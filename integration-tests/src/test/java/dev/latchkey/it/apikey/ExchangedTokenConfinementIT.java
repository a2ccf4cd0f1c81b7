package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A token exchanged for a key (RFC 8693) can do no more than the key, wherever an attacker would take it: in its own
 * claims, at Keycloak's admin REST API, account API, userinfo, introspection, client registration and standard token
 * exchange, and at Latchkey's own {@code /me} endpoints. The owner is a realm admin ({@code view-users},
 * {@code manage-clients}) who holds {@code ops}, {@code finance} and {@code inventory/reader}.
 */
@LatchkeyIT
class ExchangedTokenConfinementIT {

    private static final String EXCHANGER = "svc";
    private static final String INVENTORY = "inventory";

    @AutoClose
    private ApiKeyRealm realm;
    private KeycloakServer server;
    private AdminClient admin;
    private KeyExchange exchange;
    private String r;
    private TestUser owner;
    private String opsKey;
    private String unscopedKey;

    @BeforeEach
    void setUp(KeycloakServer server) {
        this.server = server;
        admin = server.admin();
        realm = new ApiKeyRealm(server);
        r = "/realms/" + realm.name();
        exchange = new KeyExchange(server, realm.name());
        admin.enableEvents(realm.name(), "TOKEN_EXCHANGE", "TOKEN_EXCHANGE_ERROR");
        admin.put(r, Json.object().put("organizationsEnabled", true)).expectStatus(204);
        admin.createClient(realm.name(), KeyExchange.exchanger(EXCHANGER));
        admin.createRealmRole(realm.name(), "ops", "Operations");
        admin.createRealmRole(realm.name(), "finance", "Approves invoices");
        String inventory = admin.createClient(realm.name(), Json.object().put("clientId", INVENTORY)
                .put("publicClient", false).put("standardFlowEnabled", false));
        admin.post(r + "/clients/" + inventory + "/roles", Json.object().put("name", "reader")).expectStatus(201);

        owner = admin.createUser(realm.name(), NewUser.unique("admin").realmRoles(ApiKeyRealm.ROLE, "ops", "finance"));
        grantClientRoles(INVENTORY, "reader");
        grantClientRoles("realm-management", "view-users", "manage-clients");

        String token = realm.tokenOf(owner);
        opsKey = realm.create(token, Map.of("name", "ops-only", "expiresAt", ApiKeyRealm.inDays(5),
                "roles", List.of("ops"))).expectStatus(201).json().path("key").asText();
        unscopedKey = realm.createKey(token, "everything").path("key").asText();
    }

    @Test
    @DisplayName("Given a key scoped to ops, then every role-derived claim holds ops only: realm_access, resource_access, aud, and microprofile-jwt's groups")
    void claimsCarryOnlyTheKeysRoles() throws Exception {
        JWTClaimsSet claims = exchange.verify(exchange.accessToken(EXCHANGER, opsKey, Map.of("scope", "microprofile-jwt")));

        assertThat(claims.getJSONObjectClaim("realm_access").get("roles")).isEqualTo(List.of("ops"));
        assertThat(claims.getJSONObjectClaim("resource_access")).isNull();
        assertThat(claims.getAudience()).doesNotContain("realm-management", INVENTORY, "account");
        assertThat(claims.getStringListClaim("groups")).containsExactly("ops");
        assertThat(claims.getClaim("auth_time")).as("an exchange is not a sign-in").isNull();
    }

    @Test
    @DisplayName("Given an unscoped key of a realm admin, then its token carries the owner's roles but none of Keycloak's administration or account roles")
    void unscopedKeyCarriesNoKeycloakAdministration() throws Exception {
        JWTClaimsSet claims = exchange.verify(exchange.accessToken(EXCHANGER, unscopedKey, Map.of()));

        @SuppressWarnings("unchecked")
        List<String> realmRoles = (List<String>) claims.getJSONObjectClaim("realm_access").get("roles");
        assertThat(realmRoles).contains("ops", "finance", ApiKeyRealm.ROLE);
        assertThat(claims.getJSONObjectClaim("resource_access")).containsOnlyKeys(INVENTORY);
        assertThat(claims.getAudience()).contains(INVENTORY).doesNotContain("realm-management", "account");
    }

    @Test
    @DisplayName("Given an audience the key's roles do not reach, then 400 invalid_target and a TOKEN_EXCHANGE_ERROR event; the unscoped key reaches it")
    void audienceOutsideTheScope() throws Exception {
        HttpResult refused = exchange.send(EXCHANGER, opsKey, Map.of("audience", INVENTORY));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("invalid_target");
        assertThat(refused.body()).doesNotContain("access_token");
        JsonNode event = admin.events(realm.name(), Map.of("type", "TOKEN_EXCHANGE_ERROR", "max", "1")).get(0);
        assertThat(event.path("userId").asText()).isEqualTo(owner.id());

        JWTClaimsSet allowed = exchange.verify(exchange.accessToken(EXCHANGER, unscopedKey, Map.of("audience", INVENTORY)));
        assertThat(allowed.getAudience()).contains(INVENTORY);
    }

    @Test
    @DisplayName("Given a key bound to one organization, then the token names that organization only, and another organization's scope is 400 invalid_scope")
    void organizationBoundKey() throws Exception {
        String acme = organization("acme");
        String globex = organization("globex");
        addMember(acme);
        addMember(globex);
        String acmeKey = realm.create(realm.tokenOf(owner), Map.of("name", "acme-only", "expiresAt",
                ApiKeyRealm.inDays(5), "organization", "acme")).expectStatus(201).json().path("key").asText();

        JWTClaimsSet claims = exchange.verify(exchange.accessToken(EXCHANGER, acmeKey, Map.of("scope", "organization")));
        assertThat(claims.getStringListClaim("organization")).as("%s", claims).containsExactly("acme");

        for (String scope : List.of("organization:globex", "organization:*")) {
            HttpResult refused = exchange.send(EXCHANGER, acmeKey, Map.of("scope", scope));
            assertThat(refused.status()).as(scope).isEqualTo(400);
            assertThat(refused.json().path("error").asText()).as(scope).isEqualTo("invalid_scope");
        }
        // an unbound key speaks for the owner's organizations: all of them on request, as Keycloak's own tokens
        JWTClaimsSet unbound = exchange.verify(exchange.accessToken(EXCHANGER, unscopedKey, Map.of("scope", "organization:*")));
        assertThat(unbound.getStringListClaim("organization")).as("%s", unbound).containsExactlyInAnyOrder("acme", "globex");
    }

    @Test
    @DisplayName("Given tokens of a scoped and of an unscoped key of a realm admin, then Keycloak's admin REST API and client registration refuse them")
    void adminApiRefuses() {
        for (String key : List.of(opsKey, unscopedKey)) {
            String token = exchange.accessToken(EXCHANGER, key, Map.of());
            assertThat(server.http().get(server.url("/admin/realms/" + realm.name() + "/users")).bearer(token).send().status())
                    .isIn(401, 403);
            HttpResult registration = server.http().post(server.url(r + "/clients-registrations/default")).bearer(token)
                    .json(Json.object().put("clientId", "planted-" + UUID.randomUUID())).send();
            assertThat(registration.status()).as("%s", registration).isIn(401, 403);
        }
        assertThat(admin.getJson(r + "/clients").toString()).doesNotContain("planted-");
    }

    @Test
    @DisplayName("Given a token of a key, then Keycloak's account API refuses it and the owner's email stays")
    void accountApiRefuses() {
        for (String key : List.of(opsKey, unscopedKey)) {
            String token = exchange.accessToken(EXCHANGER, key, Map.of());
            assertThat(server.http().get(server.url(r + "/account/")).bearer(token).accept("application/json").send().status())
                    .isIn(401, 403);
            ObjectNode changed = Json.object().put("username", owner.username()).put("email", "attacker@evil.test")
                    .put("firstName", "Mallory").put("lastName", "Owned");
            assertThat(server.http().post(server.url(r + "/account/")).bearer(token).accept("application/json")
                    .json(changed).send().status()).isIn(401, 403);
        }
        assertThat(admin.user(realm.name(), owner.id()).path("email").asText()).isNotEqualTo("attacker@evil.test");
    }

    @Test
    @DisplayName("Given a token of a key, then Latchkey's /me endpoints refuse it: no listing, deleting or minting keys, no password attempt")
    void latchkeyMeRefuses() {
        String keyId = realm.list(realm.tokenOf(owner)).expectStatus(200).json().get(0).path("id").asText();
        for (String key : List.of(opsKey, unscopedKey)) {
            String token = exchange.accessToken(EXCHANGER, key, Map.of());
            assertThat(realm.list(token).status()).isIn(401, 403);
            assertThat(realm.create(token, Map.of("name", "minted", "expiresAt", ApiKeyRealm.inDays(1))).status()).isIn(401, 403);
            assertThat(realm.delete(token, keyId).status()).isIn(401, 403);
            assertThat(server.http().get(realm.url("/me/profile")).bearer(token).send().status()).isIn(401, 403);
            assertThat(server.http().post(realm.url("/me/password")).bearer(token).json(Json.object()
                    .put("currentPassword", owner.password()).put("newPassword", "Another-pass-123")
                    .put("confirmation", "Another-pass-123")).send().status()).isIn(401, 403);
        }
        assertThat(realm.list(realm.tokenOf(owner)).expectStatus(200).json().size()).isEqualTo(2);
        assertThat(realm.tokenOf(owner)).as("the password is unchanged").isNotBlank();
    }

    @Test
    @DisplayName("Given a token of a key, then Keycloak's introspection answers inactive, userinfo refuses it, and Keycloak's standard exchange does not take it as a subject")
    void keycloakTokenEndpointsRefuse() {
        String token = exchange.accessToken(EXCHANGER, unscopedKey, Map.of());

        JsonNode introspected = server.http().post(server.url(r + "/protocol/openid-connect/token/introspect"))
                .header("Authorization", KeyExchange.basic(EXCHANGER)).form(Map.of("token", token)).send()
                .expectStatus(200).json();
        assertThat(introspected.path("active").asBoolean()).isFalse();
        assertThat(introspected.toString()).doesNotContain("finance");

        HttpResult userinfo = server.http().get(server.url(r + "/protocol/openid-connect/userinfo")).bearer(token).send();
        assertThat(userinfo.status()).isIn(401, 403);
        assertThat(userinfo.body()).doesNotContain("finance");

        HttpResult standard = server.http().post(server.url(r + "/protocol/openid-connect/token"))
                .header("Authorization", KeyExchange.basic(EXCHANGER))
                .form(Map.of("grant_type", KeyExchange.GRANT, "subject_token", token,
                        "subject_token_type", "urn:ietf:params:oauth:token-type:access_token")).send();
        assertThat(standard.status()).isEqualTo(400);
        assertThat(standard.body()).doesNotContain("access_token");
    }

    @Test
    @DisplayName("Given the key itself as a bearer token, then Keycloak's and Latchkey's account and admin endpoints refuse it; given a token of a key, then Latchkey's validation and proxy auth refuse it")
    void keysAndTokensAreNotInterchangeable() {
        realm.settings(Map.of("proxyAuth", true));
        for (String path : List.of("/admin/realms/" + realm.name() + "/users", r + "/account/",
                r + "/protocol/openid-connect/userinfo", r + "/latchkey/me/api-keys", r + "/latchkey/me/profile")) {
            HttpResult answer = server.http().get(server.url(path)).bearer(unscopedKey).accept("application/json").send();
            assertThat(answer.status()).as(path).isIn(401, 403);
            assertThat(answer.body()).as(path).doesNotContain(owner.username());
        }
        JsonNode introspected = server.http().post(server.url(r + "/protocol/openid-connect/token/introspect"))
                .header("Authorization", KeyExchange.basic(EXCHANGER)).form(Map.of("token", unscopedKey)).send()
                .expectStatus(200).json();
        assertThat(introspected.path("active").asBoolean()).isFalse();

        String token = exchange.accessToken(EXCHANGER, unscopedKey, Map.of());
        assertThat(realm.validate(token).path("active").asBoolean()).isFalse();
        assertThat(server.http().get(realm.url("/api-keys/auth")).bearer(token).send().status()).isEqualTo(401);
        assertThat(server.http().get(realm.url("/api-keys/auth")).bearer(unscopedKey).send().status()).isEqualTo(200);
    }

    private void grantClientRoles(String clientId, String... roles) {
        String uuid = admin.clientUuid(realm.name(), clientId);
        ArrayNode mappings = Json.array();
        for (String role : roles) {
            mappings.add(admin.getJson(r + "/clients/" + uuid + "/roles/" + role));
        }
        admin.post(r + "/users/" + owner.id() + "/role-mappings/clients/" + uuid, mappings).expectStatus(204);
    }

    private String organization(String alias) {
        return AdminClient.createdId(admin.post(r + "/organizations", Json.object().put("name", alias).put("alias", alias)
                .set("domains", Json.array().add(Json.object().put("name", alias + ".test")))).expectStatus(201));
    }

    private void addMember(String organizationId) {
        admin.post(r + "/organizations/" + organizationId + "/members", "\"" + owner.id() + "\"").expectStatus(201);
    }
}

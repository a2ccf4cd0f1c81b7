package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.TestUser;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A key exchanged for an ordinary access token at the realm's token endpoint (RFC 8693), by a real OAuth client
 * library (Nimbus OAuth 2.0 SDK), the token verified by a JOSE library against the realm's JWKS.
 */
@LatchkeyIT
class TokenExchangeIT {

    private static final String KEY_TYPE = "urn:latchkey:token-type:api-key";
    private static final String EXCHANGER = "ci-runner";
    private static final String EXCHANGER_SECRET = "ci-runner-secret-0123456789";

    @AutoClose
    private ApiKeyRealm realm;
    private KeycloakServer server;
    private AdminClient admin;
    private TestUser owner;
    private String key;
    private JsonNode created;

    @BeforeEach
    void setUp(KeycloakServer server) {
        this.server = server;
        admin = server.admin();
        realm = new ApiKeyRealm(server);
        admin.enableEvents(realm.name(), "TOKEN_EXCHANGE", "TOKEN_EXCHANGE_ERROR", "INTROSPECT_TOKEN_ERROR");
        admin.createClient(realm.name(), exchanger(EXCHANGER, true));
        owner = realm.userWithRole();
        created = realm.createKey(realm.tokenOf(owner), "pipeline");
        key = created.path("key").asText();
    }

    @Test
    @DisplayName("Given an active key, then the exchange answers an access token of the calling client for the owner, verifiable with the realm's keys, with no refresh token")
    void exchange() throws Exception {
        AccessTokenResponse answer = exchange(EXCHANGER, EXCHANGER_SECRET, key).toSuccessResponse();

        assertThat(answer.getTokens().getRefreshToken()).isNull();
        assertThat(answer.getTokens().getAccessToken().getIssuedTokenType()).isEqualTo(TokenTypeURI.ACCESS_TOKEN);
        assertThat(answer.getTokens().getAccessToken().getType().getValue()).isEqualToIgnoringCase("Bearer");
        assertThat(answer.getTokens().getAccessToken().getLifetime()).isBetween(1L, 300L);
        JWTClaimsSet claims = verify(answer.getTokens().getAccessToken().getValue());
        assertThat(claims.getSubject()).isEqualTo(owner.id());
        assertThat(claims.getStringClaim("azp")).isEqualTo(EXCHANGER);
        assertThat(claims.getStringClaim("api_key_id")).isEqualTo(created.path("id").asText());
        assertThat(claims.getStringClaim("api_key_name")).isEqualTo("pipeline");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(owner.username());
        @SuppressWarnings("unchecked")
        List<String> realmRoles = (List<String>) claims.getJSONObjectClaim("realm_access").get("roles");
        assertThat(realmRoles).contains(ApiKeyFixture.ROLE);

        // the transient session's id, which Keycloak's own endpoints refuse (ExchangedTokenConfinementIT)
        assertThat(claims.getStringClaim("sid")).isNotBlank();

        JsonNode event = admin.events(realm.name(), Map.of("type", "TOKEN_EXCHANGE", "max", "1")).get(0);
        assertThat(event.path("details").path("api_key_id").asText()).isEqualTo(created.path("id").asText());
        assertThat(event.toString()).doesNotContain(key);
    }

    @Test
    @DisplayName("Given a key scoped to one role, then the exchanged token carries that role only, and loses it when the owner does")
    void scopedKey() throws Exception {
        admin.createRealmRole(realm.name(), "ops", "Operations");
        admin.createRealmRole(realm.name(), "finance", "Approves invoices");
        admin.grantRealmRoles(realm.name(), owner.id(), List.of("ops", "finance"));
        String scoped = realm.create(realm.tokenOf(owner), Map.of("name", "ops-only", "expiresAt", ApiKeyRealm.inDays(5),
                "roles", List.of("ops"))).expectStatus(201).json().path("key").asText();

        JWTClaimsSet claims = verify(exchange(EXCHANGER, EXCHANGER_SECRET, scoped).toSuccessResponse()
                .getTokens().getAccessToken().getValue());

        assertThat(claims.getJSONObjectClaim("realm_access").get("roles")).isEqualTo(List.of("ops"));
        assertThat(claims.getJSONObjectClaim("resource_access")).isNull();

        admin.delete("/realms/" + realm.name() + "/users/" + owner.id() + "/role-mappings/realm",
                Json.array().add(admin.getJson("/realms/" + realm.name() + "/roles/ops"))).expectStatus(204);
        JWTClaimsSet after = verify(exchange(EXCHANGER, EXCHANGER_SECRET, scoped).toSuccessResponse()
                .getTokens().getAccessToken().getValue());
        assertThat(after.getClaim("realm_access")).as("no role left to carry").isNull();
    }

    @Test
    @DisplayName("Given 100 exchanges, then no user session is left behind")
    void noSessionsLeftBehind() throws Exception {
        int before = admin.getJson("/realms/" + realm.name() + "/users/" + owner.id() + "/sessions").size();
        for (int i = 0; i < 100; i++) {
            exchange(EXCHANGER, EXCHANGER_SECRET, key).toSuccessResponse();
        }
        assertThat(admin.getJson("/realms/" + realm.name() + "/users/" + owner.id() + "/sessions").size()).isEqualTo(before);
        assertThat(admin.getJson("/realms/" + realm.name() + "/users/" + owner.id() + "/offline-sessions/"
                + admin.clientUuid(realm.name(), EXCHANGER))).isEmpty();
    }

    @Test
    @DisplayName("Given a key that expires in two minutes, then the token lives no longer than the key")
    void lifetimeCappedByTheKey() throws Exception {
        String expiresAt = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode shortLived = realm.create(realm.tokenOf(owner), Map.of("name", "brief", "expiresAt", expiresAt))
                .expectStatus(201).json();

        AccessTokenResponse answer = exchange(EXCHANGER, EXCHANGER_SECRET, shortLived.path("key").asText()).toSuccessResponse();

        JWTClaimsSet claims = verify(answer.getTokens().getAccessToken().getValue());
        assertThat(claims.getExpirationTime().toInstant()).isBeforeOrEqualTo(Instant.parse(expiresAt));
        assertThat(answer.getTokens().getAccessToken().getLifetime()).isLessThanOrEqualTo(120L);
    }

    @Test
    @DisplayName("Given the exchanged-token lifetime set to 60 s, then tokens live 60 s")
    void lifetimeSetting() throws Exception {
        realm.settings(Map.of("exchangeTokenSeconds", 60));

        AccessTokenResponse answer = exchange(EXCHANGER, EXCHANGER_SECRET, key).toSuccessResponse();

        JWTClaimsSet claims = verify(answer.getTokens().getAccessToken().getValue());
        long lifetime = claims.getExpirationTime().toInstant().getEpochSecond() - claims.getIssueTime().toInstant().getEpochSecond();
        assertThat(lifetime).isBetween(58L, 60L);
    }

    @Test
    @DisplayName("Given a deleted, unknown or malformed key, a removed API-access role or keys switched off, then 400 invalid_grant with one neutral description, the reason only in the event")
    void inactiveKeys() throws Exception {
        JsonNode toDelete = realm.createKey(realm.tokenOf(owner), "doomed");
        realm.delete(realm.tokenOf(owner), toDelete.path("id").asText()).expectStatus(204);
        List<String> refused = List.of(toDelete.path("key").asText(), "lk_malformed",
                key.substring(0, key.length() - 2) + (key.endsWith("A") ? "BB" : "AA"));
        for (String bad : refused) {
            assertInvalidGrant(exchange(EXCHANGER, EXCHANGER_SECRET, bad));
        }

        admin.delete("/realms/" + realm.name() + "/users/" + owner.id() + "/role-mappings/realm",
                Json.array().add(admin.getJson("/realms/" + realm.name() + "/roles/" + ApiKeyFixture.ROLE))).expectStatus(204);
        assertInvalidGrant(exchange(EXCHANGER, EXCHANGER_SECRET, key));
        JsonNode event = admin.events(realm.name(), Map.of("type", "TOKEN_EXCHANGE_ERROR", "max", "1")).get(0);
        assertThat(event.path("details").path("reason").asText()).isEqualTo("role_missing");
        assertThat(event.toString()).doesNotContain(key);

        admin.grantRealmRoles(realm.name(), owner.id(), List.of(ApiKeyFixture.ROLE));
        realm.settings(Map.of("enabled", false));
        assertInvalidGrant(exchange(EXCHANGER, EXCHANGER_SECRET, key));
        realm.settings(Map.of("enabled", true));
        exchange(EXCHANGER, EXCHANGER_SECRET, key).toSuccessResponse();
    }

    @Test
    @DisplayName("Given a client without Keycloak's standard token exchange switch, or a public client, then it is refused as Keycloak refuses its own exchange")
    void whoMayExchange() throws Exception {
        admin.createClient(realm.name(), exchanger("no-switch", false));
        TokenResponse noSwitch = exchange("no-switch", EXCHANGER_SECRET, key);
        assertThat(noSwitch.indicatesSuccess()).isFalse();
        assertThat(noSwitch.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(400);

        ObjectNode publicClient = exchanger("public-app", true).put("publicClient", true);
        publicClient.remove("secret");
        admin.createClient(realm.name(), publicClient);
        HttpResult publicAnswer = server.http().post(tokenEndpoint().toString()).form(Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange", "client_id", "public-app",
                "subject_token", key, "subject_token_type", KEY_TYPE)).send();
        assertThat(publicAnswer.status()).isEqualTo(400);
        assertThat(publicAnswer.json().path("error").asText()).isEqualTo("invalid_client");
        assertThat(publicAnswer.body()).doesNotContain("access_token");
    }

    @Test
    @DisplayName("Given another requested token type, an unknown audience or an invalid scope, then 400")
    void badRequests() {
        Map<String, String> base = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", key, "subject_token_type", KEY_TYPE);
        for (Map<String, String> extra : List.of(
                Map.of("requested_token_type", "urn:ietf:params:oauth:token-type:refresh_token"),
                Map.of("requested_token_type", "urn:ietf:params:oauth:token-type:id_token"),
                Map.of("audience", "no-such-client"),
                Map.of("scope", "no-such-scope"))) {
            Map<String, String> form = new HashMap<>(base);
            form.putAll(extra);
            HttpResult answer = server.http().post(tokenEndpoint().toString())
                    .header("Authorization", ApiKeyFixture.basic(EXCHANGER, EXCHANGER_SECRET)).form(form).send();
            assertThat(answer.status()).as("%s", extra).isEqualTo(400);
            assertThat(answer.body()).as("%s", extra).doesNotContain("access_token");
        }
    }

    @Test
    @DisplayName("Given Keycloak's own token exchange of an access token, then it still works next to Latchkey's")
    void keycloaksOwnExchangeStays() {
        // the subject token must have the exchanging client in its audience, as Keycloak requires
        admin.createClient(realm.name(), Json.object().put("clientId", "cli-with-audience").put("publicClient", true)
                .put("directAccessGrantsEnabled", true).set("protocolMappers", Json.array().add(audienceMapper(EXCHANGER))));
        String userToken = server.tokens().password(realm.name(), "cli-with-audience", owner.username(), owner.password()).accessToken();

        HttpResult answer = server.http().post(tokenEndpoint().toString())
                .header("Authorization", ApiKeyFixture.basic(EXCHANGER, EXCHANGER_SECRET))
                .form(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange", "subject_token", userToken,
                        "subject_token_type", "urn:ietf:params:oauth:token-type:access_token")).send();

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("access_token").asText()).isNotBlank();
    }

    private static void assertInvalidGrant(TokenResponse response) {
        assertThat(response.indicatesSuccess()).isFalse();
        TokenErrorResponse error = response.toErrorResponse();
        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(error.getErrorObject().getDescription()).isEqualTo("The API key is not valid");
        assertThat(error.getErrorObject().getHTTPStatusCode()).isEqualTo(400);
    }

    private TokenResponse exchange(String clientId, String secret, String apiKey) throws Exception {
        TokenRequest request = new TokenRequest(tokenEndpoint(),
                new ClientSecretBasic(new ClientID(clientId), new Secret(secret)),
                new TokenExchangeGrant(new TypelessToken(apiKey), TokenTypeURI.parse(KEY_TYPE)), null);
        return TokenResponse.parse(request.toHTTPRequest().send());
    }

    private JWTClaimsSet verify(String accessToken) throws Exception {
        JWKSet keys = JWKSet.load(new URL(server.url("/realms/" + realm.name() + "/protocol/openid-connect/certs")));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        JWTClaimsSet claims = processor.process(accessToken, null);
        assertThat(claims.getIssuer()).isEqualTo(server.url("/realms/" + realm.name()));
        return claims;
    }

    private URI tokenEndpoint() {
        return URI.create(server.url("/realms/" + realm.name() + "/protocol/openid-connect/token"));
    }

    private static ObjectNode exchanger(String clientId, boolean standardExchange) {
        ObjectNode client = Json.object().put("clientId", clientId).put("publicClient", false)
                .put("secret", EXCHANGER_SECRET).put("standardFlowEnabled", false).put("serviceAccountsEnabled", true);
        client.putObject("attributes").put("standard.token.exchange.enabled", Boolean.toString(standardExchange));
        // Keycloak introspects a token only for a client in its audience
        client.putArray("protocolMappers").add(audienceMapper(clientId));
        return client;
    }

    private static ObjectNode audienceMapper(String audience) {
        ObjectNode mapper = Json.object().put("name", "audience " + audience).put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper");
        mapper.putObject("config").put("included.client.audience", audience).put("access.token.claim", "true")
                .put("id.token.claim", "false");
        return mapper;
    }
}

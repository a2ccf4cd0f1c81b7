package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;

/**
 * An API key exchanged for an access token at the realm's token endpoint (RFC 8693) with plain form posts, and the
 * token verified as a service verifies it: signature against the realm's JWKS (nimbus-jose-jwt), issuer, expiry.
 */
final class KeyExchange {

    static final String KEY_TYPE = "urn:latchkey:token-type:api-key";
    static final String GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String SECRET = "exchanger-secret-0123456789";

    private final KeycloakServer server;
    private final String realm;

    KeyExchange(KeycloakServer server, String realm) {
        this.server = server;
        this.realm = realm;
    }

    /** A confidential client with Keycloak's "Standard token exchange" on and itself in its tokens' audience. */
    static ObjectNode exchanger(String clientId) {
        ObjectNode client = Json.object().put("clientId", clientId).put("publicClient", false).put("secret", SECRET)
                .put("standardFlowEnabled", false).put("serviceAccountsEnabled", true);
        client.putObject("attributes").put("standard.token.exchange.enabled", "true");
        ObjectNode audience = Json.object().put("name", "audience " + clientId).put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper");
        audience.putObject("config").put("included.client.audience", clientId).put("access.token.claim", "true")
                .put("id.token.claim", "false");
        client.putArray("protocolMappers").add(audience);
        return client;
    }

    static String basic(String clientId) {
        return ApiKeyFixture.basic(clientId, SECRET);
    }

    HttpResult send(String clientId, String key, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", GRANT, "subject_token", key,
                "subject_token_type", KEY_TYPE));
        form.putAll(extra);
        return server.http().post(server.url("/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Authorization", basic(clientId)).form(form).send();
    }

    String accessToken(String clientId, String key, Map<String, String> extra) {
        return send(clientId, key, extra).expectStatus(200).json().path("access_token").asText();
    }

    JWTClaimsSet verify(String accessToken) throws Exception {
        JWKSet keys = JWKSet.load(new URL(server.url("/realms/" + realm + "/protocol/openid-connect/certs")));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        JWTClaimsSet claims = processor.process(accessToken, null);
        assertThat(claims.getIssuer()).isEqualTo(server.url("/realms/" + realm));
        return claims;
    }
}

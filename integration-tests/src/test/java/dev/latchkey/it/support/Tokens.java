package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** A token endpoint answer. */
public record Tokens(String accessToken, String refreshToken, String idToken, JsonNode raw) {

    static Tokens from(HttpResult response) {
        JsonNode json = response.expectStatus(200).json();
        return new Tokens(json.path("access_token").asText(null), json.path("refresh_token").asText(null),
                json.path("id_token").asText(null), json);
    }

    /** The access token's payload; its signature is not checked, the server under test issued it. */
    public JsonNode accessTokenClaims() {
        return claims(accessToken);
    }

    /** The access token's {@code aud}, which a JWT holds as a string when there is only one. */
    public List<String> accessTokenAudience() {
        JsonNode aud = accessTokenClaims().path("aud");
        return aud.isArray() ? Json.strings(aud) : List.of(aud.asText());
    }

    public JsonNode idTokenClaims() {
        return claims(idToken);
    }

    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a JWT: " + jwt);
        }
        return Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}

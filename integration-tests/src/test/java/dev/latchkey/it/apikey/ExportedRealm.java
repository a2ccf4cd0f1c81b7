package dev.latchkey.it.apikey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.ApiKeyFixture;
import dev.latchkey.it.support.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A realm as an export of an earlier Latchkey looks: API keys on, events of refused validations stored, the service
 * client, and user {@value #USERNAME} (with the API-access role) holding one key whose ids and secret are given, stored
 * as Latchkey stores keys (SHA-256 of the secret). Created with {@code POST /admin/realms}, as an import.
 */
final class ExportedRealm {

    static final String USERNAME = "holder";

    private ExportedRealm() {
    }

    static ObjectNode holding(String name, UUID userId, UUID keyId, String key, byte[] secret)
            throws NoSuchAlgorithmException {
        ObjectNode rep = Json.object().put("realm", name).put("enabled", true).put("eventsEnabled", true);
        rep.putArray("enabledEventTypes").add("INTROSPECT_TOKEN_ERROR");
        rep.putObject("attributes").put("latchkey.apiKeys.enabled", "true");
        rep.putObject("roles").putArray("realm").addObject().put("name", ApiKeyFixture.ROLE);
        ArrayNode clients = rep.putArray("clients");
        clients.add(ApiKeyFixture.serviceClient());
        long now = Instant.now().toEpochMilli();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(secret));
        ObjectNode user = rep.putArray("users").addObject().put("id", userId.toString()).put("username", USERNAME)
                .put("enabled", true);
        user.putArray("realmRoles").add(ApiKeyFixture.ROLE);
        user.putArray("credentials").addObject().put("id", keyId.toString()).put("type", "api-key")
                .put("userLabel", "old").put("createdDate", now)
                .put("secretData", Json.object().put("algorithm", "SHA-256").put("hash", hash).toString())
                .put("credentialData", Json.object().put("name", "old")
                        .put("expiresAt", now + Duration.ofDays(30).toMillis()).put("hint", key.substring(0, 11))
                        .toString());
        return rep;
    }
}

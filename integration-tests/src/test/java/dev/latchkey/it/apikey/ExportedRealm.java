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
    /** The provider type of the realm's tag-secret component, as Keycloak stores and exports it. */
    static final String TAG_SECRET_TYPE = "dev.latchkey.apikey.signing.RealmKeyMacSecret";

    private ExportedRealm() {
    }

    static ObjectNode holding(String name, UUID userId, UUID keyId, String key, byte[] secret)
            throws NoSuchAlgorithmException {
        ObjectNode rep = realm(name);
        addHolder(rep, USERNAME, userId, keyId, key, secret);
        return rep;
    }

    /** The realm without users. */
    static ObjectNode realm(String name) {
        ObjectNode rep = Json.object().put("realm", name).put("enabled", true).put("eventsEnabled", true);
        rep.putArray("enabledEventTypes").add("INTROSPECT_TOKEN_ERROR");
        rep.putObject("attributes").put("latchkey.apiKeys.enabled", "true");
        rep.putObject("roles").putArray("realm").addObject().put("name", ApiKeyFixture.ROLE);
        ArrayNode clients = rep.putArray("clients");
        clients.add(ApiKeyFixture.serviceClient());
        rep.putArray("users");
        return rep;
    }

    /** Adds a user with the API-access role holding one key (valid for 30 days) of these ids and secret. */
    static void addHolder(ObjectNode rep, String username, UUID userId, UUID keyId, String key, byte[] secret)
            throws NoSuchAlgorithmException {
        long now = Instant.now().toEpochMilli();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(secret));
        ObjectNode user = ((ArrayNode) rep.get("users")).addObject().put("id", userId.toString())
                .put("username", username).put("enabled", true);
        user.putArray("realmRoles").add(ApiKeyFixture.ROLE);
        user.putArray("credentials").addObject().put("id", keyId.toString()).put("type", "api-key")
                .put("userLabel", "old").put("createdDate", now)
                .put("secretData", Json.object().put("algorithm", "SHA-256").put("hash", hash).toString())
                .put("credentialData", Json.object().put("name", "old")
                        .put("expiresAt", now + Duration.ofDays(30).toMillis()).put("hint", key.substring(0, 11))
                        .toString());
    }

    /**
     * Gives the realm its tag secret as {@code kc.sh export} writes it: the realm's internal component (README,
     * Forged keys), so keys tagged with {@code macSecret} validate.
     */
    static void addTagSecret(ObjectNode rep, byte[] macSecret) {
        ObjectNode component = rep.putObject("components").putArray(TAG_SECRET_TYPE)
                .addObject().put("name", "Latchkey API-key tag secret").put("providerId", "latchkey-key-mac");
        component.putObject("subComponents");
        component.putObject("config").putArray("secret").add(Base64.getEncoder().encodeToString(macSecret));
    }
}

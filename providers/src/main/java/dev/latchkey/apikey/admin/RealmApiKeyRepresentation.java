package dev.latchkey.apikey.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.latchkey.apikey.minting.ApiKeyRepresentation;
import java.util.List;

/**
 * A key as an admin finds it in the realm (lookup, the realm's list): the owner's fields of {@link ApiKeyRepresentation}
 * plus who owns it. Never the key, never the hash.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RealmApiKeyRepresentation(String id, String name, String description, String hint, String createdAt,
                                        String expiresAt, String lastUsedAt, String status, List<String> roles,
                                        String organization, String replaces, String replacedBy, String revokedAt,
                                        String revokedReason, String userId, String username) {

    public static RealmApiKeyRepresentation of(ApiKeyRepresentation key, String userId, String username) {
        return new RealmApiKeyRepresentation(key.id(), key.name(), key.description(), key.hint(), key.createdAt(),
                key.expiresAt(), key.lastUsedAt(), key.status(), key.roles(), key.organization(), key.replaces(),
                key.replacedBy(), key.revokedAt(), key.revokedReason(), userId, username);
    }
}

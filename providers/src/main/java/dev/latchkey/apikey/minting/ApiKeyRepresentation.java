package dev.latchkey.apikey.minting;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.latchkey.apikey.credential.ApiKeyCredentialData;
import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A key as its owner (or an admin) sees it: never the secret, never the hash.
 *
 * @param roles        the roles the key may use, as labels; {@code null}: all of the owner's roles
 * @param organization the alias of the organization the key is bound to, or {@code null}
 * @param replaces     the id of the key this one was rotated from, or {@code null}
 * @param replacedBy   the id of the key this one was rotated into, or {@code null}: a replaced key works until its
 *                     {@code expiresAt} (the end of the grace period) and is then {@code expired}
 * @param revokedReason why the key was revoked without its owner ({@code reported_leaked}, {@code unused}); its
 *                     {@code status} is then {@code revoked} and {@code revokedAt} says when. {@code null}: not revoked
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyRepresentation(String id, String name, String description, String hint, String createdAt,
                                   String expiresAt, String lastUsedAt, String status, List<String> roles,
                                   String organization, String replaces, String replacedBy, String revokedAt,
                                   String revokedReason) {

    public static final String ACTIVE = "active";
    public static final String EXPIRED = "expired";
    public static final String REVOKED = "revoked";

    public static ApiKeyRepresentation of(ApiKeyCredentialModel key, long nowMillis) {
        return of(key.getId(), key.getCreatedDate(), key.data(), nowMillis);
    }

    /** From the stored parts without the secret's: the admin's realm-wide list reads no hashes. */
    public static ApiKeyRepresentation of(String id, Long createdDate, ApiKeyCredentialData data, long nowMillis) {
        return new ApiKeyRepresentation(id, data.name(), data.description(), data.hint(),
                iso(createdDate), iso(data.expiresAt()), iso(data.lastUsedAt()),
                data.isRevoked() ? REVOKED : data.isExpired(nowMillis) ? EXPIRED : ACTIVE, data.roles(),
                data.organization(), data.replaces(), data.replacedBy(), iso(data.revokedAt()), data.revokedReason());
    }

    static String iso(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

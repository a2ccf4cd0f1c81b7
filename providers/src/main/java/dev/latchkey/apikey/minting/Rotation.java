package dev.latchkey.apikey.minting;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.common.LatchkeyError;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What a rotation asks for, checked: the successor's expiration and the end of the old key's grace period.
 *
 * @param expiresAt    the successor's expiration: as asked (the create rules), else the old key's own expiration,
 *                     brought within the realm's maximum lifetime
 * @param graceEnd     when the old key stops working: now + the grace asked for (never later than its own expiration,
 *                     which {@link dev.latchkey.apikey.credential.ApiKeyCredentialData#replacedBy} keeps)
 * @param graceSeconds the grace asked for, 0 when none
 */
record Rotation(Instant expiresAt, Instant graceEnd, long graceSeconds) {

    static Rotation of(ApiKeyCredentialModel old, RotateApiKeyRequest request, ZoneId zone, Instant now,
                       ApiKeySettings settings) {
        if (old.data().isReplaced()) {
            throw LatchkeyError.badRequest("This API key was rotated already: rotate its successor");
        }
        if (old.data().isExpired(now.toEpochMilli())) {
            throw LatchkeyError.badRequest("This API key has expired: create a new one");
        }
        long grace = request.graceSeconds() == null ? 0 : request.graceSeconds();
        int maxGrace = settings.maxRotationGraceSeconds();
        if (grace < 0 || grace > maxGrace) {
            throw LatchkeyError.badRequest("graceSeconds must be between 0 and " + maxGrace
                    + " (the realm's maximum rotation grace)");
        }
        Instant expiresAt;
        if (request.expiresAt() == null || request.expiresAt().isBlank()) {
            Instant latest = Expiration.latest(now, zone, settings.maxLifetimeDays());
            Instant kept = Instant.ofEpochMilli(old.data().expiresAt());
            expiresAt = kept.isAfter(latest) ? latest : kept;
        } else {
            expiresAt = Expiration.resolve(request.expiresAt(), zone, now, settings.maxLifetimeDays());
        }
        return new Rotation(expiresAt, now.plusSeconds(grace), grace);
    }
}

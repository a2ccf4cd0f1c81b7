package dev.latchkey.apikey.minting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A rotation: every field optional (an empty body rotates with no grace and the old key's expiration).
 *
 * @param expiresAt    the new key's expiration, as for a create; absent: the old key's, within the maximum lifetime
 * @param timeZone     the zone a date is read in, as for a create
 * @param graceSeconds how long the old key keeps working, 0 to the realm's maximum rotation grace; absent: 0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RotateApiKeyRequest(String expiresAt, String timeZone, Long graceSeconds) {

    public static final RotateApiKeyRequest DEFAULTS = new RotateApiKeyRequest(null, null, null);
}

package dev.latchkey.apikey.minting;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the Profile page needs to decide what to show, and every limit its form enforces, so the page never carries
 * a limit of its own.
 *
 * @param enabled              API keys are switched on in the realm
 * @param maxLifetimeDays      latest expiration a user may pick: today (in the zone a date is read in) + this many days
 * @param maxKeysPerUser       the realm's limit of active keys per user
 * @param roleName             the realm role that may hold and use keys
 * @param allowed              this user holds the API-access role (and keys are enabled)
 * @param activeCount          this user's keys that have not expired
 * @param nameMaxLength        longest name, in characters (code points), after trimming
 * @param descriptionMaxLength longest description, in characters
 * @param timeZone             the user's own time zone (IANA id), or null when they have none: a date is then read
 *                             in the zone the create request names, else UTC
 * @param requireScopes        a new key must name its roles: the form offers "only these roles" and nothing else.
 *                             The roles to offer are the profile's ({@code GET /me/profile}: {@code realmRoles} by
 *                             name, {@code clientRoles} as clientId/name), its organizations those of the profile too
 * @param maxRoles             most roles one key may name
 * @param maxRotationGraceSeconds longest grace a rotation may give the replaced key (the rotate dialog offers no more)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyInfoRepresentation(boolean enabled, int maxLifetimeDays, int maxKeysPerUser, String roleName,
                                       boolean allowed, long activeCount, int nameMaxLength, int descriptionMaxLength,
                                       String timeZone, boolean requireScopes, int maxRoles,
                                       int maxRotationGraceSeconds) {
}

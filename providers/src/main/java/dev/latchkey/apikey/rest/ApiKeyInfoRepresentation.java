package dev.latchkey.apikey.rest;

/**
 * What the Profile page needs to decide what to show.
 *
 * @param enabled         API keys are switched on in the realm
 * @param allowed         this user holds the API-access role (and keys are enabled)
 * @param activeCount     this user's keys that have not expired
 * @param maxKeysPerUser  the realm's limit of active keys per user
 */
public record ApiKeyInfoRepresentation(boolean enabled, int maxLifetimeDays, int maxKeysPerUser, String roleName,
                                       boolean allowed, long activeCount) {
}

package dev.latchkey.apikey.representation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * @param expiresAt a date ({@code 2027-03-31}: valid through that day in {@code timeZone}) or an ISO-8601 date-time
 *                  with offset
 * @param timeZone  the IANA zone a date is read in, and in which "today + the maximum lifetime" is counted; absent:
 *                  the owner's own time zone, else UTC. The Profile page sends the zone it shows dates in.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateApiKeyRequest(String name, String description, String expiresAt, String timeZone) {
}

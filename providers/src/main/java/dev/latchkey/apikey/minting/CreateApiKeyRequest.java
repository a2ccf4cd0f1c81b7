package dev.latchkey.apikey.minting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * @param expiresAt a date ({@code 2027-03-31}: valid through that day in {@code timeZone}) or an ISO-8601 date-time
 *                  with offset
 * @param timeZone  the IANA zone a date is read in, and in which "today + the maximum lifetime" is counted; absent:
 *                  the owner's own time zone, else UTC. The Profile page sends the zone it shows dates in.
 * @param roles        the owner's roles the key may use, as labels ({@code ops}, {@code inventory/reader}); absent or
 *                     {@code null}: all of them, as they are at each use
 * @param organization the alias of an organization of the owner's the key is bound to; absent: none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateApiKeyRequest(String name, String description, String expiresAt, String timeZone,
                                  List<String> roles, String organization) {
}

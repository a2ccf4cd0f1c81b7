package dev.latchkey.apikey.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * @param expiresAt a date ({@code 2027-03-31}, valid through that day in the owner's time zone) or an ISO-8601
 *                  date-time with offset
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateApiKeyRequest(String name, String description, String expiresAt) {
}

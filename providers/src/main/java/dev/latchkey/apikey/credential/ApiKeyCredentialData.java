package dev.latchkey.apikey.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The non-secret part of a stored key ({@code credentialData}); admins see it in the user's Credentials tab.
 *
 * @param name        the owner's name for the key, also kept as the credential's user label
 * @param description optional
 * @param expiresAt   epoch milliseconds
 * @param hint        the first characters of the key, to recognise it
 * @param lastUsedAt  epoch milliseconds, recorded with a coarse granularity; {@code null} when never used
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyCredentialData(String name, String description, long expiresAt, String hint, Long lastUsedAt) {

    public ApiKeyCredentialData withLastUsedAt(long lastUsed) {
        return new ApiKeyCredentialData(name, description, expiresAt, hint, lastUsed);
    }

    public boolean isExpired(long nowMillis) {
        return nowMillis >= expiresAt;
    }
}

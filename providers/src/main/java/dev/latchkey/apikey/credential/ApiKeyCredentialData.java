package dev.latchkey.apikey.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The non-secret part of a stored key ({@code credentialData}); admins see it in the user's Credentials tab.
 * Fields added later are left out while unset, so keys stored before them read as they were made.
 *
 * @param name         the owner's name for the key, also kept as the credential's user label
 * @param description  optional
 * @param expiresAt    epoch milliseconds
 * @param hint         the first characters of the key, to recognise it
 * @param lastUsedAt   epoch milliseconds, recorded with a coarse granularity; {@code null} when never used
 * @param roles        the roles the key may use, as labels ({@code ops}, {@code inventory/reader}); {@code null}: all
 *                     of the owner's roles
 * @param organization the alias of the organization the key is bound to; {@code null}: none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyCredentialData(String name, String description, long expiresAt, String hint, Long lastUsedAt,
                                   List<String> roles, String organization) {

    public ApiKeyCredentialData withLastUsedAt(long lastUsed) {
        return new ApiKeyCredentialData(name, description, expiresAt, hint, lastUsed, roles, organization);
    }

    public boolean isExpired(long nowMillis) {
        return nowMillis >= expiresAt;
    }
}

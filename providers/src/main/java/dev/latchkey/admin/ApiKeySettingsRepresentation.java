package dev.latchkey.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.latchkey.settings.ApiKeySettings;

/** The settings as JSON; on PUT an omitted field keeps its current value. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ApiKeySettingsRepresentation(Boolean enabled, Integer maxLifetimeDays, String role, Integer maxKeysPerUser) {

    static ApiKeySettingsRepresentation of(ApiKeySettings settings) {
        return new ApiKeySettingsRepresentation(settings.enabled(), settings.maxLifetimeDays(), settings.roleName(),
                settings.maxKeysPerUser());
    }

    ApiKeySettings over(ApiKeySettings current) {
        return new ApiKeySettings(
                enabled != null ? enabled : current.enabled(),
                maxLifetimeDays != null ? maxLifetimeDays : current.maxLifetimeDays(),
                role != null ? role.trim() : current.roleName(),
                maxKeysPerUser != null ? maxKeysPerUser : current.maxKeysPerUser());
    }
}

package dev.latchkey.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.latchkey.password.PasswordPolicyRules;
import java.util.List;

/**
 * {@code GET /me/profile}: everything the Profile page shows, in the shape of the README's "The profile document". Unset
 * values are sent as {@code null} (Keycloak's mapper would drop them), so the page can tell "none" from "unknown".
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProfileRepresentation(
        String username,
        String firstName,
        String lastName,
        String email,
        boolean emailVerified,
        String locale,
        List<SupportedLocale> supportedLocales,
        String timezone,
        List<Organization> organizations,
        List<Group> groups,
        List<RealmRole> realmRoles,
        List<ClientRole> clientRoles,
        PasswordChange passwordChange,
        ApiKeys apiKeys,
        List<PasswordPolicyRules.Rule> passwordPolicy,
        Editable editable) {

    /** {@code displayName} in the language itself; {@code localizedName} in the user's current language. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SupportedLocale(String tag, String displayName, String localizedName) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Organization(String name, String alias, List<String> domains) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Group(String name, String path) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RealmRole(String name, String description, boolean direct, List<String> inheritedFrom) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ClientRole(String clientId, String name, String description, boolean direct,
            List<String> inheritedFrom) {
    }

    /** {@code reason} and {@code providerName} are left out when there is nothing to say. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PasswordChange(boolean allowed, String reason, String providerName) {
    }

    public record ApiKeys(boolean enabled, boolean allowed) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)

    public record Editable(boolean locale, boolean timezone) {
    }
}

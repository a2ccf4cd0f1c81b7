package dev.latchkey.profile;

import dev.latchkey.apikey.settings.ApiKeyAccess;
import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.common.OrganizationMembership;
import dev.latchkey.common.UserTimeZone;
import dev.latchkey.password.PasswordKeeper;
import dev.latchkey.password.PasswordPolicyRules;
import dev.latchkey.profile.ProfileRepresentation.ClientRole;
import dev.latchkey.profile.ProfileRepresentation.Group;
import dev.latchkey.profile.ProfileRepresentation.Organization;
import dev.latchkey.profile.ProfileRepresentation.RealmRole;
import dev.latchkey.profile.ProfileRepresentation.SupportedLocale;
import dev.latchkey.roles.EffectiveRoles;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.theme.Theme;
import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * Puts the Profile page's data together. Personal data is read through Keycloak's user profile in the account
 * context, so an attribute the realm hides from users stays hidden here too.
 */
final class ProfileService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final boolean mayViewGroups;

    /**
     * @param mayViewGroups the token may see the user's groups, as Keycloak's {@code /account/groups} requires;
     *                      otherwise neither the groups nor the group paths roles come through are answered
     */
    ProfileService(KeycloakSession session, RealmModel realm, UserModel user, boolean mayViewGroups) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.mayViewGroups = mayViewGroups;
    }

    ProfileRepresentation profile() {
        Attributes attributes = session.getProvider(UserProfileProvider.class)
                .create(UserProfileContext.ACCOUNT, user).getAttributes();
        Map<String, List<String>> readable = attributes.getReadable();
        Locale reader = session.getContext().resolveLocale(user);
        Properties messages = accountMessages(reader);
        List<EffectiveRoles.Routed> roles = EffectiveRoles.withRoutes(user, mayViewGroups);
        PasswordKeeper keeper = PasswordKeeper.of(session, realm, user);
        ApiKeySettings apiKeys = ApiKeySettings.of(realm);

        return new ProfileRepresentation(
                first(readable, UserModel.USERNAME),
                first(readable, UserModel.FIRST_NAME),
                first(readable, UserModel.LAST_NAME),
                first(readable, UserModel.EMAIL),
                user.isEmailVerified(),
                first(readable, UserModel.LOCALE),
                supportedLocales(reader),
                first(readable, UserTimeZone.ATTRIBUTE),
                organizations(),
                groups(),
                roles.stream().filter(r -> !r.role().isClientRole())
                        .map(r -> new RealmRole(r.role().getName(), describe(r.role(), messages), r.direct(),
                                r.inheritedFrom()))
                        .sorted(Comparator.comparing(RealmRole::name))
                        .toList(),
                roles.stream().filter(r -> r.role().isClientRole())
                        .map(r -> new ClientRole(EffectiveRoles.clientId(r.role()), r.role().getName(), describe(r.role(), messages),
                                r.direct(), r.inheritedFrom()))
                        .sorted(Comparator.comparing(ClientRole::clientId).thenComparing(ClientRole::name))
                        .toList(),
                new ProfileRepresentation.PasswordChange(keeper.changeAllowed(), keeper.refusalReason(),
                        keeper.providerName()),
                new ProfileRepresentation.ApiKeys(apiKeys.enabled(), ApiKeyAccess.mayUseKeys(realm, user, apiKeys)),
                keeper.changeAllowed() && keeper.realmPolicyApplies() ? passwordPolicy() : List.of(),
                new ProfileRepresentation.Editable(
                        realm.isInternationalizationEnabled() && !attributes.isReadOnly(UserModel.LOCALE),
                        !attributes.isReadOnly(UserTimeZone.ATTRIBUTE)));
    }

    private List<SupportedLocale> supportedLocales(Locale reader) {
        if (!realm.isInternationalizationEnabled()) {
            return List.of();
        }
        return realm.getSupportedLocalesStream()
                .sorted()
                .map(tag -> new SupportedLocale(tag, LocaleNames.inItself(tag), LocaleNames.in(tag, reader)))
                .toList();
    }

    /** Disabled organizations are left out: membership in one grants nothing. */
    private List<Organization> organizations() {
        return OrganizationMembership.of(session, realm, user)
                .map(org -> new Organization(org.getName(), org.getAlias(),
                        org.getDomains().map(OrganizationDomainModel::getName).sorted().toList()))
                .sorted(Comparator.comparing(Organization::name))
                .toList();
    }

    private List<Group> groups() {
        if (!mayViewGroups) {
            return null;
        }
        return user.getGroupsStream()
                .map(group -> new Group(group.getName(), ModelToRepresentation.buildGroupPath(group)))
                .sorted(Comparator.comparing(Group::path))
                .toList();
    }

    /** Built-in roles describe themselves with message keys such as {@code ${role_offline-access}}. */
    private static String describe(RoleModel role, Properties messages) {
        String description = role.getDescription();
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.startsWith("${") && description.endsWith("}")) {
            return messages.getProperty(description.substring(2, description.length() - 1), description);
        }
        return description;
    }

    private Properties accountMessages(Locale locale) {
        try {
            return session.theme().getTheme(Theme.Type.ACCOUNT).getEnhancedMessages(realm, locale);
        } catch (IOException | RuntimeException e) {
            // Descriptions then stay as their keys; the page still works.
            return new Properties();
        }
    }

    private List<PasswordPolicyRules.Rule> passwordPolicy() {
        PasswordPolicy policy = realm.getPasswordPolicy();
        if (policy == null) {
            return List.of();
        }
        return PasswordPolicyRules.of(policy.toString(), policy::getPolicyConfig);
    }

    private static String first(Map<String, List<String>> attributes, String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

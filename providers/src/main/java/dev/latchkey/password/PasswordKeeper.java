package dev.latchkey.password;

import java.util.Comparator;
import java.util.Optional;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.LDAPConstants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.storage.StorageId;

/**
 * Who keeps a user's password, and so whether the user may change it here. The one decision the Profile page
 * ({@code passwordChange}) and the change itself share.
 *
 * <ul>
 *   <li>A user of a user-storage provider (LDAP, Kerberos...) in {@code READ_ONLY} edit mode: the directory owns the
 *       password; refused, reason {@code federated}, named by the provider's display name.</li>
 *   <li>{@code WRITABLE}: the change goes to the directory through Keycloak's credential manager.
 *       {@code UNSYNCED}: Keycloak keeps the password locally, as for a local user. A provider without an edit mode is
 *       asked (it may still refuse with a {@code ReadOnlyException}).</li>
 *   <li>A local user without a password who signs in through an identity provider: refused, reason
 *       {@code identity_provider}, named by the identity provider's display name. With a local password as well, the
 *       user may change that one.</li>
 *   <li>A local user with no password and no identity provider (e.g. passkeys only): refused, reason
 *       {@code no_password}; there is no current password to confirm, so setting one is Keycloak's own action.</li>
 * </ul>
 */
public record PasswordKeeper(Kind kind, String providerName, boolean realmPolicyApplies) {

    public enum Kind {
        /** Keycloak's own password store. */
        KEYCLOAK(null),
        /** A user-storage provider that takes the new password. */
        FEDERATION_WRITABLE(null),
        FEDERATION_READ_ONLY("federated"),
        IDENTITY_PROVIDER("identity_provider"),
        NO_PASSWORD("no_password");

        private final String refusalReason;

        Kind(String refusalReason) {
            this.refusalReason = refusalReason;
        }
    }

    private static final String READ_ONLY = "READ_ONLY";
    private static final String WRITABLE = "WRITABLE";
    private static final String UNSYNCED = "UNSYNCED";

    public static PasswordKeeper of(KeycloakSession session, RealmModel realm, UserModel user) {
        String componentId = storageComponentId(user);
        if (componentId != null) {
            return ofStorageProvider(realm.getComponent(componentId), componentId);
        }
        if (user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE)) {
            return new PasswordKeeper(Kind.KEYCLOAK, null, true);
        }
        Optional<String> identityProvider = session.users().getFederatedIdentitiesStream(realm, user)
                .map(FederatedIdentityModel::getIdentityProvider)
                .sorted(Comparator.naturalOrder())
                .findFirst();
        if (identityProvider.isPresent()) {
            return new PasswordKeeper(Kind.IDENTITY_PROVIDER, identityProviderName(session, identityProvider.get()), false);
        }
        return new PasswordKeeper(Kind.NO_PASSWORD, null, false);
    }

    public boolean changeAllowed() {
        return kind.refusalReason == null;
    }

    /** {@code federated}, {@code identity_provider} or {@code no_password}; null when the change is allowed. */
    public String refusalReason() {
        return kind.refusalReason;
    }

    /** Imported users carry a federation link; users served without import carry the provider in their id. */
    private static String storageComponentId(UserModel user) {
        if (user.getFederationLink() != null && !user.getFederationLink().isBlank()) {
            return user.getFederationLink();
        }
        return StorageId.isLocalStorage(user.getId()) ? null : StorageId.providerId(user.getId());
    }

    private static PasswordKeeper ofStorageProvider(ComponentModel component, String componentId) {
        if (component == null) {
            // The provider was removed but the link remains: nobody can take the password, so do not pretend.
            return new PasswordKeeper(Kind.FEDERATION_READ_ONLY, componentId, false);
        }
        String name = component.getName() == null || component.getName().isBlank() ? componentId : component.getName();
        String editMode = component.getConfig().getFirst(LDAPConstants.EDIT_MODE);
        if (READ_ONLY.equals(editMode)) {
            return new PasswordKeeper(Kind.FEDERATION_READ_ONLY, name, false);
        }
        if (UNSYNCED.equals(editMode)) {
            return new PasswordKeeper(Kind.KEYCLOAK, name, true);
        }
        // Keycloak's LDAP provider applies the realm's password policy only when the admin switched it on.
        boolean validatesPolicy = WRITABLE.equals(editMode)
                && Boolean.parseBoolean(component.getConfig().getFirst(LDAPConstants.VALIDATE_PASSWORD_POLICY));
        return new PasswordKeeper(Kind.FEDERATION_WRITABLE, name, validatesPolicy);
    }

    private static String identityProviderName(KeycloakSession session, String alias) {
        IdentityProviderModel provider = session.identityProviders().getByAlias(alias);
        if (provider == null || provider.getDisplayName() == null || provider.getDisplayName().isBlank()) {
            return alias;
        }
        return provider.getDisplayName();
    }
}

package dev.latchkey.apikey.settings;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/** Whether a user may hold and use keys: the one rule self-service, validation and the profile page share. */
public final class ApiKeyAccess {

    private ApiKeyAccess() {
    }

    /** Direct, group and composite role membership all count (that is what {@link UserModel#hasRole} checks). */
    public static boolean holdsRole(RealmModel realm, UserModel user, ApiKeySettings settings) {
        RoleModel role = realm.getRole(settings.roleName());
        return role != null && user.hasRole(role);
    }

    public static boolean mayUseKeys(RealmModel realm, UserModel user, ApiKeySettings settings) {
        return settings.enabled() && holdsRole(realm, user, settings);
    }
}

package dev.latchkey.apikey.admin;

import dev.latchkey.common.DatabaseUnavailable;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/latchkey}: the realm's API-key settings and every user's keys. */
public final class LatchkeyAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    LatchkeyAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @Path("settings")
    public ApiKeySettingsAdminResource settings() {
        return new ApiKeySettingsAdminResource(realm, auth, adminEvent);
    }

    @Path("api-keys")
    public RealmApiKeysAdminResource realmApiKeys() {
        return new RealmApiKeysAdminResource(session, realm, auth, adminEvent);
    }

    @Path("users/{userId}/api-keys")
    public UserApiKeysAdminResource userApiKeys(@PathParam("userId") String userId) {
        UserModel user = DatabaseUnavailable.guard(() -> session.users().getUserById(realm, userId));
        return new UserApiKeysAdminResource(session, realm, auth, adminEvent, user);
    }
}

package dev.latchkey.profile;

import dev.latchkey.common.AccountRoleCheck;
import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.JsonResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.AccountRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.Auth;

/** {@code GET /realms/{realm}/latchkey/me/profile}: the Profile page's data. */
public final class ProfileResource {

    private final Auth auth;
    private final ProfileService service;

    public ProfileResource(KeycloakSession session, Auth auth) {
        this.auth = auth;
        this.service = new ProfileService(session, auth.getRealm(), auth.getUser(),
                auth.hasOneOfAppRole(auth.getClient(), AccountRoles.VIEW_GROUPS, AccountRoles.MANAGE_ACCOUNT));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        AccountRoleCheck.requireOneOf(auth, AccountRoles.VIEW_PROFILE, AccountRoles.MANAGE_ACCOUNT);
        return JsonResponses.ok(DatabaseUnavailable.guard(service::profile));
    }
}

package dev.latchkey.profile;

import dev.latchkey.common.AccountRoleCheck;
import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.JsonResponses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.AccountRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.Auth;

/** {@code PUT /realms/{realm}/latchkey/me/preferences}: language and time zone. */
public final class PreferencesResource {

    private final Auth auth;
    private final PreferencesService service;

    public PreferencesResource(KeycloakSession session, Auth auth) {
        this.auth = auth;
        this.service = new PreferencesService(session, auth.getRealm(), auth.getUser(), auth.getClient());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(PreferencesRequest request) {
        AccountRoleCheck.requireOneOf(auth, AccountRoles.MANAGE_ACCOUNT);
        return JsonResponses.ok(DatabaseUnavailable.guard(() -> service.update(request)));
    }
}

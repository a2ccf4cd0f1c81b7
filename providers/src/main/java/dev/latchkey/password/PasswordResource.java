package dev.latchkey.password;

import dev.latchkey.common.AccountRoleCheck;
import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.JsonResponses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.AccountRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.Auth;

/** {@code POST /realms/{realm}/latchkey/me/password}: the signed-in user changes their own password. */
public final class PasswordResource {

    private final Auth auth;
    private final PasswordChangeService service;

    public PasswordResource(KeycloakSession session, Auth auth) {
        this.auth = auth;
        this.service = new PasswordChangeService(session, auth);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(PasswordChangeRequest request) {
        AccountRoleCheck.requireOneOf(auth, AccountRoles.MANAGE_ACCOUNT);
        DatabaseUnavailable.run(() -> service.change(request));
        return JsonResponses.noContent();
    }
}

package dev.latchkey.apikey.minting;

import dev.latchkey.common.AccountRoleCheck;
import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.JsonResponses;
import dev.latchkey.common.LatchkeyError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.models.AccountRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.Auth;

/** {@code /realms/{realm}/latchkey/me/api-keys}: the signed-in user's own keys. */
public final class ApiKeysAccountResource {

    private final Auth auth;
    private final UserModel user;
    private final ApiKeyService service;

    public ApiKeysAccountResource(KeycloakSession session, Auth auth) {
        this.auth = auth;
        this.user = auth.getUser();
        this.service = new ApiKeyService(session, auth.getRealm());
    }

    @GET
    @Path("info")
    @Produces(MediaType.APPLICATION_JSON)
    public Response info() {
        // Keycloak's account console token carries manage-account but not view-profile; its own API accepts either.
        AccountRoleCheck.requireOneOf(auth, AccountRoles.VIEW_PROFILE, AccountRoles.MANAGE_ACCOUNT);
        return JsonResponses.ok(DatabaseUnavailable.guard(() -> service.info(user)));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        AccountRoleCheck.requireOneOf(auth, AccountRoles.VIEW_PROFILE, AccountRoles.MANAGE_ACCOUNT);
        long now = Time.currentTimeMillis();
        List<ApiKeyRepresentation> keys = DatabaseUnavailable.guard(
                () -> service.list(user).stream().map(key -> ApiKeyRepresentation.of(key, now)).toList());
        return JsonResponses.ok(keys);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(CreateApiKeyRequest request) {
        AccountRoleCheck.requireOneOf(auth, AccountRoles.MANAGE_ACCOUNT);
        if (request == null) {
            throw LatchkeyError.badRequest("A JSON body with name and expiresAt is required");
        }
        CreatedApiKey created = DatabaseUnavailable.guard(
                () -> service.create(user, request, minter()));
        ApiKeyRepresentation key = ApiKeyRepresentation.of(created.model(), Time.currentTimeMillis());
        return JsonResponses.created(new CreatedApiKeyRepresentation(key, created.keyText()));
    }

    @POST
    @Path("{id}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate(@PathParam("id") String id, RotateApiKeyRequest request) {
        AccountRoleCheck.requireOneOf(auth, AccountRoles.MANAGE_ACCOUNT);
        RotateApiKeyRequest asked = request == null ? RotateApiKeyRequest.DEFAULTS : request;
        CreatedApiKey created = DatabaseUnavailable.guard(() -> service.rotate(user, id, asked, minter()));
        ApiKeyRepresentation key = ApiKeyRepresentation.of(created.model(), Time.currentTimeMillis());
        return JsonResponses.created(new CreatedApiKeyRepresentation(key, created.keyText()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        AccountRoleCheck.requireOneOf(auth, AccountRoles.MANAGE_ACCOUNT);
        DatabaseUnavailable.run(() -> service.delete(user, id, null));
        return Response.noContent().build();
    }

    private Minter minter() {
        return Minter.of(auth.getToken(), auth.getRealm().getClientByClientId(auth.getToken().getIssuedFor()),
                auth.getSession());
    }
}

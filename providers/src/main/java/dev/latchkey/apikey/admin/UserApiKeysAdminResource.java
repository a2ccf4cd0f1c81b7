package dev.latchkey.apikey.admin;

import dev.latchkey.apikey.minting.ApiKeyRepresentation;
import dev.latchkey.apikey.minting.ApiKeyService;
import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.JsonResponses;
import dev.latchkey.common.LatchkeyError;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/latchkey/users/{userId}/api-keys}: an admin lists (view-users) and revokes
 * (manage-users) a user's keys.
 */
public final class UserApiKeysAdminResource {

    /** Keycloak's admin-event query only knows its own resource types: ours are CUSTOM with this detail. */
    static final String LATCHKEY_RESOURCE = "api_key";

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final UserModel user;
    private final ApiKeyService service;

    UserApiKeysAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                             AdminEventBuilder adminEvent, UserModel user) {
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.user = user;
        this.service = new ApiKeyService(session, realm);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        DatabaseUnavailable.run(() -> {
            requireUser();
            auth.users().requireView(user);
        });
        long now = Time.currentTimeMillis();
        List<ApiKeyRepresentation> keys = DatabaseUnavailable.guard(
                () -> service.list(user).stream().map(key -> ApiKeyRepresentation.of(key, now)).toList());
        return JsonResponses.ok(keys);
    }

    @DELETE
    @Path("{keyId}")
    public Response revoke(@PathParam("keyId") String keyId) {
        DatabaseUnavailable.run(() -> {
            requireUser();
            auth.users().requireManage(user);
        });
        ApiKeyRepresentation key = DatabaseUnavailable.guard(() -> {
            ApiKeyRepresentation found = service.find(user, keyId)
                    .map(existing -> ApiKeyRepresentation.of(existing, Time.currentTimeMillis()))
                    .orElse(null);
            service.delete(user, keyId, auth.adminAuth().getUser().getId());
            return found;
        });
        adminEvent.operation(OperationType.DELETE).resource(ResourceType.CUSTOM).detail("latchkey_resource", LATCHKEY_RESOURCE)
                .resourcePath("latchkey", "users", user.getId(), "api-keys", keyId)
                .representation(key).success();
        return Response.noContent().build();
    }

    private void requireUser() {
        if (user == null) {
            // Same answer whether the user is missing or invisible to this admin.
            auth.users().requireQuery();
            throw LatchkeyError.notFound("No such user");
        }
    }
}

package dev.latchkey.admin;

import dev.latchkey.common.JsonResponses;
import dev.latchkey.common.LatchkeyError;
import dev.latchkey.settings.ApiKeySettings;
import dev.latchkey.settings.ApiKeySettingsTabProviderFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/latchkey/settings}: view-realm reads, manage-realm changes. */
public final class ApiKeySettingsAdminResource {

    /** Keycloak's admin-event query only knows its own resource types: ours are CUSTOM with this detail. */
    static final String LATCHKEY_RESOURCE = "api_key_settings";

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    ApiKeySettingsAdminResource(RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        auth.realm().requireViewRealm();
        return JsonResponses.ok(ApiKeySettingsRepresentation.of(ApiKeySettings.of(realm)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(ApiKeySettingsRepresentation request) {
        auth.realm().requireManageRealm();
        if (request == null) {
            throw LatchkeyError.badRequest("A JSON body with the settings to change is required");
        }
        ApiKeySettings updated = request.over(ApiKeySettings.of(realm));
        List<String> problems = updated.problems(realm);
        if (!problems.isEmpty()) {
            throw LatchkeyError.badRequest(String.join("; ", problems));
        }
        updated.writeTo(realm);
        ApiKeySettingsTabProviderFactory.syncComponents(realm, updated);
        ApiKeySettingsRepresentation result = ApiKeySettingsRepresentation.of(updated);
        adminEvent.operation(OperationType.UPDATE).resource(ResourceType.CUSTOM).detail("latchkey_resource", LATCHKEY_RESOURCE)
                .resourcePath("latchkey", "settings").representation(result).success();
        return JsonResponses.ok(result);
    }
}

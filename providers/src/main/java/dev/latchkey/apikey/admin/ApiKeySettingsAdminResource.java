package dev.latchkey.apikey.admin;

import dev.latchkey.apikey.settings.ApiKeySetting;
import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.apikey.settings.InvalidSettingException;
import dev.latchkey.apikey.settings.SettingsTab;
import dev.latchkey.apikey.settings.SettingsUpdate;
import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.JsonResponses;
import dev.latchkey.common.LatchkeyError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/latchkey/settings}: view-realm reads, manage-realm changes. The body is every
 * {@link ApiKeySetting} by its JSON field; on PUT a field left out keeps its value.
 */
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
        // the permission check itself may read roles from the database
        return JsonResponses.ok(DatabaseUnavailable.guard(() -> {
            auth.realm().requireViewRealm();
            return ApiKeySettings.of(realm).toJson();
        }));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(Map<String, Object> request) {
        DatabaseUnavailable.run(() -> auth.realm().requireManageRealm());
        if (request == null) {
            throw LatchkeyError.badRequest("A JSON body with the settings to change is required");
        }
        Map<ApiKeySetting, String> changes;
        try {
            changes = SettingsUpdate.fromJson(request, realm);
        } catch (InvalidSettingException e) {
            throw LatchkeyError.badRequest(e.getMessage());
        }
        Map<String, Object> result = DatabaseUnavailable.guard(() -> {
            ApiKeySettings.write(realm, changes);
            SettingsTab.mirror(realm);
            return ApiKeySettings.of(realm).toJson();
        });
        adminEvent.operation(OperationType.UPDATE).resource(ResourceType.CUSTOM).detail("latchkey_resource", LATCHKEY_RESOURCE)
                .resourcePath("latchkey", "settings").representation(result).success();
        return JsonResponses.ok(result);
    }
}

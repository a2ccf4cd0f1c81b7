package dev.latchkey.apikey.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.apikey.minting.ApiKeyRepresentation;
import dev.latchkey.apikey.node.ApiKeyNodeProvider;
import dev.latchkey.apikey.validation.ApiKeyValidator;
import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.JsonResponses;
import dev.latchkey.common.LatchkeyError;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.util.JsonSerialization;

/**
 * {@code /admin/realms/{realm}/latchkey/api-keys}: an admin's view of every key in the realm (view-users): the list,
 * and finding a key by its text (a key found in a log: whose is it?). Never the key's text or hash in an answer or
 * an admin event.
 */
public final class RealmApiKeysAdminResource {

    /** Admin event detail of a lookup: {@code found} or {@code not_found}. */
    private static final String LOOKUP_RESULT = "lookup_result";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    RealmApiKeysAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("first") String first, @QueryParam("max") String max,
                         @QueryParam("username") String username,
                         @QueryParam("expiringWithinDays") String expiringWithinDays,
                         @QueryParam("unusedForDays") String unusedForDays, @QueryParam("scoped") String scoped) {
        DatabaseUnavailable.run(() -> auth.users().requireView());
        InventoryQuery query = InventoryQuery.parse(first, max, username, expiringWithinDays, unusedForDays, scoped);
        return JsonResponses.ok(DatabaseUnavailable.guard(() -> new ApiKeyInventory(session, realm).page(query)));
    }

    /**
     * {@code {"key": "lk_..."}}: the key with its owner, when it is a key of this realm (its secret checked) and the
     * admin may view its owner (fine-grained permissions apply); else 404, the same for junk, another realm's key and
     * an owner the admin may not see. Every lookup is an admin event (ACTION), never with the key's text: one that
     * finds a key on {@code latchkey/users/{userId}/api-keys/{keyId}/lookup} with the key's fields, one that finds
     * nothing on {@code latchkey/api-keys/lookup} with no representation (it names no user). The 404 is returned, not
     * thrown: a thrown error marks the request's transaction rollback-only (KeycloakErrorHandler), and the admin event
     * store writes in that transaction, so the event would be lost.
     */
    @POST
    @Path("lookup")
    @Produces(MediaType.APPLICATION_JSON)
    public Response lookup(byte[] body) {
        DatabaseUnavailable.run(() -> auth.users().requireQuery());
        String keyText = keyOf(body);
        RealmApiKeyRepresentation found = DatabaseUnavailable.guard(() -> {
            ApiKeyValidator.Located located = new ApiKeyValidator(session, realm, ApiKeyNodeProvider.of(session)).locate(keyText);
            if (!located.found() || !auth.users().canView(located.owner())) {
                return null;
            }
            return RealmApiKeyRepresentation.of(ApiKeyRepresentation.of(located.credential(), Time.currentTimeMillis()),
                    located.owner().getId(), located.owner().getUsername());
        });
        adminEvent.operation(OperationType.ACTION).resource(ResourceType.CUSTOM)
                .detail("latchkey_resource", UserApiKeysAdminResource.LATCHKEY_RESOURCE);
        if (found == null) {
            adminEvent.detail(LOOKUP_RESULT, "not_found").resourcePath("latchkey", "api-keys", "lookup").success();
            return JsonResponses.error(Response.Status.NOT_FOUND, "not_found", "No such API key in this realm").build();
        }
        adminEvent.detail(LOOKUP_RESULT, "found")
                .resourcePath("latchkey", "users", found.userId(), "api-keys", found.id(), "lookup")
                .representation(found).success();
        return JsonResponses.ok(found);
    }

    private static String keyOf(byte[] body) {
        try {
            JsonNode json = body == null || body.length == 0 ? null : JsonSerialization.mapper.readTree(body);
            if (json != null && json.isObject() && json.path("key").isTextual()) {
                return json.get("key").asText();
            }
        } catch (IOException notJson) {
            // answered below
        }
        throw LatchkeyError.badRequest("The body must be {\"key\": \"lk_...\"}");
    }
}

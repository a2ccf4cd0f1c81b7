package dev.latchkey.apikey.validation;

import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.JsonResponses;
import dev.latchkey.common.LatchkeyError;
import dev.latchkey.metrics.LatchkeyMetrics;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code POST /realms/{realm}/latchkey/api-keys/introspect}: key validation for services, shaped after RFC 7662.
 * The key travels in the form body only; one in the query string is refused, so keys do not end up in access logs.
 */
public final class ApiKeyIntrospectionResource {

    private static final String TOKEN = "token";
    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiKeyNodeState nodeState;

    public ApiKeyIntrospectionResource(KeycloakSession session, ApiKeyNodeState nodeState) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.nodeState = nodeState;
    }

    @POST
    @Path("introspect")
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect() {
        long start = System.nanoTime();
        try {
            return DatabaseUnavailable.guard(this::answer);
        } finally {
            LatchkeyMetrics.node().validationTook(System.nanoTime() - start);
        }
    }

    private Response answer() {
        if (session.getContext().getUri().getQueryParameters().containsKey(TOKEN)) {
            throw LatchkeyError.badRequest("Send the key in the form body, never in the URL");
        }
        if (!realm.isEnabled()) {
            throw LatchkeyError.forbidden("access_denied", "Realm not enabled");
        }
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.INTROSPECT_TOKEN);
        ClientModel caller = ServiceCallerAuthenticator.authenticate(session, event);
        String key = singleToken(session.getContext().getHttpRequest().getDecodedFormParameters());

        ValidationOutcome outcome = new ApiKeyValidator(session, realm, nodeState).validate(key, caller);
        Object body = outcome.isActive()
                ? IntrospectionResponse.of(session, realm, caller, outcome)
                : INACTIVE;
        return JsonResponses.ok(body);
    }

    private static String singleToken(MultivaluedMap<String, String> form) {
        List<String> values = form == null ? null : form.get(TOKEN);
        if (values == null || values.isEmpty()) {
            throw LatchkeyError.badRequest("The form parameter 'token' is required (Content-Type: application/x-www-form-urlencoded)");
        }
        if (values.size() > 1) {
            throw LatchkeyError.badRequest("The form parameter 'token' must be sent once");
        }
        return values.get(0);
    }
}

package dev.latchkey.apikey.proxy;

import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.apikey.validation.ApiKeyNodeState;
import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.JsonResponses;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/latchkey/api-keys/auth}: the auth endpoint for reverse proxies (nginx {@code auth_request},
 * Traefik {@code forwardAuth}, Caddy {@code forward_auth}, Envoy {@code ext_authz}). An active key: 200, empty body,
 * the owner in {@link IdentityHeaders}; none or an inactive one: 401 with a challenge; a required role ({@code ?role=},
 * repeatable) the key may not use: 403. It authenticates no caller (a proxy holds no client secret), so it answers
 * nothing beyond those headers, and only when the realm switched it on (else 404).
 *
 * <p>Every method is served, and any path below {@code auth}: proxies send the original method (Envoy also the
 * original path after its prefix), and the answer never depends on either. Nothing is ever cached ({@code no-store}),
 * there is no redirect and no cookie.
 */
public final class ProxyAuthResource {

    private static final String ROLE = "role";
    private static final String UNAUTHORIZED =
            "An active API key is required: Authorization: Bearer, X-Api-Key, or Basic with the key as the password";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiKeyNodeState nodeState;

    public ProxyAuthResource(KeycloakSession session, ApiKeyNodeState nodeState) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.nodeState = nodeState;
    }

    @GET
    public Response get() {
        return answer();
    }

    @HEAD
    public Response head() {
        return answer();
    }

    @POST
    public Response post() {
        return answer();
    }

    @PUT
    public Response put() {
        return answer();
    }

    @DELETE
    public Response delete() {
        return answer();
    }

    @PATCH
    public Response patch() {
        return answer();
    }

    @OPTIONS
    public Response options() {
        return answer();
    }

    private Response answer() {
        return DatabaseUnavailable.guard(this::decide);
    }

    private Response decide() {
        if (!ApiKeySettings.of(realm).proxyAuth()) {
            return JsonResponses.error(Response.Status.NOT_FOUND, "not_found", "Proxy authentication is off in this realm")
                    .build();
        }
        List<String> requiredRoles = session.getContext().getUri().getQueryParameters().getOrDefault(ROLE, List.of());
        // a blank role is a mistake in the proxy's configuration; the proxy turns a 400 into an error, never a pass
        if (requiredRoles.stream().anyMatch(String::isBlank)) {
            return JsonResponses.error(Response.Status.BAD_REQUEST, "invalid_request",
                    "A 'role' parameter must name a realm role or clientId/role").build();
        }
        HttpHeaders headers = session.getContext().getHttpRequest().getHttpHeaders();
        PresentedKey presented = PresentedKey.from(headers::getRequestHeader);
        ProxyAuthService.Decision decision = new ProxyAuthService(session, realm, nodeState).check(presented, requiredRoles);
        return switch (decision.result()) {
            case ALLOWED -> allowed(decision.identity());
            case FORBIDDEN -> JsonResponses.error(Response.Status.FORBIDDEN, "role_not_allowed",
                    "The API key may not use a role this resource requires").build();
            case NO_KEY, REFUSED -> JsonResponses.error(Response.Status.UNAUTHORIZED, "unauthorized", UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, challenge(presented.offerBasic())).build();
        };
    }

    /**
     * One header holding both challenges: nginx 1.22's auth_request passes only the first WWW-Authenticate header of
     * the answer on to the client, and git (libcurl) sends Basic credentials only when a Basic challenge asks.
     */
    private String challenge(boolean offerBasic) {
        String realmName = "realm=\"" + IdentityHeaders.encode(realm.getName()) + "\"";
        return offerBasic ? "Bearer " + realmName + ", Basic " + realmName : "Bearer " + realmName;
    }

    /**
     * 200 with an empty body; the Content-Type is there because Keycloak's security-headers filter turns a 200
     * without one into a 500.
     */
    private static Response allowed(Map<String, String> identity) {
        Response.ResponseBuilder response = JsonResponses.noStore(Response.ok("", MediaType.TEXT_PLAIN_TYPE));
        identity.forEach(response::header);
        return response.build();
    }
}

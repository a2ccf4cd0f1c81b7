package dev.latchkey.apikey.leak;

import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.apikey.validation.ApiKeyNodeState;
import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.JsonResponses;
import dev.latchkey.common.LatchkeyError;
import dev.latchkey.metrics.LatchkeyMetrics;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code POST /realms/{realm}/latchkey/api-keys/revoke}: whoever holds a key may kill it, as with GitHub's credential
 * revocation API. No authentication; the answer is {@code 202 {"received": n}} whatever the keys were, so it tells
 * nobody which keys exist. Valid keys of this realm are revoked at once ({@link LeakReports}).
 */
public final class LeakReportResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiKeyNodeState nodeState;
    private final ReportRateLimit rateLimit;

    public LeakReportResource(KeycloakSession session, ApiKeyNodeState nodeState, ReportRateLimit rateLimit) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.nodeState = nodeState;
        this.rateLimit = rateLimit;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response report(byte[] body) {
        requireKeysOn(realm);
        long retryAfter = rateLimit.admit(realm.getId(), session.getContext().getConnection().getRemoteAddr());
        if (retryAfter > 0) {
            throw LatchkeyError.withHeader(Response.Status.TOO_MANY_REQUESTS, "too_many_requests",
                    "This address sent more than " + rateLimit.perHour() + " reports in an hour; try again later",
                    "Retry-After", Long.toString(retryAfter));
        }
        LeakReportRequest request = LeakReportRequest.parse(body);
        DatabaseUnavailable.guard(() -> new LeakReports(session, realm, nodeState).revoke(request.keys(), request.source()));
        LatchkeyMetrics.node().leakReported(LatchkeyMetrics.LeakReport.REVOKE);
        return JsonResponses.status(Response.Status.ACCEPTED, Map.of("received", request.keys().size()));
    }

    /** Both report endpoints answer 404 while API keys are off in the realm, as if they did not exist. */
    static void requireKeysOn(RealmModel realm) {
        if (!realm.isEnabled() || !ApiKeySettings.of(realm).enabled()) {
            throw LatchkeyError.notFound("API keys are off in this realm");
        }
    }
}

package dev.latchkey.apikey.leak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.apikey.validation.ApiKeyNodeState;
import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.JsonResponses;
import dev.latchkey.common.LatchkeyError;
import dev.latchkey.metrics.LatchkeyMetrics;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code POST /realms/{realm}/latchkey/api-keys/github-secret-scanning}: GitHub's secret-scanning partner program
 * reports Latchkey keys found in public repositories here. The report is believed only when GitHub signed it: an ECDSA
 * signature ({@code Github-Public-Key-Signature}) over the raw body, by the key {@code Github-Public-Key-Identifier}
 * names among GitHub's published keys ({@link GithubPublicKeys}); otherwise 401 and nothing is revoked. A verified
 * report revokes as a plain leak report does (the source is where GitHub found the key, its {@code url}) and is
 * answered in GitHub's feedback format: which tokens were real keys of this realm.
 */
public final class GithubSecretScanningResource {

    static final String KEY_ID_HEADER = "Github-Public-Key-Identifier";
    static final String SIGNATURE_HEADER = "Github-Public-Key-Signature";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiKeyNodeState nodeState;
    private final GithubPublicKeys githubKeys;

    public GithubSecretScanningResource(KeycloakSession session, ApiKeyNodeState nodeState, GithubPublicKeys githubKeys) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.nodeState = nodeState;
        this.githubKeys = githubKeys;
    }

    private record Reported(String token, String type, String url) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response report(byte[] body) {
        LeakReportResource.requireKeysOn(realm);
        var headers = session.getContext().getHttpRequest().getHttpHeaders();
        if (body == null || !githubKeys.verify(session, headers.getHeaderString(KEY_ID_HEADER),
                headers.getHeaderString(SIGNATURE_HEADER), body)) {
            throw LatchkeyError.of(Response.Status.UNAUTHORIZED, "invalid_signature",
                    "The report must be signed by GitHub (" + SIGNATURE_HEADER + " with a key named by "
                            + KEY_ID_HEADER + ")");
        }
        List<Reported> reported = parse(body);
        Map<String, List<String>> byUrl = new LinkedHashMap<>();
        reported.forEach(item -> byUrl.computeIfAbsent(item.url() == null ? "" : item.url(), url -> new ArrayList<>())
                .add(item.token()));
        Map<String, Boolean> real = new LinkedHashMap<>();
        DatabaseUnavailable.run(() -> byUrl.forEach((url, tokens) -> real.putAll(
                new LeakReports(session, realm, nodeState).revoke(tokens, url.isEmpty() ? null : url))));
        LatchkeyMetrics.node().leakReported(LatchkeyMetrics.LeakReport.GITHUB);
        List<Map<String, String>> feedback = reported.stream().map(item -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("token_raw", item.token());
            entry.put("token_type", item.type());
            entry.put("label", Boolean.TRUE.equals(real.get(item.token())) ? "true_positive" : "false_positive");
            return entry;
        }).toList();
        return JsonResponses.ok(feedback);
    }

    /** GitHub's payload: {@code [{"token": "...", "type": "...", "url": "...", "source": "..."}]}. */
    private static List<Reported> parse(byte[] body) {
        JsonNode json = LeakReportRequest.readJson(body);
        if (!json.isArray() || json.isEmpty() || json.size() > LeakReportRequest.MAX_KEYS) {
            throw LatchkeyError.badRequest("The body must be a list of 1 to " + LeakReportRequest.MAX_KEYS + " findings");
        }
        List<Reported> reported = new ArrayList<>();
        for (JsonNode item : json) {
            if (!item.isObject() || !item.path("token").isTextual()) {
                throw LatchkeyError.badRequest("Each finding must be an object with a 'token'");
            }
            String url = item.path("url").isTextual() ? item.get("url").asText() : null;
            if (url != null && (url.length() > LeakReportRequest.MAX_SOURCE || url.codePoints().anyMatch(Character::isISOControl))) {
                url = null; // a source we cannot record as given is left out, the key is revoked all the same
            }
            reported.add(new Reported(item.get("token").asText(), item.path("type").asText(null), url));
        }
        return reported;
    }
}

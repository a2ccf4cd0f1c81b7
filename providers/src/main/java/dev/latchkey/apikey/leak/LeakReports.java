package dev.latchkey.apikey.leak;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.credential.RevocationReason;
import dev.latchkey.apikey.revocation.KeyRevocation;
import dev.latchkey.apikey.validation.ApiKeyNodeState;
import dev.latchkey.apikey.validation.ApiKeyValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Acts on a leak report: every reported text that is a key of this realm (its secret checked) is revoked at once by
 * {@link KeyRevocation#revoke} (cluster-wide, with its event, metric and email). Texts that are not are ignored
 * without a trace: no event, no log line, so a report cannot be used to fill the event store, and key texts are never
 * written anywhere.
 */
final class LeakReports {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiKeyNodeState nodeState;

    LeakReports(KeycloakSession session, RealmModel realm, ApiKeyNodeState nodeState) {
        this.session = session;
        this.realm = realm;
        this.nodeState = nodeState;
    }

    private record Found(UserModel owner, ApiKeyCredentialModel key) {
    }

    /**
     * @param source where the keys were found, as the reporter said; may be null
     * @return each distinct reported text, and whether it is a key of this realm (revoked now, or stopped before)
     */
    Map<String, Boolean> revoke(List<String> texts, String source) {
        ApiKeyValidator validator = new ApiKeyValidator(session, realm, nodeState);
        Map<String, Boolean> real = new LinkedHashMap<>();
        List<Found> found = new ArrayList<>();
        for (String text : new LinkedHashSet<>(texts)) {
            ApiKeyValidator.Located located = validator.locate(text);
            real.put(text, located.found());
            if (located.found()) {
                found.add(new Found(located.owner(), located.credential()));
            }
        }
        // Users are locked in one order, as the "last used" flush locks them, so the two cannot deadlock.
        found.sort(Comparator.comparing((Found f) -> f.owner().getId()).thenComparing(f -> f.key().getId()));
        KeyRevocation revocation = new KeyRevocation(session, realm);
        for (Found key : found) {
            revocation.revoke(key.owner(), key.key().getId(), RevocationReason.REPORTED_LEAKED, source);
        }
        return real;
    }
}

package dev.latchkey.apikey.mail;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The security notice "a key was added to your account" (like GitHub's), also for a rotation: which key, when, from
 * which address and browser. Sent after the commit, on another thread ({@link QueuedKeyMail}).
 */
public final class CreationNotice {

    /** A browser's User-Agent is shown as sent, up to this length (headers can be long, an email need not be). */
    private static final int MAX_USER_AGENT = 200;

    private CreationNotice() {
    }

    /**
     * @param replacedUntil for a rotation, when the replaced key stops working; null for a create
     */
    public static void afterCommit(KeycloakSession session, RealmModel realm, UserModel user, ApiKeyCredentialModel key,
                                   Long replacedUntil) {
        if (!KeyMail.reachable(realm, user)) {
            return; // not even the request's headers are read
        }
        Map<String, Object> model = new HashMap<>();
        model.put("keyHint", key.data().hint());
        model.put("createdAt", Instant.ofEpochMilli(key.getCreatedDate()));
        model.put("expiresAt", Instant.ofEpochMilli(key.data().expiresAt()));
        model.put("ipAddress", session.getContext().getConnection().getRemoteAddr());
        model.put("userAgent", userAgent(session));
        model.put("accountUrl", AccountLinks.of(realm));
        if (replacedUntil != null) {
            model.put("oldKeyUntil", Instant.ofEpochMilli(replacedUntil));
        }
        KeyMail.Kind kind = replacedUntil != null ? KeyMail.Kind.ROTATED : KeyMail.Kind.CREATED;
        QueuedKeyMail.afterCommit(session, realm, user,
                new QueuedKeyMail(realm.getId(), user.getId(), key.getId(), key.data().name(), kind, model));
    }

    private static String userAgent(KeycloakSession session) {
        HttpRequest request = session.getContext().getHttpRequest();
        HttpHeaders headers = request == null ? null : request.getHttpHeaders();
        String userAgent = headers == null ? null : headers.getHeaderString(HttpHeaders.USER_AGENT);
        return userAgent != null && userAgent.length() > MAX_USER_AGENT
                ? userAgent.substring(0, MAX_USER_AGENT) + "..." : userAgent;
    }
}

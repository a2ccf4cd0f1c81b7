package dev.latchkey.apikey.mail;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.credential.RevocationReason;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Tells a key's owner that the key was revoked without them: reported as leaked (with where it was found, as the
 * reporter said) or unused too long. Sent after the revocation committed, on another thread ({@link QueuedKeyMail}),
 * only to a verified address ({@link KeyMail#reachable}).
 */
public final class RevocationNotice {

    private RevocationNotice() {
    }

    /**
     * @param key    the key as revoked
     * @param source where a reported key was found, as the reporter said; null when not given or not reported
     */
    public static void afterCommit(KeycloakSession session, RealmModel realm, UserModel user, ApiKeyCredentialModel key,
                                   RevocationReason reason, String source, int unusedDays) {
        Map<String, Object> model = new HashMap<>();
        model.put("keyHint", key.data().hint());
        model.put("revokedAt", Instant.ofEpochMilli(key.data().revokedAt()));
        if (key.data().lastUsedAt() != null) {
            model.put("lastUsedAt", Instant.ofEpochMilli(key.data().lastUsedAt()));
        }
        if (source != null) {
            model.put("source", source);
        }
        if (reason == RevocationReason.UNUSED) {
            model.put("unusedDays", Integer.toString(unusedDays));
        }
        model.put("accountUrl", AccountLinks.of(realm));
        KeyMail.Kind kind = reason == RevocationReason.UNUSED ? KeyMail.Kind.UNUSED : KeyMail.Kind.REPORTED;
        QueuedKeyMail.afterCommit(session, realm, user,
                new QueuedKeyMail(realm.getId(), user.getId(), key.getId(), key.data().name(), kind, model));
    }
}

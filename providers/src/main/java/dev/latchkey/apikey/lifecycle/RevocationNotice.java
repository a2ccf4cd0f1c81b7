package dev.latchkey.apikey.lifecycle;

import dev.latchkey.apikey.ApiKeyEvents;
import dev.latchkey.apikey.RevocationReason;
import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Tells a key's owner that the key was revoked without them: reported as leaked (with where it was found, as the
 * reporter said) or unused too long. As {@link CreationNotice}: after the revocation committed, on another thread with
 * a session of its own, only to a verified address ({@link KeyMail#reachable}); a failed send is an
 * {@code UPDATE_CREDENTIAL_ERROR} event and is not retried (the Profile page shows the key as revoked, with why).
 */
public final class RevocationNotice {

    private static final Logger LOG = Logger.getLogger(RevocationNotice.class);
    private static final String EXECUTOR = "latchkey-email";

    private record Notice(String realmId, String userId, String keyId, String keyName, String keyHint,
                          Instant revokedAt, Instant lastUsedAt, String source, Integer unusedDays, String accountUrl,
                          KeyMail.Kind kind) {
    }

    private RevocationNotice() {
    }

    /**
     * @param key    the key as revoked
     * @param source where a reported key was found, as the reporter said; null when not given or not reported
     */
    public static void afterCommit(KeycloakSession session, RealmModel realm, UserModel user, ApiKeyCredentialModel key,
                                   RevocationReason reason, String source, int unusedDays) {
        if (!KeyMail.reachable(realm, user)) {
            return;
        }
        Long lastUsed = key.data().lastUsedAt();
        Notice notice = new Notice(realm.getId(), user.getId(), key.getId(), key.data().name(), key.data().hint(),
                Instant.ofEpochMilli(key.data().revokedAt()), lastUsed == null ? null : Instant.ofEpochMilli(lastUsed),
                source, reason == RevocationReason.UNUSED ? unusedDays : null, AccountLinks.of(realm),
                reason == RevocationReason.UNUSED ? KeyMail.Kind.UNUSED : KeyMail.Kind.REPORTED);
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    executor.execute(() -> send(factory, notice));
                } catch (RejectedExecutionException e) {
                    LOG.warnf("Could not queue the API-key revocation notice for user %s: %s", notice.userId(),
                            e.getMessage());
                }
            }

            @Override
            protected void rollbackImpl() {
                // not revoked: nothing to tell
            }
        });
    }

    private static void send(KeycloakSessionFactory factory, Notice notice) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(notice.realmId());
                if (realm == null) {
                    return;
                }
                session.getContext().setRealm(realm); // the email theme and the user lookup follow the context realm
                UserModel user = session.users().getUserById(realm, notice.userId());
                if (!KeyMail.reachable(realm, user)) {
                    return;
                }
                Map<String, Object> model = new HashMap<>();
                model.put("keyHint", notice.keyHint());
                model.put("revokedAt", notice.revokedAt());
                if (notice.lastUsedAt() != null) {
                    model.put("lastUsedAt", notice.lastUsedAt());
                }
                if (notice.source() != null) {
                    model.put("source", notice.source());
                }
                if (notice.unusedDays() != null) {
                    model.put("unusedDays", notice.unusedDays().toString());
                }
                model.put("accountUrl", notice.accountUrl());
                try {
                    KeyMail.send(session, realm, user, notice.kind(), notice.keyName(), model);
                } catch (EmailException e) {
                    LOG.warnf("Could not send the API-key revocation notice to user %s of realm %s: %s",
                            notice.userId(), realm.getName(), ApiKeyEvents.failureReason(e));
                    ApiKeyEvents.background(session, realm).emailFailed(user, notice.keyId(), notice.keyName(),
                            notice.kind().eventValue(), e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not send the API-key revocation notice to user %s: %s", notice.userId(), e.toString());
        }
    }
}

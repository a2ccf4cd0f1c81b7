package dev.latchkey.apikey.lifecycle;

import dev.latchkey.apikey.ApiKeyEvents;
import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The security notice "a key was added to your account" (like GitHub's), also for a rotation. It is sent after the
 * request's transaction committed (a key that was not stored gets no notice) and on another thread, with a session
 * of its own: an SMTP server that is slow or down never delays or fails the create. A failed send is logged and
 * recorded as an error event of the owner, and not retried: the key is there either way, and the owner sees it on the
 * Profile page.
 */
public final class CreationNotice {

    private static final Logger LOG = Logger.getLogger(CreationNotice.class);
    private static final String EXECUTOR = "latchkey-email";
    /** A browser's User-Agent is shown as sent, up to this length (headers can be long, an email need not be). */
    private static final int MAX_USER_AGENT = 200;

    private record Notice(String realmId, String userId, String keyId, String keyName, String keyHint, Instant at, Instant expiresAt,
                          Instant oldKeyUntil, String ipAddress, String userAgent, String accountUrl, boolean rotated) {
    }

    private CreationNotice() {
    }

    /**
     * @param replacedUntil for a rotation, when the replaced key stops working; null for a create
     */
    public static void afterCommit(KeycloakSession session, RealmModel realm, UserModel user, ApiKeyCredentialModel key,
                                   Long replacedUntil) {
        if (!KeyMail.reachable(realm, user)) {
            return;
        }
        HttpRequest request = session.getContext().getHttpRequest();
        HttpHeaders headers = request == null ? null : request.getHttpHeaders();
        String userAgent = headers == null ? null : headers.getHeaderString(HttpHeaders.USER_AGENT);
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT) + "...";
        }
        Notice notice = new Notice(realm.getId(), user.getId(), key.getId(), key.data().name(), key.data().hint(),
                Instant.ofEpochMilli(key.getCreatedDate()), Instant.ofEpochMilli(key.data().expiresAt()),
                replacedUntil == null ? null : Instant.ofEpochMilli(replacedUntil),
                session.getContext().getConnection().getRemoteAddr(), userAgent,
                AccountLinks.of(realm), replacedUntil != null);
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    executor.execute(() -> send(factory, notice));
                } catch (RejectedExecutionException e) {
                    LOG.warnf("Could not queue the API-key notice for user %s: %s", notice.userId(), e.getMessage());
                }
            }

            @Override
            protected void rollbackImpl() {
                // the key was not stored: nothing to tell
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
                model.put("createdAt", notice.at());
                model.put("expiresAt", notice.expiresAt());
                model.put("ipAddress", notice.ipAddress());
                model.put("userAgent", notice.userAgent());
                model.put("accountUrl", notice.accountUrl());
                if (notice.oldKeyUntil() != null) {
                    model.put("oldKeyUntil", notice.oldKeyUntil());
                }
                KeyMail.Kind kind = notice.rotated() ? KeyMail.Kind.ROTATED : KeyMail.Kind.CREATED;
                try {
                    KeyMail.send(session, realm, user, kind, notice.keyName(), model);
                } catch (EmailException e) {
                    LOG.warnf("Could not send the API-key notice to user %s of realm %s: %s", notice.userId(),
                            realm.getName(), ApiKeyEvents.failureReason(e));
                    ApiKeyEvents.background(session, realm).emailFailed(user, notice.keyId(), notice.keyName(),
                            kind.eventValue(), e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not send the API-key notice to user %s: %s", notice.userId(), e.toString());
        }
    }
}

package dev.latchkey.apikey.mail;

import dev.latchkey.apikey.events.ApiKeyEvents;
import java.util.Collections;
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
 * A key email sent after the request's transaction committed (a key that was not stored, or not revoked, gets no
 * email) and on another thread, with a session of its own: an SMTP server that is slow or down never delays or fails
 * the request. The user and the realm are read again there, so a user who was disabled or lost their verified address
 * in between gets nothing. A failed send is logged and recorded as an error event of the owner
 * ({@code UPDATE_CREDENTIAL_ERROR}), and not retried: the Profile page shows the key either way.
 *
 * @param model the template's attributes: strings and {@link java.time.Instant}s, formatted when sent; a null value
 *              is an attribute the template shows as missing (e.g. no account link where no hostname is configured)
 */
record QueuedKeyMail(String realmId, String userId, String keyId, String keyName, KeyMail.Kind kind,
                     Map<String, Object> model) {

    private static final Logger LOG = Logger.getLogger(QueuedKeyMail.class);
    private static final String EXECUTOR = "latchkey-email";

    QueuedKeyMail {
        model = Collections.unmodifiableMap(new HashMap<>(model));
    }

    /** Queues the email for after the commit of the session's transaction; nothing when the owner cannot get mail. */
    static void afterCommit(KeycloakSession session, RealmModel realm, UserModel user, QueuedKeyMail mail) {
        if (!KeyMail.reachable(realm, user)) {
            return;
        }
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    executor.execute(() -> mail.send(factory));
                } catch (RejectedExecutionException e) {
                    LOG.warnf("Could not queue the API-key %s email for user %s: %s", mail.kind().eventValue(),
                            mail.userId(), e.getMessage());
                }
            }

            @Override
            protected void rollbackImpl() {
                // nothing happened to the key: nothing to tell
            }
        });
    }

    private void send(KeycloakSessionFactory factory) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return;
                }
                session.getContext().setRealm(realm); // the email theme and the user lookup follow the context realm
                UserModel user = session.users().getUserById(realm, userId);
                if (!KeyMail.reachable(realm, user)) {
                    return;
                }
                try {
                    KeyMail.send(session, realm, user, kind, keyName, model);
                } catch (EmailException e) {
                    LOG.warnf("Could not send the API-key %s email to user %s of realm %s: %s", kind.eventValue(),
                            userId, realm.getName(), ApiKeyEvents.failureReason(e));
                    ApiKeyEvents.background(session, realm).emailFailed(user, keyId, keyName, kind.eventValue(), e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not send the API-key %s email to user %s: %s", kind.eventValue(), userId, e.toString());
        }
    }
}

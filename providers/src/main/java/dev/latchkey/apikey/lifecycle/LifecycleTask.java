package dev.latchkey.apikey.lifecycle;

import dev.latchkey.apikey.UserWriteLock;
import dev.latchkey.apikey.credential.ApiKeyCredentialData;
import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.settings.ApiKeySettings;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Reminders before a key expires, the notice on the day it expires, and the deletion of keys that stopped working
 * long enough ago: one pass over every realm's stored keys.
 *
 * <p>Runs through Keycloak's {@code ClusterAwareScheduledTaskRunner}, which keeps two nodes from running it at the
 * same time but not from running it one after the other: "once" comes from the markers on each key
 * ({@code remindersSent}, {@code expiryNoticeSent}), read from the database and written only after the email went out.
 * A broken SMTP server therefore delays a reminder to the next run and loses none. Each key is handled in a
 * transaction of its own, so one failure stops nothing else.
 */
final class LifecycleTask implements ScheduledTask {

    static final String NAME = "latchkey-api-key-lifecycle";
    private static final Logger LOG = Logger.getLogger(LifecycleTask.class);

    private record StoredKey(String id, String userId, String data) {
    }

    @Override
    public String getTaskName() {
        return NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        List<String> realmIds = session.realms().getRealmsStream().map(RealmModel::getId).toList();
        for (String realmId : realmIds) {
            try {
                runRealm(factory, realmId);
            } catch (RuntimeException e) {
                LOG.warnf("API-key lifecycle pass of realm %s failed: %s", realmId, e.toString());
            }
        }
    }

    private void runRealm(KeycloakSessionFactory factory, String realmId) {
        long now = Time.currentTimeMillis();
        Map<StoredKey, LifecycleRules.Step> due = new HashMap<>();
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null) {
                return;
            }
            ApiKeySettings settings = ApiKeySettings.of(realm);
            List<Integer> reminders = mailsWanted(realm, settings) ? settings.reminderDays() : List.of();
            for (StoredKey key : storedKeys(session, realmId)) {
                readable(key.data()).map(data -> LifecycleRules.next(data, now, reminders, settings.deleteExpiredAfterDays()))
                        .filter(step -> !(step instanceof LifecycleRules.Nothing))
                        .ifPresent(step -> due.put(key, step));
            }
        });
        due.forEach((key, step) -> {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> handle(session, realmId, key, step));
            } catch (RuntimeException e) {
                LOG.warnf("API-key lifecycle step for key %s failed: %s", key.id(), e.toString());
            }
        });
    }

    /** Mails only where keys are on and the realm can send email; cleanup runs either way. */
    private static boolean mailsWanted(RealmModel realm, ApiKeySettings settings) {
        Map<String, String> smtp = realm.getSmtpConfig();
        return settings.enabled() && smtp != null && smtp.get("host") != null && !smtp.get("host").isBlank();
    }

    /**
     * The realm's keys as the database has them, without loading their users: most keys need nothing. Keys of users
     * in a user storage without import are not in this table and get no reminders.
     */
    private static List<StoredKey> storedKeys(KeycloakSession session, String realmId) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        return em.createQuery("select c.id, u.id, c.credentialData from CredentialEntity c join c.user u "
                        + "where c.type = :type and u.realmId = :realmId", Object[].class)
                .setParameter("type", ApiKeyCredentialModel.TYPE)
                .setParameter("realmId", realmId)
                .getResultStream()
                .map(row -> new StoredKey((String) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    private static void handle(KeycloakSession session, String realmId, StoredKey stored, LifecycleRules.Step step) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm); // the email theme and credential updates follow the context realm
        UserModel user = session.users().getUserById(realm, stored.userId());
        if (user == null) {
            return;
        }
        if (step instanceof LifecycleRules.Delete delete) {
            delete(session, realm, user, stored.id(), delete);
            return;
        }
        if (!KeyMail.reachable(realm, user)) {
            return; // a disabled user or one without an address: nothing sent, nothing marked
        }
        // from the database, not the user cache: another node's marker must be seen even before its invalidation
        ApiKeyCredentialData data = dataInDatabase(session, stored.id()).orElse(null);
        if (data == null || !step.equals(stepNow(realm, data))) {
            return; // changed since the scan (rotated, deleted, or another node sent it): decide on the next run
        }
        Map<String, Object> model = new HashMap<>();
        model.put("keyHint", data.hint());
        model.put("expiresAt", Instant.ofEpochMilli(data.expiresAt()));
        model.put("accountUrl", AccountLinks.withoutRequest(realm));
        KeyMail.Kind kind = step instanceof LifecycleRules.Remind ? KeyMail.Kind.EXPIRING : KeyMail.Kind.EXPIRED;
        try {
            KeyMail.send(session, realm, user, kind, data.name(), model);
        } catch (EmailException e) {
            LOG.warnf("Could not send the API-key %s email for key %s (next try on the next run): %s",
                    kind.name().toLowerCase(), stored.id(), e.getMessage());
            return;
        }
        // the marker is written on the data as it is now, under the user's lock (a rotation may have changed it)
        fresh(session, user, stored.id()).ifPresent(now -> user.credentialManager().updateStoredCredential(
                now.withData(step instanceof LifecycleRules.Remind remind
                        ? now.data().withRemindersSent(remind.days()) : now.data().withExpiryNoticeSent())));
    }

    private static void delete(KeycloakSession session, RealmModel realm, UserModel user, String keyId,
                               LifecycleRules.Delete delete) {
        ApiKeyCredentialModel key = fresh(session, user, keyId).orElse(null);
        if (key == null || !delete.equals(stepNow(realm, key.data()))) {
            return;
        }
        user.credentialManager().removeStoredCredentialById(keyId);
        new LifecycleEvents(session, realm).cleanedUp(user, key, delete.reason());
    }

    private static LifecycleRules.Step stepNow(RealmModel realm, ApiKeyCredentialData data) {
        ApiKeySettings settings = ApiKeySettings.of(realm);
        List<Integer> reminders = mailsWanted(realm, settings) ? settings.reminderDays() : List.of();
        return LifecycleRules.next(data, Time.currentTimeMillis(), reminders, settings.deleteExpiredAfterDays());
    }

    /** The key as the database has it now, the user's row locked until the transaction ends. */
    private static Optional<ApiKeyCredentialModel> fresh(KeycloakSession session, UserModel user, String keyId) {
        return UserWriteLock.lockAndReadCredentials(session, user, ApiKeyCredentialModel.TYPE)
                .filter(credential -> credential.getId().equals(keyId))
                .findFirst()
                .flatMap(LifecycleTask::model);
    }

    private static Optional<ApiKeyCredentialData> dataInDatabase(KeycloakSession session, String keyId) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        return em.createQuery("select c.credentialData from CredentialEntity c where c.id = :id", String.class)
                .setParameter("id", keyId)
                .getResultStream()
                .findFirst()
                .flatMap(LifecycleTask::readable);
    }

    private static Optional<ApiKeyCredentialModel> model(CredentialModel stored) {
        try {
            return Optional.of(ApiKeyCredentialModel.from(stored));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<ApiKeyCredentialData> readable(String json) {
        try {
            return Optional.of(org.keycloak.util.JsonSerialization.readValue(json, ApiKeyCredentialData.class));
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }
}

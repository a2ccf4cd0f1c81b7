package dev.latchkey.apikey.lifecycle;

import dev.latchkey.apikey.credential.ApiKeyCredentialData;
import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.credential.OldFormatKeys;
import dev.latchkey.apikey.credential.RevocationReason;
import dev.latchkey.apikey.credential.UserKeys;
import dev.latchkey.apikey.credential.UserKeys.StoredKey;
import dev.latchkey.apikey.events.ApiKeyEvents;
import dev.latchkey.apikey.mail.AccountLinks;
import dev.latchkey.apikey.mail.KeyMail;
import dev.latchkey.apikey.revocation.KeyRevocation;
import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.apikey.signing.RealmKeyMac;
import dev.latchkey.common.RealmLock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Reminders before a key expires, the notice on the day it expires, the deletion of keys that stopped working
 * long enough ago, and whether the realm still holds keys of the old format ({@link OldFormatKeys}): one pass over
 * every realm's stored keys. The pass also moves a realm's tag secret out of its attributes, where an earlier
 * Latchkey kept it ({@link RealmKeyMac#moveOutOfAttributes}).
 *
 * <p>Runs through Keycloak's {@code ClusterAwareScheduledTaskRunner}, which keeps two nodes from running it at the
 * same time, and only while a run takes less than the interval: "once" comes from each key itself, a lease
 * ({@code mailClaimedUntil}) taken before sending and the markers ({@code remindersSent}, {@code expiryNoticeSent})
 * written only after the email went out, both read and written in the database under the user's lock.
 * A broken SMTP server therefore delays a reminder to the next run and loses none. Each key is handled in a
 * transaction of its own, so one failure stops nothing else. Running it twice at once is therefore harmless too, which
 * lets the test servers run it on demand (public for that: their test-only provider calls it).
 */
public final class LifecycleTask implements ScheduledTask {

    static final String NAME = "latchkey-api-key-lifecycle";
    private static final Logger LOG = Logger.getLogger(LifecycleTask.class);
    /** How long a node may take to send one email before another node may try (longer than any SMTP timeout). */
    private static final long MAIL_LEASE_MILLIS = java.time.Duration.ofMinutes(5).toMillis();

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
            for (StoredKey key : UserKeys.inRealm(session, realmId)) {
                LifecycleRules.Step step = LifecycleRules.next(key.data(), key.createdAt(), now, reminders,
                        settings.deleteExpiredAfterDays(), revokeUnusedAfterDays(settings));
                if (!(step instanceof LifecycleRules.Nothing)) {
                    due.put(key, step);
                }
            }
        });
        due.forEach((key, step) -> {
            try {
                if (step instanceof LifecycleRules.Delete delete) {
                    KeycloakModelUtils.runJobInTransaction(factory, session -> delete(session, realmId, key, delete));
                } else if (step instanceof LifecycleRules.RevokeUnused) {
                    KeycloakModelUtils.runJobInTransaction(factory, session -> revokeUnused(session, realmId, key));
                } else {
                    mail(factory, realmId, key, step);
                }
            } catch (RuntimeException e) {
                LOG.warnf("API-key lifecycle step for key %s failed: %s", key.id(), e.toString());
            }
        });
        // after the deletions: a run that cleaned up the realm's last old-format key closes that format at once
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm != null) {
                OldFormatKeys.recount(session, realm);
                RealmKeyMac.moveOutOfAttributes(session, realm);
            }
        });
    }

    /** Mails only where keys are on and the realm can send email; cleanup runs either way. */
    private static boolean mailsWanted(RealmModel realm, ApiKeySettings settings) {
        return settings.enabled() && KeyMail.smtpConfigured(realm);
    }

    /**
     * Claim, send, mark, each in a transaction of its own. The claim (a lease on the key, written under the user's lock)
     * keeps another node from sending the same email while this one talks to the SMTP server, however long that takes,
     * without holding a database lock meanwhile; the marker is written only after the send succeeded. A node that
     * dies between claim and marker leaves a lease that ends by itself: the email is sent on a later run.
     */
    private static void mail(KeycloakSessionFactory factory, String realmId, StoredKey stored, LifecycleRules.Step step) {
        ApiKeyCredentialData claimed = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                session -> claim(session, realmId, stored, step));
        if (claimed == null) {
            return;
        }
        KeyMail.Kind kind = step instanceof LifecycleRules.Remind ? KeyMail.Kind.EXPIRING : KeyMail.Kind.EXPIRED;
        boolean sent = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            RealmModel realm = withRealm(session, realmId);
            UserModel user = realm == null ? null : session.users().getUserById(realm, stored.userId());
            if (!KeyMail.reachable(realm, user)) {
                return false;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("keyHint", claimed.hint());
            model.put("expiresAt", Instant.ofEpochMilli(claimed.expiresAt()));
            model.put("accountUrl", AccountLinks.of(realm));
            try {
                KeyMail.send(session, realm, user, kind, claimed.name(), model);
                return true;
            } catch (EmailException e) {
                LOG.warnf("Could not send the API-key %s email for key %s (next try on the next run): %s",
                        kind.eventValue(), stored.id(), ApiKeyEvents.failureReason(e));
                ApiKeyEvents.background(session, realm).emailFailed(user, stored.id(), claimed.name(), kind.eventValue(), e);
                return false;
            }
        });
        long ownLease = claimed.mailClaimedUntil();
        KeycloakModelUtils.runJobInTransaction(factory, session -> update(session, realmId, stored,
                data -> LifecycleRules.afterSend(data, ownLease, step, sent)));
    }

    /** @return the key's data with this node's lease when it may send the email now, else null */
    private static ApiKeyCredentialData claim(KeycloakSession session, String realmId, StoredKey stored,
                                              LifecycleRules.Step step) {
        RealmModel realm = heldRealm(session, realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, stored.userId());
        if (!KeyMail.reachable(realm, user)) {
            return null; // a disabled user or one without an address: nothing sent, nothing marked
        }
        ApiKeyCredentialModel key = fresh(session, user, stored.id()).orElse(null);
        if (key == null || !step.equals(stepNow(realm, key))) {
            return null; // changed since the scan (rotated, deleted, sent or being sent by another node)
        }
        ApiKeyCredentialData leased = key.data().withMailClaimedUntil(Time.currentTimeMillis() + MAIL_LEASE_MILLIS);
        new UserKeys(session, user).update(key.withData(leased));
        return leased;
    }

    /** Applies a change to the key's data as the database has it now, under the user's lock. */
    private static void update(KeycloakSession session, String realmId, StoredKey stored,
                               UnaryOperator<ApiKeyCredentialData> change) {
        RealmModel realm = heldRealm(session, realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, stored.userId());
        if (user == null) {
            return;
        }
        fresh(session, user, stored.id()).ifPresent(key ->
                new UserKeys(session, user).update(key.withData(change.apply(key.data()))));
    }

    private static void delete(KeycloakSession session, String realmId, StoredKey stored, LifecycleRules.Delete delete) {
        RealmModel realm = heldRealm(session, realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, stored.userId());
        if (user == null) {
            return;
        }
        ApiKeyCredentialModel key = fresh(session, user, stored.id()).orElse(null);
        if (key == null || !delete.equals(stepNow(realm, key))) {
            return;
        }
        new UserKeys(session, user).remove(key.getId());
        ApiKeyEvents.background(session, realm).cleanedUp(user, key, delete.reason());
    }

    /**
     * {@link #withRealm} for a transaction that writes a key: the realm held first, before the owner's lock (the lock
     * order of {@link UserKeys}, which a realm's delete follows too); null when the realm is gone.
     */
    private static RealmModel heldRealm(KeycloakSession session, String realmId) {
        return RealmLock.shared(session, realmId) ? withRealm(session, realmId) : null;
    }

    /** The realm, made the session's context realm (the email theme and credential updates follow it); or null. */
    private static RealmModel withRealm(KeycloakSession session, String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm != null) {
            session.getContext().setRealm(realm);
        }
        return realm;
    }

    private static LifecycleRules.Step stepNow(RealmModel realm, ApiKeyCredentialModel key) {
        ApiKeySettings settings = ApiKeySettings.of(realm);
        List<Integer> reminders = mailsWanted(realm, settings) ? settings.reminderDays() : List.of();
        return LifecycleRules.next(key.data(), key.getCreatedDate() == null ? 0L : key.getCreatedDate(),
                Time.currentTimeMillis(), reminders, settings.deleteExpiredAfterDays(), revokeUnusedAfterDays(settings));
    }

    /** Only while keys are on: a key nobody could use while they were off is not "unused" for it. */
    private static int revokeUnusedAfterDays(ApiKeySettings settings) {
        return settings.enabled() ? settings.revokeUnusedAfterDays() : 0;
    }

    /** Revokes the key when, read again under the user's lock, it is still unused that long. */
    private static void revokeUnused(KeycloakSession session, String realmId, StoredKey stored) {
        RealmModel realm = heldRealm(session, realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, stored.userId());
        if (user == null) {
            return;
        }
        ApiKeyCredentialModel key = fresh(session, user, stored.id()).orElse(null);
        if (key == null || !(stepNow(realm, key) instanceof LifecycleRules.RevokeUnused)) {
            return; // used, rotated, deleted or revoked since the scan
        }
        new KeyRevocation(session, realm).revoke(user, key.getId(), RevocationReason.UNUSED, null);
    }

    /** The key as the database has it now, the user's row locked until the transaction ends. */
    private static Optional<ApiKeyCredentialModel> fresh(KeycloakSession session, UserModel user, String keyId) {
        return new UserKeys(session, user).lockAndFind(keyId);
    }

}

package dev.latchkey.apikey.revocation;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.credential.RevocationReason;
import dev.latchkey.apikey.credential.UserKeys;
import dev.latchkey.apikey.events.ApiKeyEvents;
import dev.latchkey.apikey.mail.RevocationNotice;
import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.metrics.LatchkeyMetrics;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Ending a key without its owner: a leak report, GitHub's secret scanning or the lifecycle task's unused-key rule.
 * The key stays stored, marked revoked with the reason, so its owner sees in the list why it stopped.
 */
public final class KeyRevocation {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiKeyEvents events;

    public KeyRevocation(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.events = new ApiKeyEvents(session, realm);
    }

    /**
     * Revokes one of the user's keys for good, without its owner: it is refused from now on on every node (the update
     * invalidates the owner's cached entry cluster-wide, as a delete does) and stays listed with the reason until the
     * cleanup deletes it. Written under the user's lock from the database, so a concurrent "last used" write or
     * rotation cannot undo it. The owner is told by email after the commit ({@link RevocationNotice}).
     *
     * @param source where a reported key was found, as the reporter said; null when not given or not reported
     * @return the revoked key; empty when the key no longer exists or had stopped working already (expired, replaced
     *         and past its grace, revoked before)
     */
    public Optional<ApiKeyCredentialModel> revoke(UserModel user, String keyId, RevocationReason reason, String source) {
        long now = Time.currentTimeMillis();
        UserKeys keys = new UserKeys(session, user);
        Optional<ApiKeyCredentialModel> revoked = keys.lockAndFind(keyId)
                .filter(key -> !key.data().isExpired(now))
                .map(key -> key.withData(key.data().revoked(reason.value(), now)));
        revoked.ifPresent(key -> {
            keys.update(key);
            events.revoked(user, key, reason, source);
            LatchkeyMetrics.node().revoked(reason);
            RevocationNotice.afterCommit(session, realm, user, key, reason, source,
                    ApiKeySettings.of(realm).revokeUnusedAfterDays());
        });
        return revoked;
    }
}

package dev.latchkey.common;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/** Whether the realm's brute-force protection holds the user locked out, temporarily or for good. */
public final class LockOut {

    private LockOut() {
    }

    public static boolean isLockedOut(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return protector.isPermanentlyLockedOut(session, realm, user) || protector.isTemporarilyDisabled(session, realm, user);
    }
}

package dev.latchkey.common;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/** Whether the realm's brute-force protection holds the user locked out. */
public final class LockOut {

    private LockOut() {
    }

    /** Locked out temporarily or for good: a password must not be tried or changed now. */
    public static boolean isLockedOut(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return protector.isPermanentlyLockedOut(session, realm, user) || protector.isTemporarilyDisabled(session, realm, user);
    }

    /**
     * Locked out until an admin acts. A temporary lock-out is not this: it protects the password, and anyone who
     * knows a username can cause one with a few wrong passwords.
     */
    public static boolean isPermanentlyLockedOut(KeycloakSession session, RealmModel realm, UserModel user) {
        return realm.isBruteForceProtected() && realm.isPermanentLockout()
                && session.getProvider(BruteForceProtector.class).isPermanentlyLockedOut(session, realm, user);
    }
}

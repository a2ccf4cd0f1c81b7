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
     * Locked out until an admin acts, read from the user alone. A temporary lock-out is not this: it protects the
     * password, and anyone who knows a username can cause one with a few wrong passwords.
     *
     * <p>Keycloak disables the user and sets {@code disabledReason=permanentLockout} in the transaction that counts the
     * failure which locks them out for good (the reason may be missing for a read-only user, which is then only
     * disabled), and clears the failure record when an admin enables the user again. So the user, served from the
     * user cache, answers what {@link BruteForceProtector#isPermanentlyLockedOut} would, without reading the
     * login-failure store: that store is the database from Keycloak 26.8 on ({@code login-failures:v2}), and key
     * validation must not read the database when warm.
     */
    public static boolean isPermanentlyLockedOut(UserModel user) {
        return !user.isEnabled()
                && BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT.equals(user.getFirstAttribute(UserModel.DISABLED_REASON));
    }
}

package dev.latchkey.password;

import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.LatchkeyError;
import dev.latchkey.common.LockOut;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.common.Profile;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.Auth;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.storage.ReadOnlyException;

/**
 * Changes the signed-in user's password after checking the current one. Every refusal is decided here: first who
 * keeps the password (nothing the request says changes that answer), then the request itself, then in the order of
 * Keycloak's own forms: brute-force lock-out, current password, confirmation, policy.
 *
 * <p>A wrong current password is a failed login for the realm's brute-force protection (password category, like the
 * login form), so this endpoint cannot be used to guess passwords faster than the login page; a right one clears
 * the count, like a successful login.
 */
public final class PasswordChangeService {

    public static final String INVALID_CURRENT_PASSWORD = "invalid_current_password";
    public static final String PASSWORD_MISMATCH = "password_mismatch";
    public static final String TOO_MANY_ATTEMPTS = "too_many_attempts";
    public static final String MANAGED_EXTERNALLY = "password_managed_externally";
    public static final String PASSWORD_NOT_SET = "password_not_set";
    public static final String PASSWORD_REJECTED = "password_rejected";

    private static final Set<String> PASSWORD_CATEGORY = Set.of(PasswordCredentialModel.TYPE);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final UserSessionModel currentSession;
    private final PasswordEvents events;

    public PasswordChangeService(KeycloakSession session, Auth auth) {
        this.session = session;
        this.realm = auth.getRealm();
        this.user = auth.getUser();
        this.currentSession = auth.getSession();
        this.events = new PasswordEvents(session, realm, auth.getClient(), user, currentSession);
    }

    public void change(PasswordChangeRequest request) {
        PasswordKeeper keeper = PasswordKeeper.of(session, realm, user);
        if (!keeper.changeAllowed()) {
            events.failure(Errors.NOT_ALLOWED, keeper.refusalReason());
            throw refusal(keeper);
        }
        if (request == null || isEmpty(request.currentPassword()) || isEmpty(request.newPassword())) {
            events.failure(Errors.PASSWORD_MISSING, null);
            throw LatchkeyError.badRequest("currentPassword and newPassword are required");
        }
        requireNotLockedOut();
        if (!user.credentialManager().isValid(UserCredentialModel.password(request.currentPassword()))) {
            countFailedAttempt();
            events.failure(Errors.INVALID_USER_CREDENTIALS, null);
            throw LatchkeyError.of(Status.BAD_REQUEST, INVALID_CURRENT_PASSWORD, "The current password is not right");
        }
        countSuccessfulAttempt();
        if (!request.newPassword().equals(request.confirmation())) {
            events.failure(Errors.PASSWORD_CONFIRM_ERROR, null);
            throw LatchkeyError.of(Status.BAD_REQUEST, PASSWORD_MISMATCH, "The confirmation differs from the new password");
        }
        if (keeper.realmPolicyApplies()) {
            PolicyError error = session.getProvider(PasswordPolicyManagerProvider.class)
                    .validate(realm, user, request.newPassword());
            if (error != null) {
                events.failure(Errors.PASSWORD_REJECTED, error.getMessage());
                throw LatchkeyError.withParams(Status.BAD_REQUEST, error.getMessage(),
                        "The new password does not meet the realm's password policy", texts(error.getParameters()));
            }
        }
        update(keeper, request.newPassword());
        boolean logout = Boolean.TRUE.equals(request.logoutOtherSessions());
        if (logout) {
            logoutOtherSessions();
        }
        events.success(logout);
    }

    /** Local store or a writable directory, both through Keycloak's credential manager (LDAP gets an LDAP modify). */
    private void update(PasswordKeeper keeper, String newPassword) {
        boolean updated;
        try {
            updated = user.credentialManager().updateCredential(UserCredentialModel.password(newPassword, false));
        } catch (ReadOnlyException e) {
            events.failure(Errors.NOT_ALLOWED, "read_only");
            throw refusal(new PasswordKeeper(PasswordKeeper.Kind.FEDERATION_READ_ONLY, keeper.providerName(), false));
        } catch (ModelException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throw DatabaseUnavailable.error(); // not a refusal of the password: the database is out of reach
            }
            // The store refused it (e.g. the directory's own password policy); its message is all there is to say.
            events.failure(Errors.PASSWORD_REJECTED, e.getMessage());
            List<String> params = new ArrayList<>();
            params.add(Objects.toString(e.getMessage(), PASSWORD_REJECTED));
            params.addAll(texts(e.getParameters()));
            throw LatchkeyError.withParams(Status.BAD_REQUEST, PASSWORD_REJECTED,
                    "The password store refused the new password", params);
        }
        if (!updated) {
            events.failure(Errors.NOT_ALLOWED, "not_updated");
            throw refusal(new PasswordKeeper(PasswordKeeper.Kind.FEDERATION_READ_ONLY, keeper.providerName(), false));
        }
    }

    private void requireNotLockedOut() {
        if (LockOut.isLockedOut(session, realm, user)) {
            events.failure(Errors.USER_TEMPORARILY_DISABLED, null);
            throw LatchkeyError.of(Status.TOO_MANY_REQUESTS, TOO_MANY_ATTEMPTS,
                    "Too many wrong passwords: the account is locked for a while");
        }
    }

    private void countFailedAttempt() {
        if (realm.isBruteForceProtected()) {
            session.getProvider(BruteForceProtector.class).failedLogin(realm, user,
                    session.getContext().getConnection(), session.getContext().getUri(), PASSWORD_CATEGORY);
        }
    }

    private void countSuccessfulAttempt() {
        if (realm.isBruteForceProtected()) {
            session.getProvider(BruteForceProtector.class).successfulLogin(realm, user,
                    session.getContext().getConnection(), session.getContext().getUri(), PASSWORD_CATEGORY);
        }
    }

    /**
     * Every other session of the user ends, as with Keycloak's "sign out of other devices": browser sessions and, as
     * Keycloak does unless the legacy logout feature is on, offline sessions (refresh tokens of other apps).
     */
    private void logoutOtherSessions() {
        String keep = currentSession == null ? null : currentSession.getId();
        Stream<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, user);
        if (!Profile.isFeatureEnabled(Profile.Feature.LOGOUT_ALL_SESSIONS_V1)) {
            sessions = Stream.concat(sessions, session.sessions().getOfflineUserSessionsStream(realm, user));
        }
        // collected first: logging out removes sessions from the stream's source
        List<UserSessionModel> others = sessions.filter(s -> !Objects.equals(s.getId(), keep)).toList();
        for (UserSessionModel other : others) {
            AuthenticationManager.backchannelLogout(session, other, true);
            events.logout(other);
        }
    }

    private static LatchkeyError refusal(PasswordKeeper keeper) {
        if (keeper.kind() == PasswordKeeper.Kind.NO_PASSWORD) {
            return LatchkeyError.of(Status.CONFLICT, PASSWORD_NOT_SET,
                    "This account has no password to change; set one from Keycloak's Signing in page");
        }
        String name = Objects.toString(keeper.providerName(), "");
        String reason = Objects.toString(keeper.refusalReason(), "federated");
        return LatchkeyError.withParams(Status.CONFLICT, MANAGED_EXTERNALLY,
                "The password of this account is managed by " + (name.isEmpty() ? "another system" : name)
                        + "; change it there", List.of(name, reason));
    }

    private static List<String> texts(Object[] values) {
        return values == null ? List.of() : Arrays.stream(values).map(String::valueOf).toList();
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}

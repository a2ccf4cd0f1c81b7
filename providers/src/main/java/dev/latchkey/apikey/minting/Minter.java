package dev.latchkey.apikey.minting;

import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.common.LatchkeyError;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.ImpersonationSessionNote;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Who asks for a new key (a create, and later a rotation), and the rule minting follows: a new key is a credential
 * that outlives the token by months, so only the account console (or a client an admin allowed) may ask, and only
 * with a recent sign-in, as Keycloak asks before its own credential changes.
 *
 * @param clientId the client the token was issued to ({@code azp})
 * @param client   that client, or null when it no longer exists
 * @param authTime when the user last entered their credentials, in seconds, or null when unknown
 * @param impersonatorId the admin acting as the user (Keycloak's impersonation notes this on the user session), or
 *                       null when the user signed in themselves
 */
public record Minter(String clientId, ClientModel client, Long authTime, String impersonatorId) {

    /** Client attribute that lets a client other than the account console create keys for its users. */
    public static final String ALLOW_CLIENT_ATTRIBUTE = "latchkey.createApiKeys";
    public static final String CLIENT_NOT_ALLOWED = "client_not_allowed";
    public static final String REAUTHENTICATION_REQUIRED = "reauthentication_required";
    public static final String IMPERSONATION_NOT_ALLOWED = "impersonation_not_allowed";

    /**
     * The sign-in time is the token's {@code auth_time}; a token without it (a client may leave the claim out) falls
     * back to the user session's own record of it, then to when the session started: never later than the sign-in.
     * A transient session that was never a sign-in (a token minted from an API key or for a client's credentials)
     * starts with the request it serves, so its start counts for nothing.
     */
    public static Minter of(AccessToken token, ClientModel client, UserSessionModel userSession) {
        Long authTime = token.getAuth_time();
        if (authTime == null && userSession != null && !startsWithTheRequest(userSession)) {
            String noted = userSession.getNote(AuthenticationManager.AUTH_TIME);
            authTime = noted != null && noted.chars().allMatch(Character::isDigit) && !noted.isEmpty()
                    ? Long.valueOf(noted) : (long) userSession.getStarted();
        }
        String impersonatorId = userSession == null ? null
                : userSession.getNote(ImpersonationSessionNote.IMPERSONATOR_ID.toString());
        return new Minter(token.getIssuedFor(), client, authTime, impersonatorId);
    }

    /** Transient and not rebuilt from a stored session (Keycloak notes where a rebuilt one came from). */
    private static boolean startsWithTheRequest(UserSessionModel userSession) {
        return userSession.getPersistenceState() == UserSessionModel.SessionPersistenceState.TRANSIENT
                && userSession.getNote(Constants.CREATED_FROM_PERSISTENT) == null;
    }

    /**
     * An admin acting as the user is refused first: a key would outlive the impersonation by months and act as the
     * user with no trace of the admin at each use, and signing in again cannot make the admin the user.
     *
     * @throws LatchkeyError 403 {@value #IMPERSONATION_NOT_ALLOWED}, 403 {@value #CLIENT_NOT_ALLOWED}, or 403
     *                       {@value #REAUTHENTICATION_REQUIRED} with the allowed age in seconds as its one parameter
     *                       (the page signs the user in with that max age)
     */
    void requireMayMint(ApiKeySettings settings, long nowSeconds) {
        if (impersonatorId != null) {
            throw LatchkeyError.forbidden(IMPERSONATION_NOT_ALLOWED, "API keys cannot be created or rotated while an "
                    + "administrator acts as this user: the user must sign in and do it themselves");
        }
        boolean accountConsole = Constants.ACCOUNT_CONSOLE_CLIENT_ID.equals(clientId);
        if (!accountConsole && (client == null || !"true".equals(client.getAttribute(ALLOW_CLIENT_ATTRIBUTE)))) {
            throw LatchkeyError.forbidden(CLIENT_NOT_ALLOWED,
                    "API keys can be created from the account console only (or a client the realm's admin allowed)");
        }
        int maxAge = settings.reauthenticationSeconds();
        if (maxAge > 0 && (authTime == null || nowSeconds - authTime > maxAge)) {
            throw LatchkeyError.withParams(Response.Status.FORBIDDEN, REAUTHENTICATION_REQUIRED,
                    "Sign in again to create an API key: the last sign-in is more than " + maxAge + " seconds ago",
                    List.of(Integer.toString(maxAge)));
        }
    }
}

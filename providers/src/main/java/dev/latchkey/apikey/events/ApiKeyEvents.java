package dev.latchkey.apikey.events;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.credential.InactiveReason;
import dev.latchkey.apikey.credential.RevocationReason;
import dev.latchkey.common.DatabaseUnavailable;
import dev.latchkey.common.LatchkeyError;
import org.jboss.logging.Logger;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The realm events Latchkey records about keys: the one place that builds them, for requests and for the lifecycle
 * task alike. Key ids and names go in; key text, secrets and hashes never do.
 */
public final class ApiKeyEvents {

    private static final Logger LOG = Logger.getLogger(ApiKeyEvents.class);

    static final String DETAIL_REVOKED_BY_ADMIN = "revoked_by_admin";
    static final String DETAIL_KEY_NAME = "api_key_name";
    static final String TOKEN_TYPE_API_KEY = "api_key";
    static final String DETAIL_ENDPOINT = "endpoint";
    static final String ENDPOINT_PROXY_AUTH = "proxy_auth";
    static final String DETAIL_REQUIRED_ROLE = "required_role";
    /** On a revocation's REMOVE_CREDENTIAL: where a reported key was found, as the reporter said. */
    static final String DETAIL_SOURCE = "source";
    /** On a rotation's event: the id of the key that was replaced (the event's credential is the new key). */
    public static final String DETAIL_REPLACES = "replaces";
    public static final String DETAIL_GRACE_SECONDS = "grace_seconds";
    /** On a cleanup's REMOVE_CREDENTIAL: {@code expired} or {@code replaced}. */
    public static final String DETAIL_CLEANUP = "cleanup";
    /** On a failed key email: which one ({@code created}, {@code rotated}, {@code expiring}, {@code expired}). */
    public static final String DETAIL_EMAIL = "email";
    /** Longest failure reason an event keeps (the messages of an exception chain can be long). */
    private static final int MAX_REASON = 250;

    private final KeycloakSession session;
    private final RealmModel realm;
    /** False for the lifecycle task: there is no request, so no client or address. */
    private final boolean inRequest;

    public ApiKeyEvents(KeycloakSession session, RealmModel realm) {
        this(session, realm, true);
    }

    private ApiKeyEvents(KeycloakSession session, RealmModel realm, boolean inRequest) {
        this.session = session;
        this.realm = realm;
        this.inRequest = inRequest;
    }

    /** For work outside a request (the lifecycle task). */
    public static ApiKeyEvents background(KeycloakSession session, RealmModel realm) {
        return new ApiKeyEvents(session, realm, false);
    }

    public void created(UserModel user, ApiKeyCredentialModel key) {
        forKey(EventType.UPDATE_CREDENTIAL, user, key).success();
    }

    public LatchkeyError createFailed(UserModel user, String error, LatchkeyError response) {
        builder(EventType.UPDATE_CREDENTIAL_ERROR, user).error(error);
        return response;
    }

    public void deleted(UserModel user, ApiKeyCredentialModel key, String adminUserId) {
        EventBuilder event = forKey(EventType.REMOVE_CREDENTIAL, user, key);
        if (adminUserId != null) {
            event.detail(DETAIL_REVOKED_BY_ADMIN, adminUserId);
        }
        event.success();
    }

    /** A key revoked without its owner: the reason ({@code reported_leaked}, {@code unused}) and a report's source. */
    public void revoked(UserModel user, ApiKeyCredentialModel key, RevocationReason reason, String source) {
        EventBuilder event = forKey(EventType.REMOVE_CREDENTIAL, user, key).detail(Details.REASON, reason.value());
        if (source != null) {
            event.detail(DETAIL_SOURCE, source);
        }
        event.success();
    }

    /** One UPDATE_CREDENTIAL naming both keys: the new one as its credential, the old one in {@value #DETAIL_REPLACES}. */
    public void rotated(UserModel user, ApiKeyCredentialModel successor, ApiKeyCredentialModel replaced, long graceSeconds) {
        forKey(EventType.UPDATE_CREDENTIAL, user, successor)
                .detail(DETAIL_REPLACES, replaced.getId())
                .detail(DETAIL_GRACE_SECONDS, Long.toString(graceSeconds))
                .success();
    }

    /** A key the lifecycle task deleted, and why ({@value #DETAIL_CLEANUP}). */
    public void cleanedUp(UserModel user, ApiKeyCredentialModel key, String reason) {
        forKey(EventType.REMOVE_CREDENTIAL, user, key).detail(DETAIL_CLEANUP, reason).success();
    }

    /**
     * A key email that could not be sent (the SMTP server refused or did not answer, a template failed): an error
     * event of the owner, so an admin sees it in the realm's user events, and event listeners get it, without reading
     * the server log. A user event, not an admin event: no admin did anything, and Keycloak records its own emails
     * that fail the same way ({@code SEND_VERIFY_EMAIL_ERROR}, error {@value Errors#EMAIL_SEND_FAILED}).
     *
     * @param email which email ({@value #DETAIL_EMAIL})
     */
    public void emailFailed(UserModel user, String keyId, String keyName, String email, Throwable failure) {
        builder(EventType.UPDATE_CREDENTIAL_ERROR, user)
                .detail(Details.CREDENTIAL_ID, keyId)
                .detail(DETAIL_KEY_NAME, keyName)
                .detail(DETAIL_EMAIL, email)
                .detail(Details.REASON, failureReason(failure))
                .error(Errors.EMAIL_SEND_FAILED);
    }

    /** The messages of the exception and its causes, outermost first, each once: what went wrong, and where. */
    public static String failureReason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (reason.indexOf(message) < 0) {
                reason.append(reason.isEmpty() ? "" : ": ").append(message);
            }
        }
        return reason.length() <= MAX_REASON ? reason.toString() : reason.substring(0, MAX_REASON - 3) + "...";
    }

    public void deleteFailed(UserModel user, String keyId, String adminUserId) {
        EventBuilder event = builder(EventType.REMOVE_CREDENTIAL_ERROR, user).detail(Details.CREDENTIAL_ID, keyId);
        if (adminUserId != null) {
            event.detail(DETAIL_REVOKED_BY_ADMIN, adminUserId);
        }
        event.error("api_key_not_found");
    }

    /** A refused validation; the calling client and, where known, the owner and key are named. */
    public void validationFailed(ClientModel caller, InactiveReason reason, UserModel owner,
                                 ApiKeyCredentialModel credential) {
        EventBuilder event = refusal(reason.eventValue(), owner, credential).client(caller);
        store(event, reason.eventValue());
    }

    /**
     * A request the proxy auth endpoint refused: an inactive key (reason as for validation), or the endpoint's own
     * reasons for an active one. No client is named: a proxy does not authenticate, so none is known.
     *
     * @param requiredRole the role the key may not use, for {@code role_not_allowed}; else null
     */
    public void proxyCheckRefused(String reason, UserModel owner, ApiKeyCredentialModel credential, String requiredRole) {
        EventBuilder event = refusal(reason, owner, credential).detail(DETAIL_ENDPOINT, ENDPOINT_PROXY_AUTH);
        if (requiredRole != null) {
            event.detail(DETAIL_REQUIRED_ROLE, requiredRole);
        }
        store(event, reason);
    }

    private EventBuilder refusal(String reason, UserModel owner, ApiKeyCredentialModel credential) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.INTROSPECT_TOKEN_ERROR)
                .detail(Details.TOKEN_TYPE, TOKEN_TYPE_API_KEY)
                .detail(Details.REASON, reason);
        if (owner != null) {
            event.user(owner);
        }
        if (credential != null) {
            event.detail(Details.CREDENTIAL_ID, credential.getId());
        }
        return event;
    }

    private static void store(EventBuilder event, String reason) {
        try {
            event.error("invalid_api_key");
        } catch (RuntimeException e) {
            // A service must still hear "inactive" while the event store's database is down.
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            LOG.warnf("Could not store the refused validation (reason %s): database unavailable", reason);
        }
    }

    private EventBuilder forKey(EventType type, UserModel user, ApiKeyCredentialModel key) {
        return builder(type, user)
                .detail(Details.CREDENTIAL_ID, key.getId())
                .detail(Details.CREDENTIAL_USER_LABEL, key.data().name())
                .detail(DETAIL_KEY_NAME, key.data().name());
    }

    private EventBuilder builder(EventType type, UserModel user) {
        // no connection outside a request (the lifecycle task, a notice sent after the commit): no address then
        ClientConnection connection = inRequest ? session.getContext().getConnection() : null;
        EventBuilder event = (connection == null ? new EventBuilder(realm, session) : new EventBuilder(realm, session, connection))
                .event(type)
                .user(user)
                .detail(Details.CREDENTIAL_TYPE, ApiKeyCredentialModel.TYPE);
        ClientModel client = inRequest ? session.getContext().getClient() : null;
        if (client != null) {
            event.client(client);
        }
        return event;
    }
}

package dev.latchkey.apikey.lifecycle;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The realm events of rotation, cleanup and key emails, with the details of Latchkey's other key events; never a
 * key's text.
 */
public final class LifecycleEvents {

    /** On a rotation's event: the id of the key that was replaced (the event's credential is the new key). */
    public static final String DETAIL_REPLACES = "replaces";
    public static final String DETAIL_GRACE_SECONDS = "grace_seconds";
    /** On a cleanup's REMOVE_CREDENTIAL: {@code expired} or {@code replaced}. */
    public static final String DETAIL_CLEANUP = "cleanup";
    static final String DETAIL_KEY_NAME = "api_key_name";
    /** On a failed key email: which one ({@code created}, {@code rotated}, {@code expiring}, {@code expired}). */
    public static final String DETAIL_EMAIL = "email";
    /** Longest failure reason an event keeps (the messages of an exception chain can be long). */
    private static final int MAX_REASON = 250;

    private final KeycloakSession session;
    private final RealmModel realm;

    public LifecycleEvents(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** One UPDATE_CREDENTIAL naming both keys: the new one as its credential, the old one in {@value #DETAIL_REPLACES}. */
    public void rotated(UserModel user, ApiKeyCredentialModel successor, ApiKeyCredentialModel replaced, long graceSeconds) {
        EventBuilder event = forKey(new EventBuilder(realm, session, session.getContext().getConnection()),
                EventType.UPDATE_CREDENTIAL, user, successor)
                .detail(DETAIL_REPLACES, replaced.getId())
                .detail(DETAIL_GRACE_SECONDS, Long.toString(graceSeconds));
        ClientModel client = session.getContext().getClient();
        if (client != null) {
            event.client(client);
        }
        event.success();
    }

    /** A key the lifecycle task deleted; there is no request, so no client or address. */
    void cleanedUp(UserModel user, ApiKeyCredentialModel key, String reason) {
        forKey(new EventBuilder(realm, session), EventType.REMOVE_CREDENTIAL, user, key)
                .detail(DETAIL_CLEANUP, reason)
                .success();
    }

    /**
     * A key email that could not be sent (the SMTP server refused or did not answer, a template failed): an error
     * event of the owner, so an admin sees it in the realm's user events, and event listeners get it, without reading
     * the server log. A user event, not an admin event: no admin did anything, and Keycloak records its own emails
     * that fail the same way ({@code SEND_VERIFY_EMAIL_ERROR}, error {@value Errors#EMAIL_SEND_FAILED}).
     */
    void emailFailed(UserModel user, String keyId, String keyName, KeyMail.Kind email, Throwable failure) {
        new EventBuilder(realm, session).event(EventType.UPDATE_CREDENTIAL_ERROR)
                .user(user)
                .detail(Details.CREDENTIAL_TYPE, ApiKeyCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_ID, keyId)
                .detail(DETAIL_KEY_NAME, keyName)
                .detail(DETAIL_EMAIL, email.eventValue())
                .detail(Details.REASON, reason(failure))
                .error(Errors.EMAIL_SEND_FAILED);
    }

    /** The messages of the exception and its causes, outermost first, each once: what went wrong, and where. */
    static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 10; t = t.getCause()) { // a cause chain may loop
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (reason.indexOf(message) < 0) {
                reason.append(reason.isEmpty() ? "" : ": ").append(message);
            }
        }
        return reason.length() <= MAX_REASON ? reason.toString() : reason.substring(0, MAX_REASON - 3) + "...";
    }

    private static EventBuilder forKey(EventBuilder builder, EventType type, UserModel user, ApiKeyCredentialModel key) {
        return builder.event(type)
                .user(user)
                .detail(Details.CREDENTIAL_TYPE, ApiKeyCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_ID, key.getId())
                .detail(Details.CREDENTIAL_USER_LABEL, key.data().name())
                .detail(DETAIL_KEY_NAME, key.data().name());
    }
}

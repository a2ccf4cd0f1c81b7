package dev.latchkey.apikey.lifecycle;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The realm events of rotation and cleanup, with the details of Latchkey's other key events; never a key's text. */
public final class LifecycleEvents {

    /** On a rotation's event: the id of the key that was replaced (the event's credential is the new key). */
    public static final String DETAIL_REPLACES = "replaces";
    public static final String DETAIL_GRACE_SECONDS = "grace_seconds";
    /** On a cleanup's REMOVE_CREDENTIAL: {@code expired} or {@code replaced}. */
    public static final String DETAIL_CLEANUP = "cleanup";
    static final String DETAIL_KEY_NAME = "api_key_name";

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

    private static EventBuilder forKey(EventBuilder builder, EventType type, UserModel user, ApiKeyCredentialModel key) {
        return builder.event(type)
                .user(user)
                .detail(Details.CREDENTIAL_TYPE, ApiKeyCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_ID, key.getId())
                .detail(Details.CREDENTIAL_USER_LABEL, key.data().name())
                .detail(DETAIL_KEY_NAME, key.data().name());
    }
}

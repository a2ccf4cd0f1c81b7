package dev.latchkey.password;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * The events of a password change, recorded the way Keycloak 26's own "update password" action records them: the
 * current {@code UPDATE_CREDENTIAL} (credential type {@code password}) together with the older {@code UPDATE_PASSWORD}
 * that existing listeners and the audit rely on; their {@code _ERROR} pair for refusals. Details name the
 * reason, never a password. Errors are stored at once, in their own transaction, so the refusal's rollback keeps them.
 */
@SuppressWarnings("deprecation") // UPDATE_PASSWORD(_ERROR): deprecated in Keycloak 26, still emitted by it too
final class PasswordEvents {

    static final String DETAIL_LOGOUT_OTHER_SESSIONS = "logout_other_sessions";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ClientModel client;
    private final UserModel user;
    private final UserSessionModel userSession;

    PasswordEvents(KeycloakSession session, RealmModel realm, ClientModel client, UserModel user,
            UserSessionModel userSession) {
        this.session = session;
        this.realm = realm;
        this.client = client;
        this.user = user;
        this.userSession = userSession;
    }

    void success(boolean otherSessionsLoggedOut) {
        builder(EventType.UPDATE_CREDENTIAL)
                .detail(DETAIL_LOGOUT_OTHER_SESSIONS, Boolean.toString(otherSessionsLoggedOut)).success();
        builder(EventType.UPDATE_PASSWORD)
                .detail(DETAIL_LOGOUT_OTHER_SESSIONS, Boolean.toString(otherSessionsLoggedOut)).success();
    }

    /** @param error a Keycloak {@code Errors} value; {@code reason}, if not null, a message key or provider name */
    void failure(String error, String reason) {
        error(EventType.UPDATE_CREDENTIAL_ERROR, error, reason);
        error(EventType.UPDATE_PASSWORD_ERROR, error, reason);
    }

    void logout(UserSessionModel other) {
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGOUT)
                .client(client)
                .user(other.getUser())
                .session(other)
                .detail(Details.REASON, "password_changed")
                .success();
    }

    private void error(EventType type, String error, String reason) {
        EventBuilder event = builder(type);
        if (reason != null) {
            event.detail(Details.REASON, reason);
        }
        event.error(error);
    }

    private EventBuilder builder(EventType type) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(type)
                .client(client)
                .user(user)
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE);
        if (userSession != null) {
            event.session(userSession);
        }
        return event;
    }
}

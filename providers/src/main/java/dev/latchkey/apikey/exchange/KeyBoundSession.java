package dev.latchkey.apikey.exchange;

import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.UserSessionModelDelegate;

/**
 * The transient session a key's token is minted in, whose user is the {@link KeyBoundUser}. Keycloak builds the
 * token's claims from {@code clientSession.getUserSession().getUser()}; its session provider looks the user up again
 * by id when it creates a session, so the narrowed user has to come from the session itself.
 */
final class KeyBoundSession extends UserSessionModelDelegate {

    private final UserModel user;

    KeyBoundSession(UserSessionModel session, KeyBoundUser user) {
        super(session);
        this.user = user;
    }

    @Override
    public UserModel getUser() {
        return user;
    }
}

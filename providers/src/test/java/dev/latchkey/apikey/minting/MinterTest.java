package dev.latchkey.apikey.minting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.Constants;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.UserSessionModel.SessionPersistenceState;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AuthenticationManager;

class MinterTest {

    @ParameterizedTest(name = "auth_time {0}, session {1} noted {2} from {3}, started {4} -> sign-in {5}")
    @CsvSource(nullValues = "NULL", value = {
            "900,  PERSISTENT, NULL, NULL,                    1000, 900",  // the token says when
            "NULL, PERSISTENT, 800,  NULL,                    1000, 800",  // the session noted it
            "NULL, PERSISTENT, NULL, NULL,                    1000, 1000", // the session's start, never later
            "NULL, TRANSIENT,  NULL, NULL,                    1000, NULL", // a key's token or a client's: no sign-in
            "NULL, TRANSIENT,  800,  NULL,                    1000, NULL", // whatever it carries
            "NULL, TRANSIENT,  800,  created_from_persistent, 1000, 800",  // rebuilt from a signed-in session
    })
    @DisplayName("Given a token and its session, then the sign-in time is the token's, the session's record or start, and none for a transient session that was never a sign-in")
    void signInTime(Long authTime, SessionPersistenceState state, String noted, String rebuilt, int started, Long expected) {
        AccessToken token = new AccessToken();
        token.setAuth_time(authTime);
        Map<String, String> notes = new HashMap<>();
        if (noted != null) {
            notes.put(AuthenticationManager.AUTH_TIME, noted);
        }
        if (rebuilt != null) {
            notes.put(Constants.CREATED_FROM_PERSISTENT, Constants.CREATED_FROM_PERSISTENT_ONLINE);
        }
        UserSessionModel session = (UserSessionModel) Proxy.newProxyInstance(UserSessionModel.class.getClassLoader(),
                new Class<?>[] {UserSessionModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPersistenceState" -> state;
                    case "getNote" -> notes.get((String) args[0]);
                    case "getStarted" -> started;
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        assertThat(Minter.of(token, null, session).authTime()).isEqualTo(expected);
    }
}

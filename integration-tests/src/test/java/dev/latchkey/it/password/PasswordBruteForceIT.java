package dev.latchkey.it.password;

import static dev.latchkey.it.password.PasswordChangeIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.AccountRealm;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Wrong current passwords count as failed logins for the realm's brute-force protection. Keycloak records each
 * failure asynchronously (its own executor and transaction), so the test waits for the count the admin API reports
 * after each attempt before making the next; that waits for Keycloak's bookkeeping, it retries nothing.
 */
@LatchkeyIT
class PasswordBruteForceIT {

    private static final int FAILURE_FACTOR = 3;
    private static final Duration BOOKKEEPING_TIMEOUT = Duration.ofSeconds(15);

    @AutoClose
    private AccountRealm realm;
    private TestUser user;
    private String token;

    @BeforeEach
    void setUp(KeycloakServer server) {
        realm = AccountRealm.create(server, "bruteforce", representation -> representation
                .put("bruteForceProtected", true)
                .put("permanentLockout", false)
                .put("failureFactor", FAILURE_FACTOR)
                .put("waitIncrementSeconds", 300)
                .put("maxFailureWaitSeconds", 900)
                .put("maxDeltaTimeSeconds", 43200)
                // the test's attempts follow each other within milliseconds: do not treat that as a "quick login"
                .put("quickLoginCheckMilliSeconds", 0)
                .put("minimumQuickLoginWaitSeconds", 0));
        user = realm.user(NewUser.unique("bruno"));
        token = realm.tokenOf(user);
    }

    @Test
    @DisplayName("Given failureFactor wrong current passwords, then the next change is 429 and login is locked too")
    void lockout() {
        for (int attempt = 1; attempt <= FAILURE_FACTOR; attempt++) {
            assertError(realm.account().changePassword(token, "Wrong-Guess-" + attempt, "Next-Password-1",
                    "Next-Password-1", false), 400, "invalid_current_password");
            awaitFailures(attempt);
        }

        assertError(realm.account().changePassword(token, user.password(), "Next-Password-1", "Next-Password-1", false),
                429, "too_many_attempts");
        assertThat(bruteForceStatus().path("disabled").asBoolean()).isTrue();
        assertThat(realm.tryLogin(user.username(), user.password()).status()).isIn(400, 401);
        JsonNode errors = realm.events("UPDATE_PASSWORD_ERROR", user.id());
        assertThat(errors.get(0).path("error").asText()).isEqualTo("user_temporarily_disabled");
        assertThat(errors.toString()).doesNotContain("Wrong-Guess").doesNotContain(user.password());
    }

    @Test
    @DisplayName("Given fewer wrong attempts than the factor, then the right password still changes it and clears the count")
    void belowFactor() {
        assertError(realm.account().changePassword(token, "Wrong-Guess-1", "Next-Password-1", "Next-Password-1", false),
                400, "invalid_current_password");
        awaitFailures(1);

        realm.account().changePassword(token, user.password(), "Next-Password-1", "Next-Password-1", false)
                .expectStatus(204);
        awaitFailures(0);
    }

    private void awaitFailures(int expected) {
        Instant deadline = Instant.now().plus(BOOKKEEPING_TIMEOUT);
        int seen = -1;
        while (Instant.now().isBefore(deadline)) {
            seen = bruteForceStatus().path("numFailures").asInt();
            if (seen == expected) {
                return;
            }
            try {
                // not a wait for time to pass: Keycloak's brute-force protector counts failures on its own thread
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Keycloak counted " + seen + " failed logins, expected " + expected);
    }

    private JsonNode bruteForceStatus() {
        return realm.admin().getJson("/realms/" + realm.name() + "/attack-detection/brute-force/users/" + user.id());
    }
}

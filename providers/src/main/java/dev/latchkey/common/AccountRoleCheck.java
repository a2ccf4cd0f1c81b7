package dev.latchkey.common;

import java.util.Arrays;
import org.keycloak.services.managers.Auth;

/**
 * The account-client role checks of the {@code /me} resources, answered as Latchkey JSON errors (Keycloak's own
 * {@link Auth#require} would answer a bare 403 without a body).
 */
public final class AccountRoleCheck {

    private AccountRoleCheck() {
    }

    public static void requireOneOf(Auth auth, String... accountRoles) {
        if (!auth.hasOneOfAppRole(auth.getClient(), accountRoles)) {
            throw LatchkeyError.forbidden("insufficient_scope",
                    "The token lacks the account role " + String.join(" or ", Arrays.asList(accountRoles)));
        }
    }
}

package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.password.PasswordPolicyRules.Rule;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordPolicyRulesTest {

    @Test
    @DisplayName("Given a policy string, then the rules keep the admin's order and the parsed values")
    void ordered() {
        Map<String, Object> parsed = Map.of("length", 12, "passwordHistory", 3);

        assertThat(PasswordPolicyRules.of("length(12) and notUsername(undefined) and passwordHistory(3)", parsed::get))
                .containsExactly(new Rule("length", "12"), new Rule("notUsername", null), new Rule("passwordHistory", "3"));
    }

    @Test
    @DisplayName("Given hashing settings in the policy, then they are not shown as rules")
    void hashingLeftOut() {
        assertThat(PasswordPolicyRules.of("hashAlgorithm(pbkdf2-sha512) and length and hashIterations(27500)",
                id -> "length".equals(id) ? 8 : null))
                .containsExactly(new Rule("length", "8"));
    }

    @Test
    @DisplayName("Given no policy, then there are no rules")
    void none() {
        assertThat(PasswordPolicyRules.of(null, id -> null)).isEmpty();
        assertThat(PasswordPolicyRules.of(" ", id -> null)).isEmpty();
    }
}

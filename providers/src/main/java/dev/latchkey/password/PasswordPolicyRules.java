package dev.latchkey.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The realm's password policy as a list the Profile page can explain ({@code length: 12}, {@code notUsername}...),
 * in the order the admin set it. Keycloak's {@code PasswordPolicy} keeps its ids in a hash map, so the order comes
 * from its policy string ({@code "length(12) and notUsername(undefined)"}), the value from the parsed policy (which
 * has the defaults filled in). How the password is hashed is no rule for the user and is left out.
 */
public final class PasswordPolicyRules {

    public record Rule(String id, String value) {
    }

    private static final Set<String> STORAGE_SETTINGS = Set.of("hashAlgorithm", "hashIterations");

    private PasswordPolicyRules() {
    }

    /**
     * @param policyString {@code PasswordPolicy.toString()}; null or blank for no policy
     * @param configOf     the parsed configuration of one policy id (may answer null for a policy without a value)
     */
    public static List<Rule> of(String policyString, Function<String, Object> configOf) {
        List<Rule> rules = new ArrayList<>();
        if (policyString == null || policyString.isBlank()) {
            return rules;
        }
        for (String part : policyString.split(" and ")) {
            String policy = part.trim();
            int open = policy.indexOf('(');
            String id = (open < 0 ? policy : policy.substring(0, open)).trim();
            if (id.isEmpty() || STORAGE_SETTINGS.contains(id)) {
                continue;
            }
            Object config = configOf.apply(id);
            rules.add(new Rule(id, config == null ? null : String.valueOf(config)));
        }
        return rules;
    }
}

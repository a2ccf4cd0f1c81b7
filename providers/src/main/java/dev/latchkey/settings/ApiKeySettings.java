package dev.latchkey.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.models.RealmModel;

/**
 * The realm's API-key settings, read from realm attributes (cached with the realm, so reading them costs no database
 * round trip). A stored value that is missing or out of range falls back to its default, so a hand-edited realm
 * export can never switch keys on by accident or lift a limit.
 */
public record ApiKeySettings(boolean enabled, int maxLifetimeDays, String roleName, int maxKeysPerUser) {

    public static final String ENABLED = "latchkey.apiKeys.enabled";
    public static final String MAX_LIFETIME_DAYS = "latchkey.apiKeys.maxLifetimeDays";
    public static final String ROLE = "latchkey.apiKeys.role";
    public static final String MAX_KEYS_PER_USER = "latchkey.apiKeys.maxKeysPerUser";

    public static final boolean DEFAULT_ENABLED = false;
    public static final int DEFAULT_MAX_LIFETIME_DAYS = 180;
    public static final int MIN_LIFETIME_DAYS = 1;
    public static final int MAX_LIFETIME_DAYS_LIMIT = 365;
    public static final String DEFAULT_ROLE = "api-access";
    public static final int DEFAULT_MAX_KEYS_PER_USER = 100;
    public static final int MIN_KEYS_PER_USER = 1;
    public static final int MAX_KEYS_PER_USER_LIMIT = 1000;

    public static final ApiKeySettings DEFAULTS =
            new ApiKeySettings(DEFAULT_ENABLED, DEFAULT_MAX_LIFETIME_DAYS, DEFAULT_ROLE, DEFAULT_MAX_KEYS_PER_USER);

    public static ApiKeySettings of(RealmModel realm) {
        return new ApiKeySettings(
                "true".equalsIgnoreCase(realm.getAttribute(ENABLED)),
                intInRange(realm.getAttribute(MAX_LIFETIME_DAYS), MIN_LIFETIME_DAYS, MAX_LIFETIME_DAYS_LIMIT, DEFAULT_MAX_LIFETIME_DAYS),
                nonBlank(realm.getAttribute(ROLE), DEFAULT_ROLE),
                intInRange(realm.getAttribute(MAX_KEYS_PER_USER), MIN_KEYS_PER_USER, MAX_KEYS_PER_USER_LIMIT, DEFAULT_MAX_KEYS_PER_USER));
    }

    /** Problems with these values for this realm, as readable sentences; empty when they may be saved. */
    public List<String> problems(RealmModel realm) {
        List<String> problems = new ArrayList<>();
        if (maxLifetimeDays < MIN_LIFETIME_DAYS || maxLifetimeDays > MAX_LIFETIME_DAYS_LIMIT) {
            problems.add("maxLifetimeDays must be between " + MIN_LIFETIME_DAYS + " and " + MAX_LIFETIME_DAYS_LIMIT);
        }
        if (maxKeysPerUser < MIN_KEYS_PER_USER || maxKeysPerUser > MAX_KEYS_PER_USER_LIMIT) {
            problems.add("maxKeysPerUser must be between " + MIN_KEYS_PER_USER + " and " + MAX_KEYS_PER_USER_LIMIT);
        }
        if (roleName == null || roleName.isBlank()) {
            problems.add("role must name a realm role");
        } else if (realm.getRole(roleName) == null) {
            problems.add("role '" + roleName + "' is not a realm role of this realm");
        }
        return problems;
    }

    public void writeTo(RealmModel realm) {
        realm.setAttribute(ENABLED, Boolean.toString(enabled));
        realm.setAttribute(MAX_LIFETIME_DAYS, Integer.toString(maxLifetimeDays));
        realm.setAttribute(ROLE, roleName);
        realm.setAttribute(MAX_KEYS_PER_USER, Integer.toString(maxKeysPerUser));
    }

    public Map<String, String> asAttributes() {
        return Map.of(ENABLED, Boolean.toString(enabled), MAX_LIFETIME_DAYS, Integer.toString(maxLifetimeDays),
                ROLE, roleName, MAX_KEYS_PER_USER, Integer.toString(maxKeysPerUser));
    }

    private static int intInRange(String value, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed >= min && parsed <= max ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}

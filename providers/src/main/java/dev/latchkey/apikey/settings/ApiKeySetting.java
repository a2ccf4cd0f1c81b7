package dev.latchkey.apikey.settings;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.keycloak.models.RealmModel;

/**
 * Every realm setting of API keys, defined once: the realm attribute it is stored in, its JSON field (admin REST API,
 * admin-console tab, realm JSON), its type, default, range and the texts the admin console shows. The tab, the admin
 * REST validation, the typed reading in {@link ApiKeySettings} and the README's settings table all come from here.
 */
public enum ApiKeySetting {

    ENABLED("latchkey.apiKeys.enabled", "enabled", Type.BOOLEAN, "false", 0, 0,
            "API keys enabled",
            "Off: nobody can create keys and every key is refused; switching back on makes unexpired keys work again. "
                    + "The Profile page hides the API-keys section."),
    MAX_LIFETIME_DAYS("latchkey.apiKeys.maxLifetimeDays", "maxLifetimeDays", Type.INTEGER, "180", 1, 365,
            "Maximum lifetime (days)",
            "Latest expiration a user may choose: today + this many days, valid through the end of that day in the "
                    + "zone the user picks dates in (their own time zone, else their browser's). Existing keys keep "
                    + "their expiration."),
    ROLE("latchkey.apiKeys.role", "role", Type.REALM_ROLE, "api-access", 0, 0,
            "API-access role",
            "Who may create and use keys. Direct, group and composite membership count, checked on every validation."),
    MAX_KEYS_PER_USER("latchkey.apiKeys.maxKeysPerUser", "maxKeysPerUser", Type.INTEGER, "100", 1, 1000,
            "Maximum active keys per user",
            "Unexpired keys a user may hold; expired and replaced keys do not count (but see the hard cap under "
                    + "deleteExpiredAfterDays). Holds under concurrent creates."),
    REAUTHENTICATION_SECONDS("latchkey.apiKeys.reauthenticationSeconds", "reauthenticationSeconds", Type.INTEGER, "300",
            0, 86400,
            "Re-authentication age (seconds)",
            "Creating a key is a credential change: it needs a sign-in at most this many seconds old (the token's "
                    + "auth_time), else the Profile page asks the user to sign in again. 0: no requirement."),
    REQUIRE_SCOPES("latchkey.apiKeys.requireScopes", "requireScopes", Type.BOOLEAN, "false", 0, 0,
            "Require scoped keys",
            "On: a new key must name the roles it may use (roles); a key for all of the owner's roles is refused. "
                    + "Keys made before keep working as they are."),
    EXCHANGE_TOKEN_SECONDS("latchkey.apiKeys.exchangeTokenSeconds", "exchangeTokenSeconds", Type.INTEGER, "300", 30, 3600,
            "Exchanged token lifetime (seconds)",
            "Longest life of an access token a key is exchanged for (RFC 8693), also capped by the realm's access-token "
                    + "lifespan and the key's expiration. A token already issued lives on after its key is revoked."),
    PROXY_AUTH("latchkey.apiKeys.proxyAuth", "proxyAuth", Type.BOOLEAN, "false", 0, 0,
            "Proxy authentication",
            "On: reverse proxies (nginx auth_request, Traefik forwardAuth, Caddy forward_auth, Envoy ext_authz) may check "
                    + "keys at /api-keys/auth, which answers who a key acts for in response headers without "
                    + "authenticating the proxy. Off: that endpoint answers 404."),
    MAX_ROTATION_GRACE_SECONDS("latchkey.apiKeys.maxRotationGraceSeconds", "maxRotationGraceSeconds", Type.INTEGER,
            "604800", 0, 2592000,
            "Maximum rotation grace (seconds)",
            "Longest time a rotated key keeps working next to its successor (the rotate request's graceSeconds). "
                    + "0: a rotated key is refused at once."),
    REMINDER_DAYS("latchkey.apiKeys.reminderDays", "reminderDays", Type.DAY_LIST, "7,1", 1, 365,
            "Expiry reminder days",
            "Days before a key expires on which its owner gets an email reminder, one per key and day (e.g. 7,1); "
                    + "empty: no reminders. An email on the day a key expires is sent either way, while reminders "
                    + "are on."),
    DELETE_EXPIRED_AFTER_DAYS("latchkey.apiKeys.deleteExpiredAfterDays", "deleteExpiredAfterDays", Type.INTEGER, "30",
            0, 3650,
            "Delete expired keys after (days)",
            "Expired and replaced keys are deleted this many days after they stopped working (a REMOVE_CREDENTIAL "
                    + "event). Until then they count towards a hard cap of twice the active limit per user. 0: keep them."),
    REVOKE_UNUSED_AFTER_DAYS("latchkey.apiKeys.revokeUnusedAfterDays", "revokeUnusedAfterDays", Type.INTEGER, "0",
            0, 730,
            "Revoke unused keys after (days)",
            "Keys not used for this many days (a key never used: since it was made) are revoked by the lifecycle "
                    + "task, their owner gets an email, and a REMOVE_CREDENTIAL event says reason unused. 0: never.");

    /** Most entries of a {@link Type#DAY_LIST}: a few reminders, not a daily mail. */
    public static final int MAX_LIST_ENTRIES = 5;

    /** How a value is written and what makes it valid. */
    public enum Type {
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A whole number within the setting's range. */
        INTEGER,
        /** The name of an existing realm role. */
        REALM_ROLE,
        /**
         * Whole days, each within the setting's range, at most {@value #MAX_LIST_ENTRIES}: canonical text {@code "7,1"}
         * (largest first, no repeats); the empty text is an empty list. JSON: that text (also accepted: an array of
         * numbers), so the admin console's tab edits it as one text field.
         */
        DAY_LIST
    }

    private final String attribute;
    private final String field;
    private final Type type;
    private final String defaultValue;
    private final int min;
    private final int max;
    private final String label;
    private final String help;

    ApiKeySetting(String attribute, String field, Type type, String defaultValue, int min, int max, String label,
                  String help) {
        this.attribute = attribute;
        this.field = field;
        this.type = type;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.label = label;
        this.help = help;
    }

    public String attribute() {
        return attribute;
    }

    public String field() {
        return field;
    }

    public Type type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    /** How the type is named in the README: "boolean", "integer", "realm role name". */
    public String typeName() {
        return switch (type) {
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
            case REALM_ROLE -> "realm role name";
            case DAY_LIST -> "list of days";
        };
    }

    /** "1-365" for a number, "on/off" for a switch, "an existing realm role" for a role. */
    public String range() {
        return switch (type) {
            case BOOLEAN -> "on/off";
            case INTEGER -> min + "-" + max;
            case REALM_ROLE -> "an existing realm role";
            case DAY_LIST -> "up to " + MAX_LIST_ENTRIES + " days, each " + min + "-" + max + ", comma-separated; empty: none";
        };
    }

    public static Optional<ApiKeySetting> byField(String field) {
        for (ApiKeySetting setting : values()) {
            if (setting.field.equals(field)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    /**
     * The value in force for a stored text: a missing, malformed or out-of-range value is the default, so a
     * hand-edited realm export can never switch keys on by accident or lift a limit. Realm roles are not looked up
     * here (the hot path reads this): a role that does not exist simply grants nothing.
     */
    public String effective(String stored) {
        if (type == Type.DAY_LIST && stored != null) {
            // the empty list is a value of its own ("no reminders"), not a missing one
            List<Integer> days = parseDays(stored);
            return days != null ? joinDays(days) : defaultValue;
        }
        if (stored == null || stored.isBlank()) {
            return defaultValue;
        }
        String value = stored.trim();
        return switch (type) {
            case BOOLEAN -> Boolean.toString("true".equalsIgnoreCase(value));
            case INTEGER -> {
                Integer parsed = parseInt(value);
                yield parsed != null && parsed >= min && parsed <= max ? parsed.toString() : defaultValue;
            }
            case REALM_ROLE -> value;
            case DAY_LIST -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * Checks a value an admin wants to save (already turned into text).
     *
     * @return the canonical text to store
     * @throws InvalidSettingException naming the field and what it must be
     */
    public String validate(String requested, RealmModel realm) {
        String value = requested == null ? "" : requested.trim();
        switch (type) {
            case BOOLEAN -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new InvalidSettingException(field + " must be true or false");
                }
                return Boolean.toString(Boolean.parseBoolean(value));
            }
            case INTEGER -> {
                Integer parsed = parseInt(value);
                if (parsed == null || parsed < min || parsed > max) {
                    throw new InvalidSettingException(field + " must be a whole number between " + min + " and " + max);
                }
                return parsed.toString();
            }
            case REALM_ROLE -> {
                if (value.isEmpty()) {
                    throw new InvalidSettingException(field + " must name a realm role");
                }
                if (realm.getRole(value) == null) {
                    throw new InvalidSettingException(field + " '" + value + "' is not a realm role of this realm");
                }
                return value;
            }
            case DAY_LIST -> {
                List<Integer> days = parseDays(value);
                if (days == null) {
                    throw new InvalidSettingException(field + " must be up to " + MAX_LIST_ENTRIES
                            + " whole numbers of days between " + min + " and " + max + ", comma-separated (e.g. 7,1), "
                            + "or empty for none");
                }
                return joinDays(days);
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    /** The typed JSON value of a canonical text. */
    public Object toJson(String text) {
        return switch (type) {
            case BOOLEAN -> Boolean.parseBoolean(text);
            case INTEGER -> Integer.valueOf(text);
            case REALM_ROLE, DAY_LIST -> text;
        };
    }

    /**
     * The text of a JSON value as an admin sent it; a value of the wrong JSON type is refused rather than coerced
     * ({@code "enabled": "yes"} is a mistake, not "off").
     */
    public String fromJson(Object json) {
        boolean rightType = switch (type) {
            case BOOLEAN -> json instanceof Boolean;
            case INTEGER -> json instanceof Integer || json instanceof Long;
            case REALM_ROLE -> json instanceof String;
            case DAY_LIST -> json instanceof String
                    || json instanceof List<?> list && list.stream().allMatch(e -> e instanceof Integer || e instanceof Long);
        };
        if (!rightType) {
            throw new InvalidSettingException(field + " must be " + switch (type) {
                case BOOLEAN -> "true or false";
                case INTEGER -> "a whole number between " + min + " and " + max;
                case REALM_ROLE -> "the name of a realm role";
                case DAY_LIST -> "a text of comma-separated days such as \"7,1\" (or an array of numbers)";
            });
        }
        if (json instanceof List<?> list) {
            return list.stream().map(Object::toString).collect(Collectors.joining(","));
        }
        return json.toString();
    }

    /**
     * The days of a list setting's text, largest first.
     *
     * @return null when the text is not up to {@value #MAX_LIST_ENTRIES} days within the range
     */
    private List<Integer> parseDays(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> days = new TreeSet<>(Comparator.reverseOrder());
        for (String part : trimmed.split(",", -1)) {
            Integer day = parseInt(part.trim());
            if (day == null || day < min || day > max) {
                return null;
            }
            days.add(day);
        }
        return days.size() <= MAX_LIST_ENTRIES ? List.copyOf(days) : null;
    }

    private static String joinDays(List<Integer> days) {
        return days.stream().map(Object::toString).collect(Collectors.joining(","));
    }

    /** The days of a {@link Type#DAY_LIST} setting's canonical text, largest first; empty for none. */
    public List<Integer> days(String canonical) {
        List<Integer> days = parseDays(canonical);
        return days == null ? List.of() : days;
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

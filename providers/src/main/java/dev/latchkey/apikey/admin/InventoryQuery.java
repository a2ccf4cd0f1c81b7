package dev.latchkey.apikey.admin;

import dev.latchkey.apikey.credential.ApiKeyCredentialData;
import dev.latchkey.common.LatchkeyError;
import java.time.Duration;
import java.util.Locale;

/**
 * One page of the realm's key list as an admin asked for it: {@code first}, {@code max} (default {@value #DEFAULT_MAX},
 * at most {@value #MAX_MAX}) and the filters. {@code username} is matched in the database; the others read the key's
 * stored data ({@link #matches}).
 *
 * @param expiringWithinDays keys still working that expire within this many days; null: no filter
 * @param unusedForDays      keys whose last use (never used: creation) is at least this many days ago; null: no filter
 * @param scoped             true: keys with roles or an organization; false: keys without; null: both
 */
record InventoryQuery(int first, int max, String username, Integer expiringWithinDays, Integer unusedForDays,
                      Boolean scoped) {

    static final int DEFAULT_MAX = 100;
    static final int MAX_MAX = 1000;
    private static final int MAX_DAYS = 36_500;
    private static final long DAY = Duration.ofDays(1).toMillis();

    static InventoryQuery parse(String first, String max, String username, String expiringWithinDays,
                                String unusedForDays, String scoped) {
        return new InventoryQuery(
                number("first", first, 0, Integer.MAX_VALUE, 0),
                number("max", max, 1, MAX_MAX, DEFAULT_MAX),
                username == null || username.isBlank() ? null : username.trim().toLowerCase(Locale.ROOT),
                optionalNumber("expiringWithinDays", expiringWithinDays),
                optionalNumber("unusedForDays", unusedForDays),
                bool(scoped));
    }

    /** Whether a filter needs the stored data (else the database pages alone). */
    boolean filtersData() {
        return expiringWithinDays != null || unusedForDays != null || scoped != null;
    }

    boolean matches(ApiKeyCredentialData data, long createdDate, long now) {
        if (expiringWithinDays != null
                && (data.isExpired(now) || data.expiresAt() > now + expiringWithinDays * DAY)) {
            return false;
        }
        if (unusedForDays != null) {
            long lastUse = data.lastUsedAt() != null ? data.lastUsedAt() : createdDate;
            if (lastUse > now - unusedForDays * DAY) {
                return false;
            }
        }
        if (scoped != null) {
            boolean isScoped = data.roles() != null || data.organization() != null;
            return isScoped == scoped;
        }
        return true;
    }

    private static int number(String name, String text, int min, int max, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw LatchkeyError.badRequest("'" + name + "' must be a whole number from " + min + " to " + max);
    }

    private static Integer optionalNumber(String name, String text) {
        return text == null || text.isBlank() ? null : number(name, text, 0, MAX_DAYS, 0);
    }

    private static Boolean bool(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.trim().equalsIgnoreCase("true") && !text.trim().equalsIgnoreCase("false")) {
            throw LatchkeyError.badRequest("'scoped' must be true or false");
        }
        return Boolean.valueOf(text.trim().toLowerCase(Locale.ROOT));
    }
}

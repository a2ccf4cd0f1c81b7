package dev.latchkey.apikey.minting;

import dev.latchkey.common.LatchkeyError;
import dev.latchkey.common.UserTimeZone;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.keycloak.models.UserModel;

/**
 * Turns the requested expiration into an instant and checks it against the realm's maximum lifetime.
 *
 * <p>A plain date ({@code 2027-03-31}) means "valid through that day" in the owner's time zone, i.e. the key
 * expires at the start of the next day there. A date-time needs an explicit offset ({@code Z} or {@code +02:00}):
 * a local date-time would be ambiguous.
 */
final class Expiration {

    private Expiration() {
    }

    /** The zone a date is read in: the one the request names, else the owner's own, else UTC. */
    static ZoneId zone(String requested, UserModel owner) {
        if (requested == null || requested.isBlank()) {
            return UserTimeZone.of(owner);
        }
        return UserTimeZone.canonical(requested).map(ZoneId::of).orElseThrow(() -> LatchkeyError.badRequest(
                "timeZone '" + abbreviate(requested.trim()) + "' is not an IANA time zone such as Europe/Berlin"));
    }

    static Instant resolve(String requested, ZoneId zone, Instant now, int maxLifetimeDays) {
        if (requested == null || requested.isBlank()) {
            throw LatchkeyError.badRequest("expiresAt is required: a date (YYYY-MM-DD) or an ISO-8601 date-time with offset");
        }
        Instant expiresAt = parse(requested.trim(), zone);
        if (!expiresAt.isAfter(now)) {
            throw LatchkeyError.badRequest("expiresAt must be in the future");
        }
        LocalDate lastAllowedDay = LocalDate.ofInstant(now, zone).plusDays(maxLifetimeDays);
        if (expiresAt.isAfter(latest(now, zone, maxLifetimeDays))) {
            throw LatchkeyError.badRequest("expiresAt must be on or before " + lastAllowedDay
                    + " (the realm allows keys for at most " + maxLifetimeDays + " days)");
        }
        return expiresAt;
    }

    /** The latest expiration allowed now: the end of today + the maximum lifetime, in the zone. */
    static Instant latest(Instant now, ZoneId zone, int maxLifetimeDays) {
        return endOfDay(LocalDate.ofInstant(now, zone).plusDays(maxLifetimeDays), zone);
    }

    private static Instant parse(String text, ZoneId zone) {
        try {
            if (text.length() <= 10) {
                return endOfDay(LocalDate.parse(text), zone);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw LatchkeyError.badRequest("expiresAt '" + abbreviate(text)
                    + "' is neither a date (YYYY-MM-DD) nor an ISO-8601 date-time with offset");
        } catch (DateTimeException | ArithmeticException e) {
            throw LatchkeyError.badRequest("expiresAt is out of range");
        }
    }

    private static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static String abbreviate(String text) {
        String visible = text.codePoints().limit(40)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return text.codePointCount(0, text.length()) > 40 ? visible + "..." : visible;
    }
}

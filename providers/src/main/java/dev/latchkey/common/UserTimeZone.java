package dev.latchkey.common;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.UserModel;

/**
 * Time zones as users choose them: region ids of the IANA database only ("Europe/Berlin", "UTC"). A fixed offset
 * such as "+02:00" would not follow daylight-saving time, and the stored value is also the OIDC {@code zoneinfo}
 * claim, which must be a zoneinfo name.
 */
public final class UserTimeZone {

    /** The user-profile attribute a user's zone is stored in. */
    public static final String ATTRIBUTE = "timezone";

    private static final Set<String> ZONE_IDS = ZoneId.getAvailableZoneIds();

    private UserTimeZone() {
    }

    /** The user's own zone, or empty when they have none (or the stored text is no IANA zone). */
    public static Optional<String> chosenBy(UserModel user) {
        return canonical(user.getFirstAttribute(ATTRIBUTE));
    }

    /** The user's own zone; UTC when they have none. */
    public static ZoneId of(UserModel user) {
        return chosenBy(user).map(ZoneId::of).orElse(ZoneOffset.UTC);
    }

    /** The IANA spelling of a zone id, matched ignoring case; empty for a blank text or one that names no zone. */
    public static Optional<String> canonical(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String wanted = value.trim();
        if (ZONE_IDS.contains(wanted)) {
            return Optional.of(wanted);
        }
        return ZONE_IDS.stream().filter(id -> id.equalsIgnoreCase(wanted)).findFirst();
    }
}

package dev.latchkey.common;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.keycloak.models.UserModel;

/** The user's time zone, from the {@code timezone} user-profile attribute; UTC when unset or not a valid zone id. */
public final class UserTimeZone {

    public static final String ATTRIBUTE = "timezone";

    private UserTimeZone() {
    }

    public static ZoneId of(UserModel user) {
        String value = user.getFirstAttribute(ATTRIBUTE);
        if (value == null || value.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}

package dev.latchkey.profile;

import dev.latchkey.common.UserTimeZone;
import java.util.Collection;
import java.util.Optional;

/**
 * What a language or time-zone value must be before it goes to Keycloak's user profile. The user profile still runs
 * the realm's own validators and permissions afterwards; these rules add what it cannot know (the realm's supported
 * locales, real IANA zones). Values come back in their canonical spelling; empty means "clear".
 */
final class PreferenceRules {

    static final String INVALID_LOCALE = "invalid_locale";
    static final String INVALID_TIMEZONE = "invalid_timezone";

    /** A refused value; {@link #code()} is the API's error code. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final String value;

        Invalid(String code, String value, String message) {
            super(message, null, false, false);
            this.code = code;
            this.value = value;
        }

        String code() {
            return code;
        }

        String value() {
            return value;
        }
    }

    private PreferenceRules() {
    }

    /**
     * @param supported the realm's supported locales (ignored when internationalization is off)
     * @return the realm's spelling of the tag, or empty for a blank value (clear the user's choice)
     */
    static Optional<String> locale(String value, boolean internationalizationEnabled, Collection<String> supported) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String wanted = value.trim();
        if (!internationalizationEnabled) {
            throw new Invalid(INVALID_LOCALE, wanted,
                    "This realm does not offer a choice of language (internationalization is off)");
        }
        return Optional.of(supported.stream()
                .filter(tag -> tag.equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new Invalid(INVALID_LOCALE, wanted,
                        "'" + wanted + "' is not one of this realm's languages: " + String.join(", ", supported))));
    }

    /**
     * An IANA region id ({@link UserTimeZone#canonical}).
     *
     * @return the canonical spelling, or empty for a blank value (clear the time zone)
     */
    static Optional<String> timeZone(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String wanted = value.trim();
        return Optional.of(UserTimeZone.canonical(wanted).orElseThrow(() -> new Invalid(INVALID_TIMEZONE, wanted,
                "'" + wanted + "' is not an IANA time zone such as Europe/Berlin")));
    }
}

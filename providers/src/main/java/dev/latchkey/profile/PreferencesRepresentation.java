package dev.latchkey.profile;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Answer of {@code PUT /me/preferences}: the values now stored, {@code null} for none. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PreferencesRepresentation(String locale, String timezone) {
}

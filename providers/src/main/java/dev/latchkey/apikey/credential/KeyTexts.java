package dev.latchkey.apikey.credential;

import dev.latchkey.common.LatchkeyError;

/** Rules for the human-written parts of a key: its name and description. */
public final class KeyTexts {

    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_DESCRIPTION_LENGTH = 255;

    private KeyTexts() {
    }

    /** @return the trimmed name; markup is allowed and stored as given (the UI shows it as text). */
    public static String name(String requested) {
        String name = requested == null ? "" : requested.strip();
        int length = name.codePointCount(0, name.length());
        if (length == 0 || length > MAX_NAME_LENGTH) {
            throw LatchkeyError.badRequest("name must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        if (hasControlCharacter(name)) {
            throw LatchkeyError.badRequest("name must not contain control characters");
        }
        return name;
    }

    /** @return the trimmed description, or {@code null} when none was given. */
    public static String description(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        String description = requested.strip();
        if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
            throw LatchkeyError.badRequest("description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (hasControlCharacter(description)) {
            throw LatchkeyError.badRequest("description must not contain control characters");
        }
        return description;
    }

    private static boolean hasControlCharacter(String text) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT && c != 0x200D // keep ZWJ emoji sequences
                || Character.getType(c) == Character.UNASSIGNED
                || Character.getType(c) == Character.SURROGATE);
    }
}

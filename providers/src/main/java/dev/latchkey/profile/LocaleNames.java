package dev.latchkey.profile;

import java.util.Locale;

/**
 * Names of a language tag for a language picker: in the language itself (what a reader of that language looks for)
 * and in the reader's current language. Java's own locale data, so no theme message is needed per locale.
 */
final class LocaleNames {

    private LocaleNames() {
    }

    /** e.g. {@code de} -> "Deutsch", {@code pt-BR} -> "Português (Brasil)"; the tag itself when Java has no name. */
    static String inItself(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        return capitalized(locale.getDisplayName(locale), locale, tag);
    }

    /** e.g. {@code de} read by an English speaker -> "German". */
    static String in(String tag, Locale reader) {
        return capitalized(Locale.forLanguageTag(tag).getDisplayName(reader), reader, tag);
    }

    private static String capitalized(String name, Locale casing, String fallback) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        int first = name.codePointAt(0);
        return new StringBuilder(name.length())
                .append(new String(Character.toChars(first)).toUpperCase(casing))
                .append(name, Character.charCount(first), name.length())
                .toString();
    }
}

package dev.latchkey.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocaleNamesTest {

    @Test
    @DisplayName("Given a tag, then its name in the language itself starts with a capital letter")
    void inItself() {
        assertThat(LocaleNames.inItself("de")).isEqualTo("Deutsch");
        assertThat(LocaleNames.inItself("fr")).isEqualTo("Français");
        assertThat(LocaleNames.inItself("pt-BR")).startsWith("Português");
    }

    @Test
    @DisplayName("Given a reader's locale, then the name is in the reader's language")
    void inReadersLanguage() {
        assertThat(LocaleNames.in("de", Locale.ENGLISH)).isEqualTo("German");
        assertThat(LocaleNames.in("en", Locale.GERMAN)).isEqualTo("Englisch");
    }

    @Test
    @DisplayName("Given a tag Java has no name for, then the tag itself is shown")
    void unknownTag() {
        assertThat(LocaleNames.inItself("x-klingon")).isEqualTo("x-klingon");
    }
}

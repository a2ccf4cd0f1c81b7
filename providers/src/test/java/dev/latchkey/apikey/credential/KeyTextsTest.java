package dev.latchkey.apikey.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.common.LatchkeyError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyTextsTest {

    @Test
    @DisplayName("Given a name with surrounding spaces, then it is trimmed; markup is kept as given")
    void trimsAndKeepsMarkup() {
        assertThat(KeyTexts.name("  ci deploy  ")).isEqualTo("ci deploy");
        assertThat(KeyTexts.name("<b>build</b> & \"test\"")).isEqualTo("<b>build</b> & \"test\"");
    }

    @Test
    @DisplayName("Given 64 characters (counting emoji as one), then the name is accepted; 65 are refused")
    void lengthLimitInCharacters() {
        assertThat(KeyTexts.name("🔑".repeat(64))).hasSize(128);
        assertThatThrownBy(() -> KeyTexts.name("a".repeat(65))).isInstanceOf(LatchkeyError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "line\nbreak", "tab\there", "nul\u0000", "bidi\u202Eoverride", "bell\u0007"})
    @DisplayName("Given an empty name or control characters, then the name is refused")
    void refusesEmptyAndControl(String name) {
        assertThatThrownBy(() -> KeyTexts.name(name)).isInstanceOf(LatchkeyError.class).hasMessage("invalid_request");
    }

    @Test
    @DisplayName("Given no or a blank description, then there is none; 256 characters are refused")
    void description() {
        assertThat(KeyTexts.description(null)).isNull();
        assertThat(KeyTexts.description("  ")).isNull();
        assertThat(KeyTexts.description(" used by the nightly job ")).isEqualTo("used by the nightly job");
        assertThat(KeyTexts.description("d".repeat(255))).hasSize(255);
        assertThatThrownBy(() -> KeyTexts.description("d".repeat(256))).isInstanceOf(LatchkeyError.class);
    }

    @Test
    @DisplayName("Given a null name, then it is refused")
    void nullName() {
        assertThatThrownBy(() -> KeyTexts.name(null)).isInstanceOf(LatchkeyError.class);
    }
}

package dev.latchkey.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreferenceRulesTest {

    private static final List<String> SUPPORTED = List.of("en", "de", "pt-BR");

    @Test
    @DisplayName("Given a supported locale in any case, then the realm's spelling is kept")
    void supportedLocale() {
        assertThat(PreferenceRules.locale("PT-br", true, SUPPORTED)).contains("pt-BR");
        assertThat(PreferenceRules.locale(" de ", true, SUPPORTED)).contains("de");
    }

    @Test
    @DisplayName("Given a blank or null locale, then it means 'clear'")
    void blankLocale() {
        assertThat(PreferenceRules.locale("", true, SUPPORTED)).isEmpty();
        assertThat(PreferenceRules.locale(null, false, List.of())).isEmpty();
    }

    @Test
    @DisplayName("Given a locale the realm does not support, then it is refused as invalid_locale")
    void unsupportedLocale() {
        assertThatThrownBy(() -> PreferenceRules.locale("fr", true, SUPPORTED))
                .isInstanceOfSatisfying(PreferenceRules.Invalid.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_locale");
                    assertThat(e.value()).isEqualTo("fr");
                });
    }

    @Test
    @DisplayName("Given internationalization is off, then any locale is refused")
    void internationalizationOff() {
        assertThatThrownBy(() -> PreferenceRules.locale("en", false, SUPPORTED))
                .isInstanceOfSatisfying(PreferenceRules.Invalid.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_locale"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/Argentina/Buenos_Aires", "UTC", "Asia/Kolkata"})
    @DisplayName("Given an IANA zone id, then it is accepted as is")
    void ianaZones(String zone) {
        assertThat(PreferenceRules.timeZone(zone)).contains(zone);
    }

    @Test
    @DisplayName("Given a zone id in the wrong case, then its canonical spelling is stored")
    void zoneCase() {
        assertThat(PreferenceRules.timeZone("europe/berlin")).contains("Europe/Berlin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "+02:00", "GMT+2", "Berlin", "Europe/Berlin; DROP"})
    @DisplayName("Given an offset or an unknown name, then it is refused as invalid_timezone")
    void invalidZones(String zone) {
        assertThatThrownBy(() -> PreferenceRules.timeZone(zone))
                .isInstanceOfSatisfying(PreferenceRules.Invalid.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_timezone"));
    }

    @Test
    @DisplayName("Given a blank or null time zone, then it means 'clear'")
    void blankZone() {
        assertThat(PreferenceRules.timeZone(" ")).isEmpty();
        assertThat(PreferenceRules.timeZone(null)).isEmpty();
    }
}

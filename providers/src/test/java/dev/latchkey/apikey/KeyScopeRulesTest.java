package dev.latchkey.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class KeyScopeRulesTest {

    @ParameterizedTest(name = "[{0}] malformed: {1}")
    @CsvSource(delimiter = '|', value = {
            "ops                          | false",
            "inventory/reader             | false",
            "https://app.example/saml/ops | false",
            "offline_access               | false",
            "role with spaces             | false",
            "''                           | true",
            "'   '                        | true",
            "' ops'                       | true",
            "'ops '                       | true",
            "/reader                      | true",
            "inventory/                   | true",
            "/                            | true",
            "'ops\tx'                     | true"})
    void labelShape(String label, boolean malformed) {
        assertThat(KeyScopeRules.isMalformed(label)).isEqualTo(malformed);
    }

    @ParameterizedTest
    @NullSource
    void nullIsMalformed(String label) {
        assertThat(KeyScopeRules.isMalformed(label)).isTrue();
    }

    @ParameterizedTest(name = "{0} characters malformed: {1}")
    @CsvSource({"511, false", "512, true"})
    void longestLabel(int length, boolean malformed) {
        assertThat(KeyScopeRules.isMalformed("r".repeat(length))).isEqualTo(malformed);
    }
}

package dev.latchkey.apikey.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityHeadersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "alice                                  | alice",
            "alice@example.com                      | alice@example.com",
            "5f6e0c2a-1b2c-4d5e-8f90-a1b2c3d4e5f6   | 5f6e0c2a-1b2c-4d5e-8f90-a1b2c3d4e5f6",
            "jörg                                   | j%C3%B6rg",
            "alice+ci@example.com                   | alice%2Bci@example.com",
            "50%                                    | 50%25",
            "a,b                                    | a%2Cb",
            "'two words'                            | two%20words",
            "🔑                                     | %F0%9F%94%91",
            "f:1c9e:alice                           | f%3A1c9e%3Aalice",
    })
    @DisplayName("Given any text, then plain values pass unchanged and every other byte is percent-encoded")
    void encodes(String value, String header) {
        assertThat(IdentityHeaders.encode(value)).isEqualTo(header);
        assertThat(URLDecoder.decode(header, StandardCharsets.UTF_8)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil\r\nX-Latchkey-User-Id: admin", "tab\there", "nul\0", "del\u007f"})
    @DisplayName("Given control characters (CR, LF, TAB, NUL, DEL), then the value holds only visible ASCII")
    void neverControlCharacters(String value) {
        String header = IdentityHeaders.encode(value);

        assertThat(header).matches("[A-Za-z0-9._~@%-]*");
        assertThat(URLDecoder.decode(header, StandardCharsets.UTF_8)).isEqualTo(value);
    }
}

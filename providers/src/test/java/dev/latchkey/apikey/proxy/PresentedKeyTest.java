package dev.latchkey.apikey.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.apikey.proxy.PresentedKey.Source;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresentedKeyTest {

    private static final String KEY = "lk_0123456789abcdef";

    @Test
    @DisplayName("Given no key header, then nothing is presented and a 401 offers Basic too")
    void none() {
        PresentedKey presented = PresentedKey.from(headers(Map.of()));

        assertThat(presented.source()).isEqualTo(Source.NONE);
        assertThat(presented.text()).isNull();
        assertThat(presented.offerBasic()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Bearer lk_0123456789abcdef     | BEARER",
            "bearer lk_0123456789abcdef     | BEARER",
            "BEARER   lk_0123456789abcdef   | BEARER",
    })
    @DisplayName("Given a bearer key in any letter case of the scheme, then it is the key, and Basic is not offered")
    void bearer(String authorization, Source source) {
        PresentedKey presented = PresentedKey.from(headers(Map.of("Authorization", List.of(authorization))));

        assertThat(presented.source()).isEqualTo(source);
        assertThat(presented.text()).isEqualTo(KEY);
        assertThat(presented.offerBasic()).isFalse();
    }

    @Test
    @DisplayName("Given X-Api-Key and an Authorization for the service behind the proxy, then X-Api-Key is the key")
    void apiKeyHeaderWins() {
        PresentedKey presented = PresentedKey.from(headers(Map.of("X-Api-Key", List.of(KEY),
                "Authorization", List.of("Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig"))));

        assertThat(presented.source()).isEqualTo(Source.X_API_KEY);
        assertThat(presented.text()).isEqualTo(KEY);
    }

    @Test
    @DisplayName("Given Basic with the key as password, then user and key are read; a colon in the password stays")
    void basic() {
        PresentedKey presented = PresentedKey.from(headers(Map.of("Authorization", List.of(basic("jörg:" + KEY)))));

        assertThat(presented.source()).isEqualTo(Source.BASIC);
        assertThat(presented.basicUser()).isEqualTo("jörg");
        assertThat(presented.text()).isEqualTo(KEY);
        assertThat(presented.offerBasic()).isTrue();
        assertThat(PresentedKey.from(headers(Map.of("Authorization", List.of(basic("alice:a:b"))))).text())
                .isEqualTo("a:b");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Basic !!!not-base64                     | BASIC",
            "Basic bm8tY29sb24=                      | BASIC",
            "Basic /w==                              | BASIC",
            "Digest username=\"alice\"               | OTHER",
            "lk_0123456789abcdef                     | OTHER",
            "Bearer                                  | BEARER",
    })
    @DisplayName("Given an Authorization that holds no readable key, then an empty key is presented (refused as malformed)")
    void unreadable(String authorization, Source source) {
        PresentedKey presented = PresentedKey.from(headers(Map.of("Authorization", List.of(authorization))));

        assertThat(presented.source()).isEqualTo(source);
        assertThat(presented.text()).isEmpty();
    }

    @Test
    @DisplayName("Given a key header twice, then no key is chosen: an empty key is presented")
    void repeatedHeaders() {
        assertThat(PresentedKey.from(headers(Map.of("X-Api-Key", List.of(KEY, KEY)))).text()).isEmpty();
        assertThat(PresentedKey.from(headers(Map.of("Authorization", List.of("Bearer " + KEY, "Bearer " + KEY))))
                .text()).isEmpty();
    }

    @Test
    @DisplayName("Given a presented key, then its text form never holds the key")
    void neverPrinted() {
        assertThat(PresentedKey.from(headers(Map.of("X-Api-Key", List.of(KEY)))).toString()).doesNotContain(KEY);
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    /** Header lookup as JAX-RS does it: by name, ignoring case. */
    private static java.util.function.Function<String, List<String>> headers(Map<String, List<String>> values) {
        Map<String, List<String>> byLowerName = new HashMap<>();
        values.forEach((name, list) -> byLowerName.put(name.toLowerCase(), list));
        return name -> byLowerName.get(name.toLowerCase());
    }
}

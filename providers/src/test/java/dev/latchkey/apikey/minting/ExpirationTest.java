package dev.latchkey.apikey.minting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.common.LatchkeyError;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpirationTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    @DisplayName("Given a date, then the key is valid through that whole day in the owner's time zone")
    void dateMeansEndOfDayInZone() {
        assertThat(Expiration.resolve("2026-12-31", BERLIN, NOW, 180)).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(Expiration.resolve("2026-12-31", ZoneOffset.UTC, NOW, 180)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    @DisplayName("Given a date-time with offset, then it is taken as that instant")
    void offsetDateTime() {
        assertThat(Expiration.resolve("2026-12-01T08:30:00+02:00", BERLIN, NOW, 180))
                .isEqualTo(Instant.parse("2026-12-01T06:30:00Z"));
        assertThat(Expiration.resolve(" 2026-12-01T06:30:00Z ", BERLIN, NOW, 180))
                .isEqualTo(Instant.parse("2026-12-01T06:30:00Z"));
    }

    @Test
    @DisplayName("Given today + maximum lifetime, then it is accepted; one day more is refused")
    void maximumLifetimeIsInclusive() {
        assertThat(Expiration.resolve("2026-12-26", ZoneOffset.UTC, NOW, 30)).isEqualTo(Instant.parse("2026-12-27T00:00:00Z"));
        assertThatThrownBy(() -> Expiration.resolve("2026-12-27", ZoneOffset.UTC, NOW, 30))
                .isInstanceOf(LatchkeyError.class).hasMessage("invalid_request");
    }

    @Test
    @DisplayName("Given today as a date, then it is accepted (valid until midnight); a past instant is refused")
    void todayAndPast() {
        assertThat(Expiration.resolve("2026-11-26", ZoneOffset.UTC, NOW, 1)).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThatThrownBy(() -> Expiration.resolve("2026-11-25", ZoneOffset.UTC, NOW, 1)).isInstanceOf(LatchkeyError.class);
        assertThatThrownBy(() -> Expiration.resolve("2026-11-26T09:59:59Z", ZoneOffset.UTC, NOW, 1)).isInstanceOf(LatchkeyError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "tomorrow", "31.12.2026", "2026-13-01", "2026-02-30", "2026-12-01T10:00:00",
            "1764151200", "2026-12-01 10:00:00Z", "+999999999-12-31", "2026-12-01T10:00:00+25:00"})
    @DisplayName("Given an odd or ambiguous format, then it is refused with a 400")
    void oddFormatsAreRefused(String requested) {
        assertThatThrownBy(() -> Expiration.resolve(requested, ZoneOffset.UTC, NOW, 365))
                .isInstanceOf(LatchkeyError.class).hasMessage("invalid_request");
    }

    @Test
    @DisplayName("Given no expiration, then it is refused")
    void missing() {
        assertThatThrownBy(() -> Expiration.resolve(null, ZoneOffset.UTC, NOW, 365)).isInstanceOf(LatchkeyError.class);
    }
}

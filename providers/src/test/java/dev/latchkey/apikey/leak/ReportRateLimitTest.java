package dev.latchkey.apikey.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportRateLimitTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Test
    @DisplayName("Given the limit reached by one address, then it waits for the window's end; other addresses and realms do not")
    void perAddressAndRealm() {
        AtomicLong now = new AtomicLong(10 * HOUR);
        ReportRateLimit limit = new ReportRateLimit(3, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.admit("r", "10.0.0.1")).isZero();
        }
        now.addAndGet(HOUR / 2);
        assertThat(limit.admit("r", "10.0.0.1")).isEqualTo(HOUR / 2 / 1000);
        assertThat(limit.admit("r", "10.0.0.2")).isZero();
        assertThat(limit.admit("other", "10.0.0.1")).isZero();
        now.addAndGet(HOUR / 2);
        assertThat(limit.admit("r", "10.0.0.1")).as("a new window").isZero();
    }
}

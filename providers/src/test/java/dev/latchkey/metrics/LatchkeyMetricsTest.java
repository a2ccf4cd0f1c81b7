package dev.latchkey.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.apikey.credential.InactiveReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatchkeyMetricsTest {

    @Test
    @DisplayName("Given validations of each kind, then each result and reason has its own count, and every reason exists from the start")
    void countsByResultAndReason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LatchkeyMetrics metrics = new LatchkeyMetrics(registry);

        metrics.validated(null);
        metrics.validated(InactiveReason.EXPIRED);
        metrics.validated(InactiveReason.EXPIRED);
        metrics.deleted(true);

        assertThat(registry.get("latchkey.validations").tag("result", "active").counter().count()).isEqualTo(1);
        assertThat(registry.get("latchkey.validations").tag("reason", "expired").counter().count()).isEqualTo(2);
        assertThat(registry.get("latchkey.validations").tag("result", "inactive").counters())
                .hasSize(InactiveReason.values().length);
        assertThat(registry.get("latchkey.keys.deleted").tag("by", "admin").counter().count()).isEqualTo(1);
        assertThat(registry.get("latchkey.keys.deleted").tag("by", "owner").counter().count()).isZero();
    }

    @Test
    @DisplayName("Given proxy checks, then each result has its own count, and every result exists from the start")
    void proxyChecksByResult() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LatchkeyMetrics metrics = new LatchkeyMetrics(registry);

        metrics.proxyChecked(LatchkeyMetrics.ProxyCheck.ALLOWED);
        metrics.proxyChecked(LatchkeyMetrics.ProxyCheck.NO_KEY);
        metrics.proxyChecked(LatchkeyMetrics.ProxyCheck.NO_KEY);

        assertThat(registry.get("latchkey.proxy.checks").tag("result", "allowed").counter().count()).isEqualTo(1);
        assertThat(registry.get("latchkey.proxy.checks").tag("result", "no_key").counter().count()).isEqualTo(2);
        assertThat(registry.get("latchkey.proxy.checks").counters()).extracting(c -> c.getId().getTag("result"))
                .containsExactlyInAnyOrder("allowed", "no_key", "refused", "forbidden");
    }
}

package dev.latchkey.metrics;

import dev.latchkey.apikey.InactiveReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Latchkey's meters in Keycloak's own registry ({@link Metrics#globalRegistry}, where Keycloak adds the registry its
 * management port serves with {@code --metrics-enabled=true}; without that option the registry records nothing).
 * Every meter is registered here once, so counting on the validation path is an atomic increment with no lookup.
 */
public final class LatchkeyMetrics {

    private static final LatchkeyMetrics NODE = new LatchkeyMetrics(Metrics.globalRegistry);

    private final Counter active;
    private final Map<InactiveReason, Counter> inactive = new EnumMap<>(InactiveReason.class);
    private final Timer validationTime;
    private final Counter created;
    private final Counter deletedByOwner;
    private final Counter deletedByAdmin;

    LatchkeyMetrics(MeterRegistry registry) {
        active = Counter.builder("latchkey.validations").description("API-key validations by result and reason")
                .tag("result", "active").tag("reason", "none").register(registry);
        for (InactiveReason reason : InactiveReason.values()) {
            inactive.put(reason, Counter.builder("latchkey.validations")
                    .description("API-key validations by result and reason")
                    .tag("result", "inactive").tag("reason", reason.eventValue()).register(registry));
        }
        validationTime = Timer.builder("latchkey.validation.duration")
                .description("Time to answer a validation request, caller authentication included")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        created = Counter.builder("latchkey.keys.created").description("API keys created").register(registry);
        deletedByOwner = Counter.builder("latchkey.keys.deleted").description("API keys deleted")
                .tag("by", "owner").register(registry);
        deletedByAdmin = Counter.builder("latchkey.keys.deleted").description("API keys deleted")
                .tag("by", "admin").register(registry);
    }

    /** This node's meters. */
    public static LatchkeyMetrics node() {
        return NODE;
    }

    /** @param reason null for an active key */
    public void validated(InactiveReason reason) {
        (reason == null ? active : inactive.get(reason)).increment();
    }

    public void validationTook(long nanos) {
        validationTime.record(Duration.ofNanos(nanos));
    }

    public void created() {
        created.increment();
    }

    public void deleted(boolean byAdmin) {
        (byAdmin ? deletedByAdmin : deletedByOwner).increment();
    }
}

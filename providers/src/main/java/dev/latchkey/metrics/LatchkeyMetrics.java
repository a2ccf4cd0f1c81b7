package dev.latchkey.metrics;

import dev.latchkey.apikey.credential.InactiveReason;
import dev.latchkey.apikey.credential.RevocationReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
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
    private final Counter exchanged;
    private final Counter exchangeRefused;
    private final Map<ProxyCheck, Counter> proxyChecks = new EnumMap<>(ProxyCheck.class);
    private final Map<RevocationReason, Counter> revoked = new EnumMap<>(RevocationReason.class);
    private final Map<LeakReport, Counter> leakReports = new EnumMap<>(LeakReport.class);

    /** Where a leak report came in (tag {@code endpoint}). */
    public enum LeakReport {
        /** The plain report endpoint, {@code /api-keys/revoke}. */
        REVOKE,
        /** GitHub's secret scanning, a verified report. */
        GITHUB;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the proxy auth endpoint answered a check (tag {@code result}). */
    public enum ProxyCheck {
        /** 200: an active key, every required role allowed. */
        ALLOWED,
        /** 401: no key in the request (tools first ask without credentials, so this is routine). */
        NO_KEY,
        /** 401: an inactive key, or a Basic user name that is not the key's owner. */
        REFUSED,
        /** 403: an active key that may not use a required role. */
        FORBIDDEN;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

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
        exchanged = Counter.builder("latchkey.exchanges").description("API keys exchanged for access tokens")
                .tag("result", "issued").register(registry);
        exchangeRefused = Counter.builder("latchkey.exchanges").description("API keys exchanged for access tokens")
                .tag("result", "refused").register(registry);
        for (ProxyCheck result : ProxyCheck.values()) {
            proxyChecks.put(result, Counter.builder("latchkey.proxy.checks")
                    .description("Key checks by the proxy auth endpoint, by result")
                    .tag("result", result.tag()).register(registry));
        }
        for (RevocationReason reason : RevocationReason.values()) {
            revoked.put(reason, Counter.builder("latchkey.keys.revoked")
                    .description("API keys revoked without their owner, by reason")
                    .tag("reason", reason.value()).register(registry));
        }
        for (LeakReport endpoint : LeakReport.values()) {
            leakReports.put(endpoint, Counter.builder("latchkey.leak.reports")
                    .description("Leak reports accepted (202), by endpoint")
                    .tag("endpoint", endpoint.tag()).register(registry));
        }
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

    public void exchanged() {
        exchanged.increment();
    }

    public void exchangeRefused() {
        exchangeRefused.increment();
    }

    public void proxyChecked(ProxyCheck result) {
        proxyChecks.get(result).increment();
    }

    public void revoked(RevocationReason reason) {
        revoked.get(reason).increment();
    }

    public void leakReported(LeakReport endpoint) {
        leakReports.get(endpoint).increment();
    }
}

package dev.latchkey.apikey.node;

import dev.latchkey.apikey.credential.OldFormatKeys;
import dev.latchkey.apikey.leak.GithubPublicKeys;
import dev.latchkey.apikey.leak.ReportRateLimit;
import dev.latchkey.apikey.lifecycle.LifecycleScheduler;
import dev.latchkey.apikey.validation.AbsentUsers;
import dev.latchkey.apikey.validation.ApiKeyNodeState;
import dev.latchkey.apikey.validation.LastUsedRecorder;
import java.time.Duration;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.timer.TimerProvider;

/**
 * Owns the node's {@link ApiKeyNodeState}, its leak-report rate limit, the timer that flushes its
 * {@link LastUsedRecorder}, the schedule of the key lifecycle task, and the node-wide listener that marks a new realm
 * as one without keys of the old format ({@link OldFormatKeys}).
 *
 * <p>Server options ({@code kc.sh start --spi-realm-restapi-extension--latchkey--<option>=...}):
 * {@code last-used-granularity-seconds} (default 3600), {@code last-used-flush-seconds} (default 60) and
 * {@code lifecycle-interval-seconds} (default 3600: reminders, expiry notices and cleanup of expired keys) and
 * {@code leak-reports-per-hour} (default 60: leak reports one client address may send to one realm, per node) and
 * {@code github-public-keys} (GitHub's secret-scanning keys: its URL by default, or {@code file:/path}). They keep
 * the names they had when the REST provider held this state (the README documents them, deployments set them), so
 * they are read from that provider's scope, and listed there ({@link #OPTIONS}).
 */
public final class ApiKeyNodeProviderFactory implements ProviderFactory<ApiKeyNodeProvider> {

    public static final String PROVIDER_ID = "default";
    /** The SPI and provider id whose scope holds the options: Latchkey's REST provider. */
    private static final String[] OPTIONS_SCOPE = {"realm-restapi-extension", "latchkey"};
    static final String GRANULARITY = "lastUsedGranularitySeconds";
    static final String FLUSH_INTERVAL = "lastUsedFlushSeconds";
    static final String LIFECYCLE_INTERVAL = "lifecycleIntervalSeconds";
    static final String LEAK_REPORTS_PER_HOUR = "leakReportsPerHour";
    static final String GITHUB_PUBLIC_KEYS = "githubPublicKeys";
    private static final int DEFAULT_LEAK_REPORTS_PER_HOUR = 60;
    private static final int DEFAULT_LIFECYCLE_SECONDS = 3600;
    private static final int DEFAULT_GRANULARITY_SECONDS = 3600;
    private static final int DEFAULT_FLUSH_SECONDS = 60;
    private static final String TIMER_TASK = "latchkey-last-used-flush";

    /** The server options, for the admin console's server info (listed under the REST provider). */
    public static final List<ProviderConfigProperty> OPTIONS = ProviderConfigurationBuilder.create()
            .property().name(GRANULARITY).type("int").defaultValue(DEFAULT_GRANULARITY_SECONDS)
            .helpText("An API key's 'last used' time is written at most once per this many seconds").add()
            .property().name(FLUSH_INTERVAL).type("int").defaultValue(DEFAULT_FLUSH_SECONDS)
            .helpText("How often noted key uses are written to the database, in seconds").add()
            .property().name(LIFECYCLE_INTERVAL).type("int").defaultValue(DEFAULT_LIFECYCLE_SECONDS)
            .helpText("How often a node looks for API keys to remind their owners of, or to delete, in seconds")
            .add()
            .property().name(LEAK_REPORTS_PER_HOUR).type("int").defaultValue(DEFAULT_LEAK_REPORTS_PER_HOUR)
            .helpText("Leak reports one client address may send to one realm per hour, counted per node").add()
            .property().name(GITHUB_PUBLIC_KEYS).type("string").defaultValue(GithubPublicKeys.GITHUB_URL)
            .helpText("Where GitHub's secret-scanning public keys come from: a URL, or file:/path to a copy").add()
            .build();

    private ApiKeyNodeState state;
    private ReportRateLimit reportLimit;
    private GithubPublicKeys githubKeys;
    private long flushIntervalMillis;
    private long lifecycleIntervalMillis;
    private KeycloakSessionFactory sessionFactory;

    @Override
    public ApiKeyNodeProvider create(KeycloakSession session) {
        return new ApiKeyNodeProvider(state, reportLimit, githubKeys);
    }

    @Override
    public void init(Config.Scope ownScope) {
        Config.Scope config = Config.scope(OPTIONS_SCOPE);
        int granularity = Math.max(1, config.getInt(GRANULARITY, DEFAULT_GRANULARITY_SECONDS));
        int flush = Math.max(1, config.getInt(FLUSH_INTERVAL, DEFAULT_FLUSH_SECONDS));
        state = new ApiKeyNodeState(new LastUsedRecorder(Duration.ofSeconds(granularity).toMillis()),
                new AbsentUsers(Time::currentTimeMillis));
        reportLimit = new ReportRateLimit(Math.max(1, config.getInt(LEAK_REPORTS_PER_HOUR, DEFAULT_LEAK_REPORTS_PER_HOUR)),
                Time::currentTimeMillis);
        githubKeys = new GithubPublicKeys(config.get(GITHUB_PUBLIC_KEYS, GithubPublicKeys.GITHUB_URL));
        flushIntervalMillis = Duration.ofSeconds(flush).toMillis();
        lifecycleIntervalMillis = Duration.ofSeconds(Math.max(1, config.getInt(LIFECYCLE_INTERVAL,
                DEFAULT_LIFECYCLE_SECONDS))).toMillis();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        sessionFactory = factory;
        LastUsedRecorder lastUsed = state.lastUsed();
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .schedule(() -> lastUsed.flush(factory), flushIntervalMillis, TIMER_TASK));
        LifecycleScheduler.register(factory, lifecycleIntervalMillis);
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                OldFormatKeys.realmCreated(created.getCreatedRealm());
            }
        });
    }

    @Override
    public void close() {
        if (sessionFactory != null && state != null) {
            state.lastUsed().flush(sessionFactory); // keep what was noted since the last flush on a clean shutdown
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}

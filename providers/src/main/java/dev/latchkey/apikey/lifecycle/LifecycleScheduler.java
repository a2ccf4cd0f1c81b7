package dev.latchkey.apikey.lifecycle;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Schedules the {@link LifecycleTask} as Keycloak schedules its own cleanups: once the database is migrated
 * ({@link PostMigrationEvent}), on every node, through a runner that lets one node at a time run it.
 */
public final class LifecycleScheduler {

    private LifecycleScheduler() {
    }

    public static void register(KeycloakSessionFactory factory, long intervalMillis) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .schedule(new ClusterAwareScheduledTaskRunner(factory, new LifecycleTask(), intervalMillis),
                                intervalMillis));
            }
        });
    }
}

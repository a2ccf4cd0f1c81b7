package dev.latchkey.apikey.settings;

import dev.latchkey.common.StatelessProviderFactory;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * Keeps the admin console's API-keys tab showing the settings in force ({@link SettingsTab#mirror}) wherever realm
 * attributes can change without Latchkey's own endpoints: a realm created or imported (also {@code --import-realm}),
 * a realm updated through the admin REST API (its JSON carries the attributes), and realms that exist when the server
 * starts. A global listener, so no realm has to enable it; it ignores every event but a realm's own update.
 */
public final class SettingsTabMirrorFactory implements EventListenerProviderFactory, StatelessProviderFactory<EventListenerProvider> {

    public static final String PROVIDER_ID = "latchkey-settings-tab";
    private static final Logger LOG = Logger.getLogger(SettingsTabMirrorFactory.class);

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
                if (event.getResourceType() == ResourceType.REALM
                        && (event.getOperationType() == OperationType.UPDATE || event.getOperationType() == OperationType.CREATE)) {
                    RealmModel realm = session.realms().getRealm(event.getRealmId());
                    if (realm != null) {
                        mirror(realm);
                    }
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                mirror(created.getCreatedRealm());
            } else if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory,
                        session -> session.realms().getRealmsStream().forEach(SettingsTabMirrorFactory::mirror));
            }
        });
    }

    private static void mirror(RealmModel realm) {
        try {
            SettingsTab.mirror(realm);
        } catch (RuntimeException e) {
            // The settings themselves are unaffected; only the console's view of them may be stale.
            LOG.warnf("Could not show realm %s's API-key settings in the admin console's tab: %s", realm.getName(), e.getMessage());
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}

package dev.latchkey.apikey.signing;

import org.keycloak.provider.Provider;

/**
 * The component type that holds a realm's MAC secret ({@link RealmKeyMac}). Keycloak stores this interface's name as
 * the provider type of each realm's component, so it keeps its package and name for as long as realms hold one.
 * Nothing calls an instance: the component's config is the secret, read from the realm.
 */
public interface RealmKeyMacSecret extends Provider {

    @Override
    default void close() {
    }
}

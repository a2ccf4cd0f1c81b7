package dev.latchkey.apikey.signing;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI of {@link RealmKeyMacSecret}: Keycloak stores a component only of a type some SPI declares. */
public final class RealmKeyMacSecretSpi implements Spi {

    public static final String NAME = "latchkey-key-mac-secret";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return RealmKeyMacSecret.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RealmKeyMacSecretFactory.class;
    }
}

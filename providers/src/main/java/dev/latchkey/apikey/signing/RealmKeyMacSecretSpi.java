package dev.latchkey.apikey.signing;

import dev.latchkey.common.LatchkeySpi;

/** The SPI of {@link RealmKeyMacSecret}: Keycloak stores a component only of a type some SPI declares. */
public final class RealmKeyMacSecretSpi extends LatchkeySpi {

    public static final String NAME = "latchkey-key-mac-secret";

    public RealmKeyMacSecretSpi() {
        super(NAME, RealmKeyMacSecret.class, RealmKeyMacSecretFactory.class);
    }
}

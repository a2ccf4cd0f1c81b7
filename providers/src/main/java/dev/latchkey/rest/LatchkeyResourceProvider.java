package dev.latchkey.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class LatchkeyResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    LatchkeyResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new LatchkeyRootResource(session);
    }

    @Override
    public void close() {
    }
}

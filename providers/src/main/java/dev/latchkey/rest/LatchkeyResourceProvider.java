package dev.latchkey.rest;

import dev.latchkey.apikey.LastUsedRecorder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class LatchkeyResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final LastUsedRecorder lastUsed;

    LatchkeyResourceProvider(KeycloakSession session, LastUsedRecorder lastUsed) {
        this.session = session;
        this.lastUsed = lastUsed;
    }

    @Override
    public Object getResource() {
        return new LatchkeyRootResource(session, lastUsed);
    }

    @Override
    public void close() {
    }
}

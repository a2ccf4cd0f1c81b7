package dev.latchkey.rest;

import dev.latchkey.apikey.ApiKeyNodeState;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class LatchkeyResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final ApiKeyNodeState apiKeys;

    LatchkeyResourceProvider(KeycloakSession session, ApiKeyNodeState apiKeys) {
        this.session = session;
        this.apiKeys = apiKeys;
    }

    @Override
    public Object getResource() {
        return new LatchkeyRootResource(session, apiKeys);
    }

    @Override
    public void close() {
    }
}

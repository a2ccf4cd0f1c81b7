package dev.latchkey.rest;

import dev.latchkey.apikey.ApiKeyNodeState;
import dev.latchkey.apikey.leak.ReportRateLimit;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class LatchkeyResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final ApiKeyNodeState apiKeys;
    private final ReportRateLimit reportLimit;

    LatchkeyResourceProvider(KeycloakSession session, ApiKeyNodeState apiKeys, ReportRateLimit reportLimit) {
        this.session = session;
        this.apiKeys = apiKeys;
        this.reportLimit = reportLimit;
    }

    @Override
    public Object getResource() {
        return new LatchkeyRootResource(session, apiKeys, reportLimit);
    }

    @Override
    public void close() {
    }
}

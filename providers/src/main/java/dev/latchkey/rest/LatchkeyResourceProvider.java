package dev.latchkey.rest;

import dev.latchkey.apikey.ApiKeyNodeState;
import dev.latchkey.apikey.leak.GithubPublicKeys;
import dev.latchkey.apikey.leak.ReportRateLimit;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class LatchkeyResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final ApiKeyNodeState apiKeys;
    private final ReportRateLimit reportLimit;
    private final GithubPublicKeys githubKeys;

    LatchkeyResourceProvider(KeycloakSession session, ApiKeyNodeState apiKeys, ReportRateLimit reportLimit,
                             GithubPublicKeys githubKeys) {
        this.session = session;
        this.apiKeys = apiKeys;
        this.reportLimit = reportLimit;
        this.githubKeys = githubKeys;
    }

    @Override
    public Object getResource() {
        return new LatchkeyRootResource(session, apiKeys, reportLimit, githubKeys);
    }

    @Override
    public void close() {
    }
}

package dev.latchkey.apikey.node;

import dev.latchkey.apikey.leak.GithubPublicKeys;
import dev.latchkey.apikey.leak.ReportRateLimit;
import dev.latchkey.apikey.validation.ApiKeyNodeState;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/**
 * This node's {@link ApiKeyNodeState}, leak-report rate limit and GitHub secret-scanning keys, as a request (or any session) sees them. Holds
 * nothing of the session.
 */
public final class ApiKeyNodeProvider implements Provider {

    private final ApiKeyNodeState state;
    private final ReportRateLimit reportLimit;
    private final GithubPublicKeys githubKeys;

    ApiKeyNodeProvider(ApiKeyNodeState state, ReportRateLimit reportLimit, GithubPublicKeys githubKeys) {
        this.state = state;
        this.reportLimit = reportLimit;
        this.githubKeys = githubKeys;
    }

    /** The node's state, for a validation in this session. */
    public static ApiKeyNodeState of(KeycloakSession session) {
        return session.getProvider(ApiKeyNodeProvider.class).state;
    }

    public ApiKeyNodeState state() {
        return state;
    }

    /** Leak reports per client address and realm, counted on this node. */
    public ReportRateLimit reportLimit() {
        return reportLimit;
    }

    /** GitHub's secret-scanning public keys, fetched and kept by this node. */
    public GithubPublicKeys githubKeys() {
        return githubKeys;
    }

    @Override
    public void close() {
    }
}

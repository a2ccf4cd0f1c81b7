package dev.latchkey.rest;

import dev.latchkey.apikey.leak.GithubSecretScanningResource;
import dev.latchkey.apikey.leak.LeakReportResource;
import dev.latchkey.apikey.node.ApiKeyNodeProvider;
import dev.latchkey.apikey.proxy.ProxyAuthResource;
import dev.latchkey.apikey.validation.ApiKeyIntrospectionResource;
import dev.latchkey.common.DatabaseUnavailable;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.cors.Cors;

/**
 * {@code /realms/{realm}/latchkey}: hands each request to its feature's resource. The account side
 * ({@code /me/...}) is authenticated here, once, before any sub-resource runs.
 */
public final class LatchkeyRootResource {

    private final KeycloakSession session;

    LatchkeyRootResource(KeycloakSession session) {
        this.session = session;
    }

    private ApiKeyNodeProvider node() {
        return session.getProvider(ApiKeyNodeProvider.class);
    }

    @Path("me")
    public AccountResource me() {
        // the token's user session may have to be read from the database
        return new AccountResource(session, DatabaseUnavailable.guard(() -> AccountAuthenticator.authenticate(session)));
    }

    @Path("api-keys")
    public ApiKeyIntrospectionResource apiKeys() {
        return new ApiKeyIntrospectionResource(session, node().state());
    }

    /** Leak reports: anyone may send a key to kill it (more literal characters than {@code api-keys}: routed here). */
    @Path("api-keys/revoke")
    public LeakReportResource reportLeak() {
        return new LeakReportResource(session, node().state(), node().reportLimit());
    }

    /** GitHub's secret-scanning partner reports, verified by GitHub's signature. */
    @Path("api-keys/github-secret-scanning")
    public GithubSecretScanningResource githubSecretScanning() {
        return new GithubSecretScanningResource(session, node().state(), node().githubKeys());
    }

    /**
     * The proxy auth endpoint, with whatever follows it: Envoy's ext_authz appends the original request's path to the
     * configured one. Anything, not only {@code /...}: {@code auth%2F..}, {@code auth*} (a proxy's {@code OPTIONS *})
     * must get the key check too, never another resource's answer such as the preflight's 200 below. More literal
     * characters than {@code api-keys} and {@code {any}}, so JAX-RS routes these paths here first.
     */
    @Path("api-keys/auth{rest:.*}")
    public ProxyAuthResource proxyAuth() {
        return new ProxyAuthResource(session, node().state());
    }

    /** CORS preflight for every path below, so a browser app on an allowed origin can call the account side. */
    @OPTIONS
    @Path("{any:.*}")
    public Response preflight() {
        return Cors.builder().auth().allowedMethods(AccountAuthenticator.METHODS).preflight().add(Response.ok());
    }
}

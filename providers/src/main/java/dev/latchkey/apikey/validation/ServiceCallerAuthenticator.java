package dev.latchkey.apikey.validation;

import dev.latchkey.common.LatchkeyError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.utils.AuthorizeClientUtil;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Authenticates the service that validates a key: a confidential client of the realm, either with its client
 * credentials (the realm's client authenticators: secret in Basic auth or the form, signed JWT) or with its own
 * service-account access token as a bearer token, checked as Keycloak checks bearer tokens at its own endpoints.
 * Anything else is a 401.
 */
final class ServiceCallerAuthenticator {

    private static final String BEARER = "bearer ";

    private ServiceCallerAuthenticator() {
    }

    static ClientModel authenticate(KeycloakSession session, EventBuilder event) {
        String authorization = session.getContext().getHttpRequest().getHttpHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
        ClientModel client = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? fromServiceAccountToken(session, authorization.substring(BEARER.length()).trim())
                : fromClientCredentials(session, event);
        if (client.isPublicClient() || client.isBearerOnly() && !hasCredentials(client)) {
            throw invalidClient("Only confidential clients may validate API keys");
        }
        event.client(client);
        return client;
    }

    private static ClientModel fromClientCredentials(KeycloakSession session, EventBuilder event) {
        try {
            return AuthorizeClientUtil.authorizeClient(session, event, null).getClient();
        } catch (WebApplicationException e) {
            throw invalidClient("Client authentication failed");
        }
    }

    /**
     * Keycloak's own verification of its bearer tokens (signature, issuer, type, expiry, realm, client and user
     * not-before, RFC 7009 revocation, enabled client and user, the token's session), then: it must be the calling
     * client's service-account token, not a user's token issued to that client.
     */
    private static ClientModel fromServiceAccountToken(KeycloakSession session, String tokenString) {
        AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).setTokenString(tokenString).authenticate();
        if (result == null) {
            throw invalidClient("The bearer token is not valid");
        }
        ClientModel client = result.client();
        UserModel user = result.user();
        if (client == null || !client.isServiceAccountsEnabled() || user.getServiceAccountClientLink() == null
                || !user.getServiceAccountClientLink().equals(client.getId())) {
            throw invalidClient("The bearer token is not the client's service-account token");
        }
        session.getContext().setClient(client);
        return client;
    }

    private static boolean hasCredentials(ClientModel client) {
        return client.getClientAuthenticatorType() != null;
    }

    private static LatchkeyError invalidClient(String description) {
        return LatchkeyError.unauthorized("invalid_client", description);
    }
}

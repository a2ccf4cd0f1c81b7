package dev.latchkey.apikey.rest;

import dev.latchkey.common.LatchkeyError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.utils.AuthorizeClientUtil;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.util.TokenUtil;

/**
 * Authenticates the service that validates a key: a confidential client of the realm, either with its client
 * credentials (the realm's client authenticators: secret in Basic auth or the form, signed JWT) or with its own
 * service-account access token as a bearer token. Anything else is a 401.
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

    private static ClientModel fromServiceAccountToken(KeycloakSession session, String tokenString) {
        RealmModel realm = session.getContext().getRealm();
        AccessToken token = session.tokens().decode(tokenString, AccessToken.class);
        if (token == null || !token.isActive() || !TokenUtil.TOKEN_TYPE_BEARER.equals(token.getType())) {
            throw invalidClient("The bearer token is not valid");
        }
        if (!Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()).equals(token.getIssuer())) {
            throw invalidClient("The bearer token was issued by another realm");
        }
        ClientModel client = token.getIssuedFor() == null ? null : realm.getClientByClientId(token.getIssuedFor());
        if (client == null || !client.isEnabled() || !client.isServiceAccountsEnabled()) {
            throw invalidClient("The bearer token does not belong to an enabled service account client");
        }
        long notBefore = Math.max(realm.getNotBefore(), client.getNotBefore());
        if (token.getIat() == null || token.getIat() < notBefore) {
            throw invalidClient("The bearer token was revoked");
        }
        // A user's token issued to a confidential client must not authenticate the client itself.
        UserModel serviceAccount = session.users().getServiceAccount(client);
        if (serviceAccount == null || !serviceAccount.isEnabled() || !serviceAccount.getId().equals(token.getSubject())) {
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

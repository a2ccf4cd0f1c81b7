package dev.latchkey.rest;

import dev.latchkey.common.LatchkeyError;
import org.keycloak.common.Profile;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProvider;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProviderFactory;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.cors.Cors;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.Auth;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The one place that authenticates the account-side endpoints, in the order and with the answers of Keycloak 26.7's
 * own account REST API ({@code AccountLoader}): the account API feature and the realm's {@code account} client must
 * be on (else 404, as for Keycloak's account API); Keycloak's bearer-token verification (signature, issuer, expiry,
 * not-before, RFC 7009 revocation, enabled client and user, a valid user session the token was issued in, not before
 * it started); the {@code account} audience (lightweight tokens expanded first); the CORS origin; and a real user,
 * not a service account.
 */
final class AccountAuthenticator {

    static final String[] METHODS = {"GET", "PUT", "POST", "DELETE"};

    private AccountAuthenticator() {
    }

    static Auth authenticate(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel account = realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        if (!Profile.isFeatureEnabled(Profile.Feature.ACCOUNT_API) || account == null || !account.isEnabled()) {
            throw LatchkeyError.notFound("Account management is not enabled in this realm");
        }
        AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (result == null) {
            throw LatchkeyError.unauthorized("invalid_token", "A valid bearer token is required");
        }
        AccessToken token = result.token();
        if (token.getAudience() == null || token.getResourceAccess(account.getClientId()) == null) {
            // Lightweight tokens carry no audience; expand them as Keycloak's account API does.
            AccessTokenIntrospectionProvider<?> provider = (AccessTokenIntrospectionProvider<?>) session.getProvider(
                    TokenIntrospectionProvider.class, AccessTokenIntrospectionProviderFactory.ACCESS_TOKEN_TYPE);
            token = provider.transformAccessToken(token, result.session());
        }
        if (!token.hasAudience(account.getClientId())) {
            throw LatchkeyError.unauthorized("invalid_token", "The token is not meant for the account service");
        }
        if (result.user().getServiceAccountClientLink() != null) {
            throw LatchkeyError.forbidden("service_account_not_allowed", "Service accounts have no account to manage");
        }
        Cors.builder().checkAllowedOrigins(token).allowedMethods(METHODS).auth().add();
        return new Auth(realm, token, result.user(), account, result.session(), false);
    }
}

package dev.latchkey.rest;

import dev.latchkey.common.LatchkeyError;
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
 * The one place that authenticates the account-side endpoints, the way Keycloak's own account REST API does
 * ({@code AccountLoader}): a valid bearer token of a user session, issued for the {@code account} audience, of a real
 * user (not a service account).
 */
final class AccountAuthenticator {

    static final String[] METHODS = {"GET", "PUT", "POST", "DELETE"};

    private AccountAuthenticator() {
    }

    static Auth authenticate(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel account = realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        if (account == null || !account.isEnabled()) {
            throw LatchkeyError.forbidden("account_disabled", "The account management client of this realm is disabled");
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

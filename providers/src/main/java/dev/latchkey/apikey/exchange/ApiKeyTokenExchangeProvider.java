package dev.latchkey.apikey.exchange;

import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.apikey.validation.ApiKeyNodeState;
import dev.latchkey.apikey.validation.ApiKeyValidator;
import dev.latchkey.apikey.validation.ValidationOutcome;
import dev.latchkey.common.OrganizationMembership;
import dev.latchkey.metrics.LatchkeyMetrics;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenExchangeContext;
import org.keycloak.protocol.oidc.TokenExchangeProvider;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * Exchanges an API key ({@code subject_token_type=urn:latchkey:token-type:api-key}) for an ordinary access token of
 * the calling client, so that services that verify Keycloak's tokens accept a key's holder unchanged.
 *
 * <p>Who may exchange follows Keycloak's own standard exchange: a confidential client with the switch "Standard token
 * exchange" on. The token is minted as Keycloak's client-credentials grant mints its tokens, from a transient user
 * session: nothing is stored per exchange. It lives at most the realm's "exchanged token lifetime" and never past the
 * key's expiration, and comes without a refresh token.
 *
 * <p>Confinement, in two parts, because Keycloak authorizes its own endpoints by the user's role mappings and
 * re-runs the mappers for tokens without a session, not by a token's claims:
 * <ul>
 *   <li>The claims: the mappers run on a {@link KeyBoundUser}, who holds only the roles the key may use now (minus
 *       {@link UndelegableRoles}), so every role-derived claim ({@code realm_access}, {@code resource_access},
 *       {@code aud}, {@code groups}, a realm's own role mappers) is the key's; an organization-bound key's token names
 *       that organization only.</li>
 *   <li>Keycloak's own endpoints: the token keeps the {@code sid} of the transient session it was minted in (Keycloak's
 *       own exchange removes it). Keycloak's token id marks the session transient, so its session check
 *       ({@code UserSessionUtil.findValidSession}) neither looks the session up nor rebuilds one, and refuses the
 *       token without a database read: the admin REST API, the account API, userinfo, Keycloak's introspection,
 *       its standard exchange and Latchkey's {@code /me} all answer as for a signed-out session. Services that verify
 *       the JWT themselves are unaffected.</li>
 * </ul>
 */
final class ApiKeyTokenExchangeProvider implements TokenExchangeProvider {

    /** The token type of a Latchkey key in RFC 8693's {@code subject_token_type}. */
    static final String API_KEY_TOKEN_TYPE = "urn:latchkey:token-type:api-key";
    static final String CLAIM_KEY_ID = "api_key_id";
    static final String CLAIM_KEY_NAME = "api_key_name";
    private static final String AUTH_METHOD = "api_key";
    private static final String INVALID_KEY = "The API key is not valid";
    private static final String ORGANIZATION_SCOPE_PREFIX = "organization:";

    private final ApiKeyNodeState nodeState;

    ApiKeyTokenExchangeProvider(ApiKeyNodeState nodeState) {
        this.nodeState = nodeState;
    }

    @Override
    public boolean supports(TokenExchangeContext context) {
        if (!API_KEY_TOKEN_TYPE.equals(context.getParams().getSubjectTokenType())) {
            return false;
        }
        // Keycloak's own rule for its standard exchange, with its own refusal when no provider supports a request
        if (!OIDCAdvancedConfigWrapper.fromClientModel(context.getClient()).isStandardTokenExchangeEnabled()) {
            context.setUnsupportedReason("Standard token exchange is not enabled for the requested client");
            return false;
        }
        return true;
    }

    @Override
    public Response exchange(TokenExchangeContext context) {
        Exchange exchange = new Exchange(context);
        try {
            return exchange.run();
        } catch (CorsErrorResponseException refused) {
            LatchkeyMetrics.node().exchangeRefused();
            throw refused;
        }
    }

    @Override
    public void close() {
    }

    /** One exchange request. */
    private final class Exchange {

        private final TokenExchangeContext context;
        private final KeycloakSession session;
        private final RealmModel realm;
        private final ClientModel client;
        private final EventBuilder event;

        Exchange(TokenExchangeContext context) {
            this.context = context;
            this.session = context.getSession();
            this.realm = context.getRealm();
            this.client = context.getClient();
            this.event = context.getEvent();
        }

        Response run() {
            event.detail(Details.REQUESTED_TOKEN_TYPE, context.getParams().getRequestedTokenType());
            if (client.isPublicClient()) {
                throw refuse(OAuthErrorException.INVALID_CLIENT, "Public client is not allowed to exchange token",
                        Errors.INVALID_CLIENT, "public_client");
            }
            String requestedType = context.getParams().getRequestedTokenType();
            if (requestedType != null && !OAuth2Constants.ACCESS_TOKEN_TYPE.equals(requestedType)) {
                throw refuse(OAuthErrorException.INVALID_REQUEST, "requested_token_type unsupported",
                        Errors.INVALID_REQUEST, "requested_token_type unsupported");
            }
            String scope = context.getParams().getScope();
            if (!TokenManager.isValidScope(session, scope, client)) {
                throw refuse(OAuthErrorException.INVALID_SCOPE, "Invalid scopes: " + scope, Errors.INVALID_REQUEST,
                        "invalid scope");
            }
            List<ClientModel> audience = audienceClients();

            ValidationOutcome outcome = new ApiKeyValidator(session, realm, nodeState)
                    .validate(context.getParams().getSubjectToken(), refused -> { });
            if (!outcome.isActive()) {
                // the same neutral answer for every reason; the reason goes to the event, never the key
                event.detail(Details.REASON, outcome.reason().eventValue());
                if (outcome.owner() != null) {
                    event.user(outcome.owner());
                }
                throw refuse(OAuthErrorException.INVALID_GRANT, INVALID_KEY, Errors.INVALID_TOKEN, null);
            }
            OrganizationModel organization = boundOrganization(outcome, scope);
            Response response = mint(outcome, scope, audience, organization);
            LatchkeyMetrics.node().exchanged();
            return response;
        }

        private List<ClientModel> audienceClients() {
            List<ClientModel> clients = new ArrayList<>();
            List<String> requested = context.getParams().getAudience();
            if (requested == null) {
                return clients;
            }
            for (String clientId : requested) {
                ClientModel target = realm.getClientByClientId(clientId);
                if (target == null) {
                    throw refuse(OAuthErrorException.INVALID_CLIENT, "Audience not found", Errors.CLIENT_NOT_FOUND,
                            "audience not found");
                }
                if (!target.isEnabled()) {
                    throw refuse(OAuthErrorException.INVALID_CLIENT, "Client disabled", Errors.CLIENT_DISABLED,
                            "audience client disabled");
                }
                clients.add(target);
            }
            return clients;
        }

        /**
         * The organization a bound key speaks for, which the token names alone; a request for another organization's
         * scope ({@code organization:<alias>}, {@code organization:*}) is refused. Null for a key bound to none.
         */
        private OrganizationModel boundOrganization(ValidationOutcome outcome, String scope) {
            String bound = outcome.credential().data().organization();
            if (bound == null) {
                return null;
            }
            if (scope != null) {
                for (String requested : scope.split(" ")) {
                    if (requested.startsWith(ORGANIZATION_SCOPE_PREFIX)
                            && !requested.equals(ORGANIZATION_SCOPE_PREFIX + bound)) {
                        event.user(outcome.owner());
                        throw refuse(OAuthErrorException.INVALID_SCOPE, "The API key speaks for organization "
                                + bound + " only", Errors.INVALID_REQUEST, "organization outside the key's scope");
                    }
                }
            }
            return OrganizationMembership.of(session, realm, outcome.owner())
                    .filter(organization -> bound.equals(organization.getAlias())).findFirst().orElse(null);
        }

        private Response mint(ValidationOutcome outcome, String scope, List<ClientModel> audience,
                              OrganizationModel organization) {
            UserModel owner = outcome.owner();
            event.user(owner).detail(Details.USERNAME, owner.getUsername())
                    .detail(CLAIM_KEY_ID, outcome.credential().getId());

            RootAuthenticationSessionModel root = new AuthenticationSessionManager(session)
                    .createAuthenticationSession(realm, false);
            AuthenticationSessionModel authSession = root.createAuthenticationSession(client);
            authSession.setAuthenticatedUser(owner);
            authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
            authSession.setClientNote(OIDCLoginProtocol.ISSUER,
                    Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
            authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope);
            // transient: a busy job exchanging its key all day leaves no session behind
            UserSessionModel userSession = new UserSessionManager(session).createUserSession(root.getId(), realm, owner,
                    owner.getUsername(), context.getClientConnection().getRemoteHost(), AUTH_METHOD, false, null, null,
                    UserSessionModel.SessionPersistenceState.TRANSIENT);
            Set<RoleModel> roles = UndelegableRoles.without(realm, outcome.permissions().roles());
            UserSessionModel keyBound = new KeyBoundSession(userSession,
                    new KeyBoundUser(owner, roles, outcome.credential().scope().isAll()));
            if (organization != null) {
                // Keycloak's organization mapper names the context's organization alone when there is one
                session.getContext().setOrganization(organization);
            }
            AuthenticationManager.setClientScopesInSession(session, authSession);
            ClientSessionContext clientSession = TokenManager.attachAuthenticationSession(session, keyBound, authSession);
            clientSession.setAttribute(Constants.GRANT_TYPE, OAuth2Constants.TOKEN_EXCHANGE_GRANT_TYPE);
            if (!audience.isEmpty()) {
                clientSession.setAttribute(Constants.REQUESTED_AUDIENCE_CLIENTS, audience.toArray(ClientModel[]::new));
            }

            TokenManager.AccessTokenResponseBuilder builder = ((TokenManager) context.getTokenManager())
                    .responseBuilder(realm, client, event, session, keyBound, clientSession)
                    .generateAccessToken();
            AccessToken token = builder.getAccessToken();
            // the mappers saw only these roles; this keeps a mapper that reads the owner another way from adding any
            ExchangedToken.narrow(token, roles);
            requireRequestedAudience(token);
            // the sid of the transient session stays: it is what makes Keycloak's endpoints refuse the token (above)
            token.setAuth_time(null); // an exchange is not a sign-in: no re-authentication check may count it as one
            token.setOtherClaims(CLAIM_KEY_ID, outcome.credential().getId());
            token.setOtherClaims(CLAIM_KEY_NAME, outcome.credential().data().name());
            token.exp(ExchangedToken.expiry(token.getExp(), Time.currentTimeSeconds(),
                    ApiKeySettings.of(realm).exchangeTokenSeconds(), outcome.credential().data().expiresAt()));

            AccessTokenResponse answer = builder.build();
            answer.setRefreshToken(null);
            answer.setRefreshExpiresIn(0);
            answer.setOtherClaims(OAuth2Constants.ISSUED_TOKEN_TYPE, OAuth2Constants.ACCESS_TOKEN_TYPE);
            event.detail(Details.AUDIENCE, token.getAudience() == null ? null : String.join(" ", token.getAudience()));
            event.success();
            return context.getCors().add(Response.ok(answer, MediaType.APPLICATION_JSON_TYPE));
        }

        /** An audience the caller asked for must be in the token: the key's roles or the scopes may have left it out. */
        private void requireRequestedAudience(AccessToken token) {
            List<String> requested = context.getParams().getAudience();
            if (requested == null) {
                return;
            }
            List<String> missing = requested.stream().filter(clientId -> !token.hasAudience(clientId)).toList();
            if (!missing.isEmpty()) {
                throw refuse(OAuthErrorException.INVALID_TARGET, "Requested audience not available: "
                        + String.join(", ", missing), Errors.INVALID_REQUEST, "requested audience not available");
            }
        }

        private CorsErrorResponseException refuse(String error, String description, String eventError, String reason) {
            if (reason != null) {
                event.detail(Details.REASON, reason);
            }
            event.error(eventError);
            return new CorsErrorResponseException(context.getCors(), error, description, Response.Status.BAD_REQUEST);
        }
    }
}

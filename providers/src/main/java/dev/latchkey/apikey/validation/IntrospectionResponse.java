package dev.latchkey.apikey.validation;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.roles.RoleNames;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.services.Urls;

/**
 * The body of an active answer: who the key acts for, with their groups as they are now and the roles and
 * organizations the key may use now ({@link KeyPermissions}, read from the caches on each call, never copied into the
 * key).
 */
final class IntrospectionResponse {

    /**
     * Issuers by base URI and realm name. Keycloak builds the issuer through a URI template on every call, which took
     * a noticeable share of a validation's CPU in the benchmark (figures in bench/ANALYSIS.md); it depends on nothing
     * else. Bounded because
     * the base URI follows the request's host name unless the hostname is fixed.
     */
    private static final Map<String, String> ISSUERS = new ConcurrentHashMap<>();
    private static final int MAX_ISSUERS = 256;

    private IntrospectionResponse() {
    }

    static Map<String, Object> of(KeycloakSession session, RealmModel realm, ClientModel caller, ValidationOutcome outcome) {
        UserModel user = outcome.owner();
        ApiKeyCredentialModel key = outcome.credential();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        body.put("token_type", "api_key");
        body.put("iss", issuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        body.put("sub", user.getId());
        body.put("username", user.getUsername());
        if (user.getEmail() != null) {
            body.put("email", user.getEmail());
            // a service that maps callers by email must be able to tell an address nobody proved
            body.put("email_verified", user.isEmailVerified());
        }
        putIfPresent(body, "name", fullName(user));
        body.put("iat", key.getCreatedDate() / 1000);
        body.put("exp", key.data().expiresAt() / 1000);
        body.put("client_id", caller.getClientId());
        KeyPermissions permissions = outcome.permissions();
        putRoles(body, permissions.roles());
        body.put("groups", user.getGroupsStream().map(ModelToRepresentation::buildGroupPath).sorted().toList());
        body.put("organizations", permissions.organizations());
        body.put("key_id", key.getId());
        body.put("key_name", key.data().name());
        return body;
    }

    /** The same text as {@link Urls#realmIssuer}, remembered. */
    static String issuer(URI baseUri, String realmName) {
        String key = baseUri + " " + realmName; // a URI holds no unencoded space, so the key is unambiguous
        String issuer = ISSUERS.get(key);
        if (issuer == null) {
            if (ISSUERS.size() >= MAX_ISSUERS) {
                ISSUERS.clear();
            }
            issuer = Urls.realmIssuer(baseUri, realmName);
            ISSUERS.put(key, issuer);
        }
        return issuer;
    }

    private static void putRoles(Map<String, Object> body, Set<RoleModel> keyRoles) {
        RoleNames names = RoleNames.of(keyRoles);
        body.put("realm_access", Map.of("roles", List.copyOf(names.realm())));
        Map<String, Object> resourceAccess = new LinkedHashMap<>();
        names.clients().forEach((clientId, roles) -> resourceAccess.put(clientId, Map.of("roles", List.copyOf(roles))));
        body.put("resource_access", resourceAccess);
    }

    private static String fullName(UserModel user) {
        String first = user.getFirstName();
        String last = user.getLastName();
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return name.isEmpty() ? null : name;
    }

    private static void putIfPresent(Map<String, Object> body, String claim, String value) {
        if (value != null) {
            body.put(claim, value);
        }
    }
}

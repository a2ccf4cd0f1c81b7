package dev.latchkey.apikey.minting;

import dev.latchkey.common.LatchkeyError;
import dev.latchkey.common.OrganizationMembership;
import dev.latchkey.roles.EffectiveRoles;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Rules for a key's scope as its owner asks for it: the roles it may use (labels of the owner's current effective
 * roles, {@link EffectiveRoles#label}) and the organization it is bound to. Every refusal is a 400
 * {@code invalid_request} whose {@code params} are the offending entries, each named in the description with why.
 */
final class KeyScopeRules {

    static final int MAX_ROLES = 100;
    private static final String NOT_HELD = "not one of your roles";
    /** Realm lookups one request may spend on saying why its entries are refused (see {@link Explanations}). */
    static final int EXPLANATION_LOOKUPS = 32;
    /** Longer than any label Keycloak can store (client id and role name are 255 characters each). */
    private static final int MAX_LABEL_LENGTH = 511;

    private KeyScopeRules() {
    }

    /**
     * @param requested the request's {@code roles}: {@code null} for all of the owner's roles
     * @param required  the realm requires scoped keys
     * @return the labels to store, each once, in the order asked; {@code null} for all roles
     */
    static List<String> roles(List<String> requested, boolean required, RealmModel realm, UserModel owner) {
        if (requested == null) {
            if (required) {
                throw LatchkeyError.badRequest("This realm requires scoped keys: name the roles the key may use in "
                        + "roles (at most " + MAX_ROLES + ")");
            }
            return null;
        }
        if (requested.isEmpty()) {
            throw LatchkeyError.badRequest("roles must name at least one role; leave it out for a key with all your roles");
        }
        if (requested.size() > MAX_ROLES) {
            throw LatchkeyError.badRequest("roles may name at most " + MAX_ROLES + " roles, not " + requested.size());
        }
        // Matched against the owner's roles, read once: an entry costs a set lookup, whatever it holds.
        Set<String> held = EffectiveRoles.of(owner).stream().map(EffectiveRoles::label).collect(Collectors.toSet());
        Map<String, String> refused = new LinkedHashMap<>();
        Set<String> labels = new LinkedHashSet<>();
        Explanations explanations = new Explanations(realm);
        for (String label : new LinkedHashSet<>(requested)) {
            String problem = isMalformed(label) ? "not a role name: a realm role's name or clientId/role"
                    : held.contains(label) ? null
                    : explanations.whyNotHeld(label);
            if (problem == null) {
                labels.add(label);
            } else {
                refused.putIfAbsent(String.valueOf(label), problem);
            }
        }
        if (!refused.isEmpty()) {
            throw LatchkeyError.withParams(Response.Status.BAD_REQUEST, "invalid_request",
                    "roles holds entries the key cannot have: " + refused.entrySet().stream()
                            .map(entry -> "'" + entry.getKey() + "' (" + entry.getValue() + ")")
                            .collect(Collectors.joining(", ")),
                    List.copyOf(refused.keySet()));
        }
        return List.copyOf(labels);
    }

    /**
     * The scope a rotation's successor takes over, checked by the create's rules: rotating is never a way around a
     * realm policy or around the roles and organizations the owner may give a key now.
     *
     * @param stored the old key's labels, {@code null} for all roles
     * @return the labels the successor keeps
     */
    static List<String> rolesOfSuccessor(List<String> stored, boolean required, RealmModel realm, UserModel owner) {
        if (stored == null && required) {
            throw LatchkeyError.badRequest("This realm requires scoped keys and this key has all your roles: create a "
                    + "new key with the roles it may use (at most " + MAX_ROLES + ") instead of rotating this one");
        }
        return roles(stored, required, realm, owner);
    }

    /**
     * @param requested the request's {@code organization}: an alias, or {@code null} for none
     * @return the alias to store, or {@code null}
     */
    static String organization(String requested, KeycloakSession session, RealmModel realm, UserModel owner) {
        if (requested == null) {
            return null;
        }
        boolean member = OrganizationMembership.of(session, realm, owner).anyMatch(org -> requested.equals(org.getAlias()));
        if (!member) {
            throw LatchkeyError.withParams(Response.Status.BAD_REQUEST, "invalid_request",
                    "organization '" + requested + "' is not an enabled organization you are a member of",
                    List.of(requested));
        }
        return requested;
    }

    /**
     * A label no role can have: empty, surrounded by spaces, with a control character, or a slash at either end
     * (a client role is {@code clientId/role}, both parts non-empty).
     */
    static boolean isMalformed(String label) {
        return label == null || label.isBlank() || label.length() > MAX_LABEL_LENGTH || !label.equals(label.strip())
                || label.startsWith("/") || label.endsWith("/")
                || label.codePoints().anyMatch(Character::isISOControl);
    }

    /**
     * Why well-formed labels are none of the owner's roles, within {@value #EXPLANATION_LOOKUPS} realm lookups per
     * request. A client id may hold slashes itself (SAML clients are often named by URL), so every split of
     * {@code a/b/c} is tried: a realm role {@code a/b/c}, client {@code a/b} with role {@code c}, client {@code a} with
     * role {@code b/c}. Each split is a client lookup, and Keycloak's realm cache does not remember a client id that
     * does not exist, so a body of long entries full of slashes could cost thousands of database queries: an entry
     * whose worst case no longer fits in what is left is named {@value #NOT_HELD}, which is true of every refused
     * entry.
     */
    private static final class Explanations {

        private final RealmModel realm;
        private int lookupsLeft = EXPLANATION_LOOKUPS;

        Explanations(RealmModel realm) {
            this.realm = realm;
        }

        String whyNotHeld(String label) {
            int splits = (int) label.chars().filter(c -> c == '/').count();
            // the realm role, then per split the client and, when it exists, its role
            int worstCase = 1 + 2 * splits;
            if (worstCase > lookupsLeft) {
                return NOT_HELD;
            }
            lookupsLeft--;
            if (realm.getRole(label) != null) {
                return NOT_HELD;
            }
            if (splits == 0) {
                return "no realm role of that name";
            }
            List<String> clientIds = new ArrayList<>();
            for (int slash = label.indexOf('/'); slash > 0; slash = label.indexOf('/', slash + 1)) {
                lookupsLeft--;
                ClientModel client = realm.getClientByClientId(label.substring(0, slash));
                if (client != null) {
                    lookupsLeft--;
                    if (client.getRole(label.substring(slash + 1)) != null) {
                        return NOT_HELD;
                    }
                    clientIds.add(client.getClientId());
                }
            }
            return clientIds.isEmpty() ? "no client '" + label.substring(0, label.lastIndexOf('/')) + "'"
                    : "no role of that name in client '" + String.join("' or '", clientIds) + "'";
        }
    }
}

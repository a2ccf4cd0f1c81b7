package dev.latchkey.roles;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RoleModel;

/**
 * Roles split as tokens carry them: realm role names, and client role names by client id, each sorted. The one place
 * that tells a realm role from a client role for an answer (validation, proxy headers, exchanged tokens).
 *
 * @param realm   realm role names
 * @param clients client role names by the client's {@code clientId}
 */
public record RoleNames(SortedSet<String> realm, SortedMap<String, SortedSet<String>> clients) {

    public static RoleNames of(Collection<RoleModel> roles) {
        SortedSet<String> realm = new TreeSet<>();
        SortedMap<String, SortedSet<String>> clients = new TreeMap<>();
        for (RoleModel role : roles) {
            if (!role.isClientRole()) {
                realm.add(role.getName());
            } else if (role.getContainer() instanceof ClientModel client) {
                clients.computeIfAbsent(client.getClientId(), id -> new TreeSet<>()).add(role.getName());
            }
        }
        return new RoleNames(Collections.unmodifiableSortedSet(realm), Collections.unmodifiableSortedMap(clients));
    }
}

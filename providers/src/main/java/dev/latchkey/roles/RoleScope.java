package dev.latchkey.roles;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.RoleModel;

/**
 * The roles a scoped key names, as labels ({@link EffectiveRoles#label}), read once from the stored key and then asked
 * about each role of the owner's walk. Comparing labels needs no role lookup: a realm role is matched by the name it
 * already carries, a client role by its client id, which the answer reads anyway.
 */
public final class RoleScope {

    /** Every role of the owner: a key made without {@code roles}. */
    public static final RoleScope ALL = new RoleScope(null);

    private final Set<String> labels;
    private final boolean namesClientRoles;

    private RoleScope(Set<String> labels) {
        this.labels = labels;
        this.namesClientRoles = labels != null && labels.stream().anyMatch(label -> label.indexOf('/') >= 0);
    }

    /** @param labels the stored labels, or {@code null} for all roles */
    public static RoleScope of(Collection<String> labels) {
        return labels == null ? ALL
                : new RoleScope(labels.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isAll() {
        return labels == null;
    }

    /** Whether the scope names this role itself (the roles it contains are the walk's business). */
    public boolean names(RoleModel role) {
        if (labels == null) {
            return true;
        }
        if (role.isClientRole()) {
            return namesClientRoles && labels.contains(EffectiveRoles.label(role));
        }
        return labels.contains(role.getName());
    }
}

package dev.latchkey.profile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A user's effective roles with where each one comes from. Generic over the role type so the walk is tested without a
 * server. Keycloak's {@code RoleUtils.getDeepUserRoleMappings} yields the same set but forgets the routes, which the
 * Profile page shows.
 *
 * <p>A role's sources are the group (path) whose role mapping holds it and every effective composite role that
 * contains it directly; a role granted in several ways names all of them, and a role that is also mapped directly to
 * the user is {@code direct} as well.
 */
final class RoleGraph {

    record EffectiveRole<R>(R role, boolean direct, List<String> inheritedFrom) {
    }

    private RoleGraph() {
    }

    /**
     * @param direct      the user's own role mappings
     * @param byGroupPath role mappings of each group the user is in, and of those groups' ancestors, by group path
     * @param composites  the roles a composite role contains (empty for a plain role)
     * @param label       how a composite role is named in {@code inheritedFrom}
     * @return every effective role once, in the order found
     */
    static <R> List<EffectiveRole<R>> resolve(Collection<R> direct, Map<String, ? extends Collection<R>> byGroupPath,
            Function<R, Stream<R>> composites, Function<R, String> label) {
        Map<R, Set<String>> sources = new LinkedHashMap<>();
        Deque<R> toExpand = new ArrayDeque<>();
        for (R role : direct) {
            if (sources.putIfAbsent(role, new LinkedHashSet<>()) == null) {
                toExpand.add(role);
            }
        }
        byGroupPath.forEach((path, roles) -> roles.forEach(role -> {
            if (!sources.containsKey(role)) {
                sources.put(role, new LinkedHashSet<>());
                toExpand.add(role);
            }
            sources.get(role).add(path);
        }));
        // Each role is expanded once, so composite cycles (which Keycloak does not forbid) end.
        Set<R> expanded = new LinkedHashSet<>();
        while (!toExpand.isEmpty()) {
            R parent = toExpand.poll();
            if (!expanded.add(parent)) {
                continue;
            }
            String parentLabel = label.apply(parent);
            composites.apply(parent).forEach(child -> {
                if (child.equals(parent)) {
                    return;
                }
                if (!sources.containsKey(child)) {
                    sources.put(child, new LinkedHashSet<>());
                    toExpand.add(child);
                }
                sources.get(child).add(parentLabel);
            });
        }
        Set<R> directSet = new LinkedHashSet<>(direct);
        List<EffectiveRole<R>> result = new ArrayList<>(sources.size());
        sources.forEach((role, from) -> result.add(new EffectiveRole<>(role, directSet.contains(role), List.copyOf(from))));
        return result;
    }
}

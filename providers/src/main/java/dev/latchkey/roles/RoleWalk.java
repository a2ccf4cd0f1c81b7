package dev.latchkey.roles;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The one walk over a user's effective roles: mapped to the user, to any of their groups or those groups' ancestors
 * (groups pass their roles down to subgroups), and every role those contain, transitively. Generic over the role and
 * group types so it is tested without a server; {@link EffectiveRoles} runs it on Keycloak's models.
 *
 * <p>Each role is expanded once, so composite cycles (which Keycloak does not forbid in stored data) end, and each
 * group is climbed once however many of its subgroups the user is in.
 */
final class RoleWalk {

    /** Told of every route to a role. */
    interface Visitor<R, G> {
        /**
         * @param group     the group whose mapping holds the role, or null
         * @param composite the composite role that contains it, or null; both null for the user's own mapping
         * @return whether the role is reached for the first time (its composites are then walked)
         */
        boolean reach(R role, G group, R composite);
    }

    /** A role with the routes to it, as the Profile page shows them. */
    record Routes<R>(R role, boolean direct, List<String> inheritedFrom) {
    }

    private RoleWalk() {
    }

    static <R, G> void walk(Stream<R> direct, Stream<G> groups, Function<G, G> parentOf, Function<G, Stream<R>> rolesOf,
                            Function<R, Stream<R>> compositesOf, Visitor<R, G> visitor) {
        Deque<R> toExpand = new ArrayDeque<>();
        direct.forEach(role -> {
            if (visitor.reach(role, null, null)) {
                toExpand.add(role);
            }
        });
        Set<G> climbed = new HashSet<>();
        groups.forEach(group -> {
            for (G current = group; current != null && climbed.add(current); current = parentOf.apply(current)) {
                G holder = current;
                rolesOf.apply(holder).forEach(role -> {
                    if (visitor.reach(role, holder, null)) {
                        toExpand.add(role);
                    }
                });
            }
        });
        while (!toExpand.isEmpty()) {
            R parent = toExpand.poll();
            compositesOf.apply(parent).forEach(child -> {
                if (!child.equals(parent) && visitor.reach(child, null, parent)) {
                    toExpand.add(child);
                }
            });
        }
    }

    /**
     * The part of the effective roles a scope lets through: each effective role {@code inScope} accepts, with every
     * role it contains as the walk found it (so a composite brings what it contains now). A role the scope names but
     * the user no longer holds brings nothing, not even roles it contains that the user holds some other way.
     */
    static <R, G> Set<R> scoped(Stream<R> direct, Stream<G> groups, Function<G, G> parentOf,
                                Function<G, Stream<R>> rolesOf, Function<R, Stream<R>> compositesOf,
                                Predicate<R> inScope) {
        Set<R> reached = new HashSet<>();
        Map<R, List<R>> contained = new HashMap<>();
        Set<R> allowed = new HashSet<>();
        Deque<R> toAllow = new ArrayDeque<>();
        walk(direct, groups, parentOf, rolesOf, compositesOf, (role, group, composite) -> {
            if (composite != null) {
                contained.computeIfAbsent(composite, r -> new ArrayList<>()).add(role);
            }
            boolean first = reached.add(role);
            if (first && inScope.test(role)) {
                allowed.add(role);
                toAllow.add(role);
            }
            return first;
        });
        while (!toAllow.isEmpty()) {
            for (R child : contained.getOrDefault(toAllow.poll(), List.of())) {
                if (allowed.add(child)) {
                    toAllow.add(child);
                }
            }
        }
        return allowed;
    }

    /**
     * Every effective role once, in the order found, with its routes: the group paths whose mappings hold it and the
     * composite roles that contain it directly; a role that is also mapped to the user is {@code direct} as well.
     * A group whose label is null still passes its roles on, unnamed.
     */
    static <R, G> List<Routes<R>> routes(Stream<R> direct, Stream<G> groups, Function<G, G> parentOf,
                                         Function<G, Stream<R>> rolesOf, Function<R, Stream<R>> compositesOf,
                                         Function<G, String> groupLabel, Function<R, String> roleLabel) {
        Map<R, Set<String>> sources = new LinkedHashMap<>();
        Set<R> directRoles = new HashSet<>();
        walk(direct, groups, parentOf, rolesOf, compositesOf, (role, group, composite) -> {
            boolean first = !sources.containsKey(role);
            Set<String> from = sources.computeIfAbsent(role, r -> new LinkedHashSet<>());
            if (group != null) {
                String label = groupLabel.apply(group);
                if (label != null) {
                    from.add(label);
                }
            } else if (composite != null) {
                from.add(roleLabel.apply(composite));
            } else {
                directRoles.add(role);
            }
            return first;
        });
        List<Routes<R>> result = new ArrayList<>(sources.size());
        sources.forEach((role, from) -> result.add(new Routes<>(role, directRoles.contains(role), List.copyOf(from))));
        return result;
    }
}

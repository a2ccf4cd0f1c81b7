package dev.latchkey.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.roles.RoleWalk.Routes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoleWalkTest {

    private final Map<String, List<String>> composites = new LinkedHashMap<>();

    private final Map<String, String> parents = new LinkedHashMap<>();

    /** Groups are named by their paths; a group's parent comes from {@link #parents}. */
    private Map<String, Routes<String>> resolve(List<String> direct, Map<String, List<String>> byGroup) {
        Function<String, Stream<String>> children = role -> composites.getOrDefault(role, List.of()).stream();
        return RoleWalk.routes(direct.stream(), byGroup.keySet().stream(), parents::get,
                        group -> byGroup.getOrDefault(group, List.of()).stream(), children, group -> group,
                        role -> "role:" + role).stream()
                .collect(Collectors.toMap(Routes::role, r -> r, (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    @DisplayName("Given a role mapped to the user, then it is direct and inherited from nothing")
    void directRole() {
        Map<String, Routes<String>> roles = resolve(List.of("editor"), Map.of());

        assertThat(roles).containsOnlyKeys("editor");
        assertThat(roles.get("editor").direct()).isTrue();
        assertThat(roles.get("editor").inheritedFrom()).isEmpty();
    }

    @Test
    @DisplayName("Given a role held by a group, then it names the group path and is not direct")
    void groupRole() {
        Map<String, Routes<String>> roles = resolve(List.of(), Map.of("/eng/backend", List.of("deployer")));

        assertThat(roles.get("deployer").direct()).isFalse();
        assertThat(roles.get("deployer").inheritedFrom()).containsExactly("/eng/backend");
    }

    @Test
    @DisplayName("Given nested composites, then each role names the composite that contains it directly")
    void nestedComposites() {
        composites.put("default-roles", List.of("offline_access", "account-role"));
        composites.put("account-role", List.of("view-profile"));

        Map<String, Routes<String>> roles = resolve(List.of("default-roles"), Map.of());

        assertThat(roles).containsOnlyKeys("default-roles", "offline_access", "account-role", "view-profile");
        assertThat(roles.get("offline_access").inheritedFrom()).containsExactly("role:default-roles");
        assertThat(roles.get("view-profile").inheritedFrom()).containsExactly("role:account-role");
        assertThat(roles.get("view-profile").direct()).isFalse();
    }

    @Test
    @DisplayName("Given a role that is direct and also comes from a group and a composite, then all routes are named")
    void severalRoutes() {
        composites.put("admin", List.of("editor"));

        Map<String, Routes<String>> roles = resolve(List.of("editor", "admin"), Map.of("/staff", List.of("editor")));

        assertThat(roles.get("editor").direct()).isTrue();
        assertThat(roles.get("editor").inheritedFrom()).containsExactlyInAnyOrder("/staff", "role:admin");
    }

    @Test
    @DisplayName("Given composites that contain each other, then the walk ends and each role appears once")
    void cycle() {
        composites.put("a", List.of("b"));
        composites.put("b", List.of("a", "b"));

        Map<String, Routes<String>> roles = resolve(List.of("a"), Map.of());

        assertThat(roles).containsOnlyKeys("a", "b");
        assertThat(roles.get("a").inheritedFrom()).containsExactly("role:b");
        assertThat(roles.get("b").inheritedFrom()).containsExactly("role:a");
    }

    @Test
    @DisplayName("Given a user in two subgroups of one group, then the parent's roles come from the parent once")
    void parentGroupsClimbedOnce() {
        parents.put("/eng/backend", "/eng");
        parents.put("/eng/frontend", "/eng");
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        byGroup.put("/eng/backend", List.of("deployer"));
        byGroup.put("/eng/frontend", List.of("designer"));
        byGroup.put("/eng", List.of("engineer"));

        List<String> reached = new java.util.ArrayList<>();
        RoleWalk.<String, String>walk(Stream.empty(), Stream.of("/eng/backend", "/eng/frontend"), parents::get,
                group -> byGroup.getOrDefault(group, List.of()).stream(), role -> Stream.empty(),
                (role, group, composite) -> reached.add(role + "@" + group));

        assertThat(reached).containsExactly("deployer@/eng/backend", "engineer@/eng", "designer@/eng/frontend");
    }
}

package dev.latchkey.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RoleWalk#scoped}: a key's roles are its scope intersected with the owner's roles, composites walked. */
class RoleWalkScopedTest {

    /** What each composite contains; {@code sometimes} is a composite the user does not hold. */
    private static final Map<String, List<String>> COMPOSITES = Map.of(
            "admin", List.of("reader", "writer"),
            "writer", List.of("audit"),
            "bundle", List.of("reader"),
            "sometimes", List.of("ops"));
    private static final List<String> DIRECT = List.of("admin", "ops");
    private static final Map<String, List<String>> BY_GROUP = Map.of("/staff", List.of("viewer", "bundle"));

    @ParameterizedTest(name = "scope [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "ops              | ops",
            "admin            | admin reader writer audit",
            "writer           | writer audit",
            "reader ops       | reader ops",
            "viewer           | viewer",
            "bundle           | bundle reader",
            "unheld           | ''",
            "unheld ops       | ops",
            "sometimes        | ''",
            "admin writer     | admin reader writer audit",
            "audit viewer ops | audit viewer ops"})
    void scopeWithinTheUsersRoles(String scope, String expected) {
        Set<String> names = Set.of(scope.split(" "));

        Set<String> allowed = RoleWalk.scoped(DIRECT.stream(), Stream.of("/staff"), group -> null,
                group -> BY_GROUP.getOrDefault(group, List.of()).stream(),
                role -> COMPOSITES.getOrDefault(role, List.of()).stream(), names::contains);

        assertThat(allowed).containsExactlyInAnyOrderElementsOf(
                expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
    }
}

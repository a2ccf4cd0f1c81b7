package dev.latchkey.apikey.minting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.latchkey.common.LatchkeyError;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

class KeyScopeRulesTest {

    @ParameterizedTest(name = "[{0}] malformed: {1}")
    @CsvSource(delimiter = '|', value = {
            "ops                          | false",
            "inventory/reader             | false",
            "https://app.example/saml/ops | false",
            "offline_access               | false",
            "role with spaces             | false",
            "''                           | true",
            "'   '                        | true",
            "' ops'                       | true",
            "'ops '                       | true",
            "/reader                      | true",
            "inventory/                   | true",
            "/                            | true",
            "'ops\tx'                     | true"})
    void labelShape(String label, boolean malformed) {
        assertThat(KeyScopeRules.isMalformed(label)).isEqualTo(malformed);
    }

    @ParameterizedTest
    @NullSource
    void nullIsMalformed(String label) {
        assertThat(KeyScopeRules.isMalformed(label)).isTrue();
    }

    @ParameterizedTest(name = "{0} characters malformed: {1}")
    @CsvSource({"511, false", "512, true"})
    void longestLabel(int length, boolean malformed) {
        assertThat(KeyScopeRules.isMalformed("r".repeat(length))).isEqualTo(malformed);
    }

    @Test
    @DisplayName("Given 100 entries of 500 characters made mostly of slashes, then all are refused within the lookup budget, each named")
    void hostileEntriesCostABoundedNumberOfLookups() {
        CountingRealm realm = new CountingRealm();
        List<String> hostile = IntStream.range(0, KeyScopeRules.MAX_ROLES)
                .mapToObj(i -> "c" + i + "/" + "a/".repeat(248) + "r")
                .toList();

        LatchkeyError refused = catchThrowableOfType(LatchkeyError.class,
                () -> KeyScopeRules.roles(hostile, false, realm.model, owner()));

        assertThat(refused.code()).isEqualTo("invalid_request");
        assertThat(params(refused)).containsExactlyElementsOf(hostile);
        assertThat(refused.description()).contains("'" + hostile.get(99) + "' (not one of your roles)");
        assertThat(realm.lookups).isLessThanOrEqualTo(KeyScopeRules.EXPLANATION_LOOKUPS);
    }

    @Test
    @DisplayName("Given one unknown entry repeated 100 times, then it is looked up and named once")
    void repeatedEntriesAreLookedUpOnce() {
        CountingRealm realm = new CountingRealm();
        List<String> repeated = Collections.nCopies(KeyScopeRules.MAX_ROLES, "warehouse/reader");

        LatchkeyError refused = catchThrowableOfType(LatchkeyError.class,
                () -> KeyScopeRules.roles(repeated, false, realm.model, owner()));

        assertThat(params(refused)).containsExactly("warehouse/reader");
        assertThat(refused.description()).contains("'warehouse/reader' (no client 'warehouse')");
        assertThat(realm.lookups).isEqualTo(2);
    }

    @Test
    @DisplayName("Given entries the owner holds, then they are kept once each, in the order asked, without any lookup")
    void heldEntriesNeedNoLookup() {
        CountingRealm realm = new CountingRealm();

        List<String> kept = KeyScopeRules.roles(List.of("inventory/reader", "ops", "ops", "inventory/reader"), true,
                realm.model, owner());

        assertThat(kept).containsExactly("inventory/reader", "ops");
        assertThat(realm.lookups).isZero();
    }

    @ParameterizedTest(name = "[{0}] is refused as: {1}")
    @CsvSource(delimiter = '|', value = {
            "nope             | no realm role of that name",
            "finance          | not one of your roles",
            "inventory/writer | not one of your roles",
            "inventory/nope   | no role of that name in client 'inventory'",
            "warehouse/reader | no client 'warehouse'"})
    void aFewEntriesAreExplained(String entry, String why) {
        LatchkeyError refused = catchThrowableOfType(LatchkeyError.class,
                () -> KeyScopeRules.roles(List.of("ops", entry), false, new CountingRealm().model, owner()));

        assertThat(refused.description()).contains("'" + entry + "' (" + why + ")");
        assertThat(params(refused)).containsExactly(entry);
    }

    @SuppressWarnings("unchecked")
    private static List<String> params(LatchkeyError error) {
        return (List<String>) ((Map<?, ?>) error.getResponse().getEntity()).get("params");
    }

    /** Holds realm role {@code ops} and {@code inventory/reader}; the realm also has {@code finance} and {@code inventory/writer}. */
    private static UserModel owner() {
        List<RoleModel> roles = List.of(role("ops", null), role("reader", INVENTORY));
        return proxy(UserModel.class, (method, args) -> switch (method) {
            case "getRoleMappingsStream" -> roles.stream();
            case "getGroupsStream" -> Stream.empty();
            default -> null;
        });
    }

    private static final ClientModel INVENTORY = proxy(ClientModel.class, (method, args) -> switch (method) {
        case "getClientId" -> "inventory";
        default -> null;
    });

    /** A realm that counts what the rules look up in it, as a database would see them. */
    private static final class CountingRealm {
        int lookups;
        final ClientModel inventory = proxy(ClientModel.class, (method, args) -> switch (method) {
            case "getClientId" -> "inventory";
            case "getRole" -> {
                lookups++;
                yield Set.of("reader", "writer").contains((String) args[0]) ? role((String) args[0], INVENTORY) : null;
            }
            default -> null;
        });
        final RealmModel model = proxy(RealmModel.class, (method, args) -> switch (method) {
            case "getRole" -> {
                lookups++;
                yield Set.of("ops", "finance").contains((String) args[0]) ? role((String) args[0], null) : null;
            }
            case "getClientByClientId" -> {
                lookups++;
                yield "inventory".equals(args[0]) ? inventory : null;
            }
            default -> null;
        });
    }

    private static RoleModel role(String name, ClientModel client) {
        String id = (client == null ? "" : client.getClientId() + "/") + name;
        return proxy(RoleModel.class, (method, args) -> switch (method) {
            case "getId", "toString" -> id;
            case "getName" -> name;
            case "isClientRole" -> client != null;
            case "getContainer" -> client;
            case "getCompositesStream" -> Stream.empty();
            case "equals" -> args[0] instanceof RoleModel other && other.getId().equals(id);
            case "hashCode" -> id.hashCode();
            default -> null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}

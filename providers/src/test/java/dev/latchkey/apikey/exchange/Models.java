package dev.latchkey.apikey.exchange;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/** Keycloak models with just the answers these tests need, as dynamic proxies (no mocking library here). */
final class Models {

    private Models() {
    }

    static RealmModel realm(String name) {
        return stub(RealmModel.class, Map.of("getName", args -> name, "getId", args -> name));
    }

    static ClientModel client(String clientId) {
        return stub(ClientModel.class, Map.of("getClientId", args -> clientId, "getId", args -> "id-" + clientId));
    }

    static RoleModel realmRole(String name, RoleModel... composites) {
        return role(name, null, composites);
    }

    static RoleModel clientRole(ClientModel client, String name, RoleModel... composites) {
        return role(name, client, composites);
    }

    /** A role whose composites can be added after it is made, for cycles. */
    static RoleModel role(String name, ClientModel client, RoleModel... composites) {
        List<RoleModel> inner = new ArrayList<>(List.of(composites));
        return stub(RoleModel.class, Map.of(
                "getName", args -> name,
                "getId", args -> (client == null ? "" : client.getClientId() + "/") + name,
                "isClientRole", args -> client != null,
                "getContainer", args -> client,
                "getContainerId", args -> client == null ? "realm" : client.getId(),
                "isComposite", args -> !inner.isEmpty(),
                "getCompositesStream", args -> inner.stream(),
                "addCompositeRole", args -> inner.add((RoleModel) args[0])));
    }

    @SuppressWarnings("unchecked")
    static <T> T stub(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return type.getSimpleName() + answers.getOrDefault("getName", a -> "?").apply(args);
                default:
                    Function<Object[], Object> answer = answers.get(method.getName());
                    if (answer == null) {
                        throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                    }
                    return answer.apply(args);
            }
        });
    }
}

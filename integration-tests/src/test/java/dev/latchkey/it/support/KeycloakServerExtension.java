package dev.latchkey.it.support;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Keycloak server for the whole test run, on first use, and keeps it in the root store, which closes it
 * (stops the process) when the run ends. Resolves the support clients as parameters.
 */
public final class KeycloakServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KeycloakServerExtension.class);

    /** Clients resolvable as parameters besides the server itself; one instance of each per run. */
    private static final Map<Class<?>, Function<KeycloakServer, ?>> CLIENTS = Map.of(
            Http.class, KeycloakServer::http,
            AdminClient.class, AdminClient::new,
            TokenClient.class, TokenClient::new);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || CLIENTS.containsKey(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        KeycloakServer server = server(context);
        if (type == KeycloakServer.class) {
            return server;
        }
        return root(context).getOrComputeIfAbsent(type, key -> CLIENTS.get(type).apply(server));
    }

    private static KeycloakServer server(ExtensionContext context) {
        return root(context)
                .getOrComputeIfAbsent(ServerHolder.class, key -> ServerHolder.start(), ServerHolder.class)
                .server();
    }

    private static ExtensionContext.Store root(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }

    /** Remembers a failed start, so the next test class fails at once instead of waiting for another timeout. */
    private static final class ServerHolder implements AutoCloseable {
        private final KeycloakServer server;
        private final RuntimeException failure;

        private ServerHolder(KeycloakServer server, RuntimeException failure) {
            this.server = server;
            this.failure = failure;
        }

        static ServerHolder start() {
            try {
                return new ServerHolder(KeycloakServer.start(ServerSettings.fromSystemProperties()), null);
            } catch (RuntimeException e) {
                return new ServerHolder(null, e);
            }
        }

        KeycloakServer server() {
            if (failure != null) {
                throw new IllegalStateException("The Keycloak server of this test run did not start", failure);
            }
            return server;
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}

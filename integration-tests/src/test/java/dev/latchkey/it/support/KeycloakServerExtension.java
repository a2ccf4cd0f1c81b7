package dev.latchkey.it.support;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts the run's single Keycloak server ({@link DevServer}) on first use; resolves it and its clients as parameters. */
public final class KeycloakServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final Map<Class<?>, Function<KeycloakServer, ?>> PARAMETERS = Map.of(
            KeycloakServer.class, server -> server,
            Http.class, KeycloakServer::http,
            AdminClient.class, KeycloakServer::admin,
            TokenClient.class, KeycloakServer::tokens);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return PARAMETERS.containsKey(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return PARAMETERS.get(parameter.getParameter().getType()).apply(server(context));
    }

    private static KeycloakServer server(ExtensionContext context) {
        return OncePerRun.get(context, KeycloakServer.class, "The Keycloak server of this test run",
                () -> DevServer.start(TestPaths.fromSystemProperties()));
    }
}

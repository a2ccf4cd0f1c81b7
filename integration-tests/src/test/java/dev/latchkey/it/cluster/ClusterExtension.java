package dev.latchkey.it.cluster;

import dev.latchkey.it.support.OncePerRun;
import dev.latchkey.it.support.TestPaths;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts the run's cluster on first use (stopped, PostgreSQL too, when the run ends); resolves it as a parameter. */
final class ClusterExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static KeycloakCluster cluster(ExtensionContext context) {
        return OncePerRun.get(context, KeycloakCluster.class, "The cluster of this test run",
                () -> KeycloakCluster.start(TestPaths.fromSystemProperties()));
    }
}

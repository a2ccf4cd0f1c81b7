package dev.latchkey.it.cluster;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one cluster for the whole run, on first use, kept in the root store, which closes it (stops both nodes and
 * PostgreSQL) when the run ends. A failed start is remembered, so later classes fail at once.
 */
final class ClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterExtension.class);

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
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Holder.class, key -> Holder.start(), Holder.class)
                .cluster();
    }

    private static final class Holder implements AutoCloseable {
        private final KeycloakCluster cluster;
        private final RuntimeException failure;

        private Holder(KeycloakCluster cluster, RuntimeException failure) {
            this.cluster = cluster;
            this.failure = failure;
        }

        static Holder start() {
            try {
                return new Holder(KeycloakCluster.start(ClusterSettings.fromSystemProperties()), null);
            } catch (RuntimeException e) {
                return new Holder(null, e);
            }
        }

        KeycloakCluster cluster() {
            if (failure != null) {
                throw new IllegalStateException("The cluster of this test run did not start", failure);
            }
            return cluster;
        }

        @Override
        public void close() {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}

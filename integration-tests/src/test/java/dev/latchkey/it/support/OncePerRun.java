package dev.latchkey.it.support;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server (or cluster) started once per test run, on first use, and kept in JUnit's root store, which closes it
 * when the run ends. A failed start is remembered, so the next test class fails at once instead of waiting for
 * another start to time out.
 */
public final class OncePerRun {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OncePerRun.class);

    private OncePerRun() {
    }

    /**
     * @param type  what is started; also the key in the root store
     * @param what  for the failure message, e.g. "The Keycloak server of this test run"
     * @param start starts it, or throws
     */
    public static <T extends AutoCloseable> T get(ExtensionContext context, Class<T> type, String what,
                                                  Supplier<T> start) {
        Started<?> started = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(type, key -> Started.of(start), Started.class);
        if (started.failure() != null) {
            throw new IllegalStateException(what + " did not start", started.failure());
        }
        return type.cast(started.resource());
    }

    private record Started<T extends AutoCloseable>(T resource, RuntimeException failure) implements AutoCloseable {

        static <T extends AutoCloseable> Started<T> of(Supplier<T> start) {
            try {
                return new Started<>(start.get(), null);
            } catch (RuntimeException e) {
                return new Started<>(null, e);
            }
        }

        @Override
        public void close() throws Exception {
            if (resource != null) {
                resource.close();
            }
        }
    }
}

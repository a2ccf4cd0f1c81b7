package dev.latchkey.it.testclock;

import dev.latchkey.apikey.lifecycle.LifecycleTask;
import dev.latchkey.apikey.node.ApiKeyNodeProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * TEST SERVERS ONLY (a jar of its own, built from the integration tests, never in the shipped jar):
 * {@code PUT /realms/master/latchkey-test-clock/offset/{seconds}} moves Keycloak's clock ({@link Time#setOffset}),
 * so a test can see what happens days later; {@code GET .../offset} reads it; {@code POST .../lifecycle} runs the
 * key lifecycle pass (reminders, expiry notices, cleanup) now, on this node, and answers when it is done, so a test
 * need not wait for the scheduled run; {@code POST .../last-used} writes the key uses this node noted, as its flush
 * timer does, and answers when they are written. Unauthenticated on purpose: it exists only on servers the tests start on
 * loopback ports.
 */
public final class TestClockProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "latchkey-test-clock";

    private KeycloakSessionFactory factory;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new Resource(session, factory);
    }

    public static final class Resource implements RealmResourceProvider {

        private final KeycloakSession session;
        private final KeycloakSessionFactory factory;

        Resource(KeycloakSession session, KeycloakSessionFactory factory) {
            this.session = session;
            this.factory = factory;
        }

        @Override
        public Object getResource() {
            return this;
        }

        @GET
        @Path("offset")
        @Produces(MediaType.TEXT_PLAIN)
        public String offset() {
            return Integer.toString(Time.getOffset());
        }

        @PUT
        @Path("offset/{seconds}")
        @Produces(MediaType.TEXT_PLAIN)
        public String setOffset(@PathParam("seconds") int seconds) {
            Time.setOffset(seconds);
            return Integer.toString(Time.getOffset());
        }

        /** As the scheduler runs it, in a session of its own (the task opens one transaction per key). */
        @POST
        @Path("lifecycle")
        @Produces(MediaType.TEXT_PLAIN)
        public String runLifecycle() {
            KeycloakModelUtils.runJobInTransaction(factory, new LifecycleTask()::run);
            return "done";
        }

        @POST
        @Path("last-used")
        @Produces(MediaType.TEXT_PLAIN)
        public String flushLastUsed() {
            ApiKeyNodeProvider.of(session).lastUsed().flush(factory);
            return "done";
        }

        @Override
        public void close() {
        }
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory sessionFactory) {
        this.factory = sessionFactory;
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}

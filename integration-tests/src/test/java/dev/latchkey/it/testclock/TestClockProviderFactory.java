package dev.latchkey.it.testclock;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * TEST SERVERS ONLY (a jar of its own, built from the integration tests, never in the shipped jar):
 * {@code PUT /realms/master/latchkey-test-clock/offset/{seconds}} moves Keycloak's clock ({@link Time#setOffset}),
 * so a test can see what happens days later; {@code GET .../offset} reads it. Unauthenticated on purpose: it exists
 * only on servers the tests start on loopback ports.
 */
public final class TestClockProviderFactory implements RealmResourceProviderFactory, RealmResourceProvider {

    public static final String ID = "latchkey-test-clock";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return this;
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

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}

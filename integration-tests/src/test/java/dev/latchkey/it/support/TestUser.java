package dev.latchkey.it.support;

/** A user a test created, with the password it was given; closing it deletes it. */
public record TestUser(AdminClient admin, String realm, String id, String username, String password)
        implements AutoCloseable {

    /** Tolerates the user being gone already, e.g. with the realm the test deleted first. */
    @Override
    public void close() {
        admin.delete("/realms/" + realm + "/users/" + id).expectStatus(204, 404);
    }
}

package dev.latchkey.it.support;

/** A realm a test created; closing it deletes it. */
public record TestRealm(AdminClient admin, String name) implements AutoCloseable {

    @Override
    public void close() {
        admin.deleteRealm(name);
    }
}

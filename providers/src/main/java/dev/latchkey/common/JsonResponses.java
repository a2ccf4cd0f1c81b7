package dev.latchkey.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** JSON answers that no browser or proxy may keep: they carry personal data, and once a key. */
public final class JsonResponses {

    private JsonResponses() {
    }

    public static Response ok(Object entity) {
        return status(Response.Status.OK, entity);
    }

    public static Response created(Object entity) {
        return status(Response.Status.CREATED, entity);
    }

    public static Response status(Response.Status status, Object entity) {
        return Response.status(status)
                .entity(entity)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}

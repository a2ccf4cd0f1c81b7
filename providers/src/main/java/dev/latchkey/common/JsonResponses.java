package dev.latchkey.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every answer Latchkey writes itself, refusals included: JSON that no browser or proxy may keep (they carry personal
 * data, and once a key), errors in the one contract ({@code error}, {@code error_description}, optional
 * {@code params}).
 */
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
        return json(Response.status(status), entity).build();
    }

    /** 204, not to be kept either. */
    public static Response noContent() {
        return noStore(Response.noContent()).build();
    }

    /** A refusal; a builder, for the header some need (a challenge, {@code Retry-After}). */
    public static Response.ResponseBuilder error(Response.Status status, String code, String description) {
        return error(status, code, description, List.of());
    }

    public static Response.ResponseBuilder error(Response.Status status, String code, String description,
                                                 List<String> params) {
        return json(Response.status(status), errorBody(code, description, params));
    }

    /** {@code Cache-Control: no-store} and, for HTTP/1.0 caches, {@code Pragma: no-cache}. */
    public static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    private static Response.ResponseBuilder json(Response.ResponseBuilder response, Object entity) {
        return noStore(response.entity(entity).type(MediaType.APPLICATION_JSON_TYPE));
    }

    /** The error contract's body, in this order. */
    private static Map<String, Object> errorBody(String code, String description, List<String> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        if (!params.isEmpty()) {
            body.put("params", params);
        }
        return body;
    }
}

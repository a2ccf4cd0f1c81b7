package dev.latchkey.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.services.ErrorResponseException;

/**
 * Every refusal Latchkey answers with: a JSON body with a stable {@code error} code, a readable
 * {@code error_description} and, for messages the UI translates, optional {@code params}. Extends Keycloak's
 * {@link ErrorResponseException}, so throwing it also rolls the request's transaction back.
 */
public final class LatchkeyError extends ErrorResponseException {

    private final String code;

    private LatchkeyError(Response.Status status, String code, String description, List<String> params) {
        super(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(code, description, params)).build());
        this.code = code;
    }

    public static LatchkeyError of(Response.Status status, String code, String description) {
        return new LatchkeyError(status, code, description, List.of());
    }

    public static LatchkeyError withParams(Response.Status status, String code, String description, List<String> params) {
        return new LatchkeyError(status, code, description, params);
    }

    public static LatchkeyError badRequest(String description) {
        return of(Response.Status.BAD_REQUEST, "invalid_request", description);
    }

    public static LatchkeyError notFound(String description) {
        return of(Response.Status.NOT_FOUND, "not_found", description);
    }

    public static LatchkeyError forbidden(String code, String description) {
        return of(Response.Status.FORBIDDEN, code, description);
    }

    /** 401 with the challenge RFC 6750 asks for. */
    public static LatchkeyError unauthorized(String code, String description) {
        Response response = Response.status(Response.Status.UNAUTHORIZED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", "Bearer error=\"" + code + "\"")
                .entity(body(code, description, List.of()))
                .build();
        return new LatchkeyError(response, code);
    }

    /** An error with one extra response header, e.g. {@code Retry-After} on a 503. */
    public static LatchkeyError withHeader(Response.Status status, String code, String description, String header,
                                           String value) {
        Response response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(header, value)
                .entity(body(code, description, List.of()))
                .build();
        return new LatchkeyError(response, code);
    }

    private LatchkeyError(Response response, String code) {
        super(response);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The readable text of the answer ({@code error_description}). */
    public String description() {
        return getResponse().getEntity() instanceof Map<?, ?> body ? String.valueOf(body.get("error_description")) : code;
    }

    @Override
    public String getMessage() {
        return code;
    }

    private static Map<String, Object> body(String code, String description, List<String> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        if (!params.isEmpty()) {
            body.put("params", params);
        }
        return body;
    }
}

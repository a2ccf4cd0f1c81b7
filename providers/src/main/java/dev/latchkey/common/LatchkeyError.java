package dev.latchkey.common;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.services.ErrorResponseException;

/**
 * Every refusal Latchkey answers with: a JSON body with a stable {@code error} code, a readable
 * {@code error_description} and, for messages the UI translates, optional {@code params}. Extends Keycloak's
 * {@link ErrorResponseException}, so throwing it also rolls the request's transaction back. The answer is written by
 * {@link JsonResponses#error}, as the refusals Latchkey returns instead of throwing.
 */
public final class LatchkeyError extends ErrorResponseException {

    private final String code;

    private LatchkeyError(Response.Status status, String code, String description, List<String> params) {
        super(JsonResponses.error(status, code, description, params).build());
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
        Response response = JsonResponses.error(Response.Status.UNAUTHORIZED, code, description)
                .header("WWW-Authenticate", "Bearer error=\"" + code + "\"")
                .build();
        return new LatchkeyError(response, code);
    }

    /** An error with one extra response header, e.g. {@code Retry-After} on a 503. */
    public static LatchkeyError withHeader(Response.Status status, String code, String description, String header,
                                           String value) {
        Response response = JsonResponses.error(status, code, description).header(header, value).build();
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
}

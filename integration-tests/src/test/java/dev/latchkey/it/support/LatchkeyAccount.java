package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Latchkey's account-side profile endpoints ({@code /realms/{realm}/latchkey/me/...}) as the Profile page calls them,
 * with a user's bearer token.
 */
public final class LatchkeyAccount {

    private final KeycloakServer server;
    private final String realm;

    public LatchkeyAccount(KeycloakServer server, String realm) {
        this.server = server;
        this.realm = realm;
    }

    public HttpResult profile(String token) {
        return server.http().get(url("/me/profile")).bearer(token).accept(Http.JSON).send();
    }

    /** The profile document; the call must succeed. */
    public JsonNode profileJson(String token) {
        return profile(token).expectStatus(200).json();
    }

    /** @param body a Map or a JSON string, e.g. {@code "{\"timezone\":null}"} */
    public HttpResult preferences(String token, Object body) {
        return server.http().put(url("/me/preferences")).bearer(token).accept(Http.JSON).json(body).send();
    }

    public HttpResult changePassword(String token, String current, String newPassword, String confirmation,
                                     boolean logoutOtherSessions) {
        return server.http().post(url("/me/password")).bearer(token).accept(Http.JSON)
                .json(Json.object()
                        .put("currentPassword", current)
                        .put("newPassword", newPassword)
                        .put("confirmation", confirmation)
                        .put("logoutOtherSessions", logoutOtherSessions))
                .send();
    }

    private String url(String path) {
        return server.url("/realms/" + realm + "/latchkey" + path);
    }
}

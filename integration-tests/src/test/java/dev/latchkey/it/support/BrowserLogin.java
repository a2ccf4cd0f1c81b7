package dev.latchkey.it.support;

import java.util.Optional;

/**
 * The outcome of a browser-style login: the authorization code the client received, or the page the user was left
 * on (e.g. the login form again, with "Invalid username or password.").
 */
public record BrowserLogin(String realm, String clientId, String redirectUri, String codeVerifier,
                           Optional<String> code, HttpResult lastResponse) {

    public boolean succeeded() {
        return code.isPresent();
    }

    /** The error message shown on the page the login ended on, if any. */
    public Optional<String> pageError() {
        return LoginPage.errorMessage(lastResponse.body());
    }
}

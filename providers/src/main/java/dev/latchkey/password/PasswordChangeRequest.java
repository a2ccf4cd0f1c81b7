package dev.latchkey.password;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of {@code POST /me/password}. Never logged, never put in an event. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PasswordChangeRequest(String currentPassword, String newPassword, String confirmation,
        Boolean logoutOtherSessions) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[logoutOtherSessions=" + logoutOtherSessions + "]";
    }
}

package dev.latchkey.apikey.settings;

/** A value an admin wants to save that its {@link ApiKeySetting} refuses; the message names the field. */
public final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidSettingException(String message) {
        super(message, null, false, false);
    }
}

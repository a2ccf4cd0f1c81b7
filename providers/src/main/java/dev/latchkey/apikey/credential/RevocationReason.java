package dev.latchkey.apikey.credential;

import java.util.Locale;

/**
 * Why a key was revoked for good without its owner asking: the {@code reason} of its {@code REMOVE_CREDENTIAL} event,
 * the {@code revokedReason} its owner sees in the list, the email it gets.
 */
public enum RevocationReason {
    /** Someone sent the key to the report endpoint, or a secret scanner found it in public. */
    REPORTED_LEAKED,
    /** Not used for the realm's {@code revokeUnusedAfterDays}. */
    UNUSED;

    /** e.g. {@code reported_leaked}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}

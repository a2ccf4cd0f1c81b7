package dev.latchkey.apikey.credential;

import java.util.Locale;

/**
 * Why a key did not validate. Services only ever see {@code "active": false}; the reason goes to the realm's event
 * log (detail {@code reason}) for the admin.
 */
public enum InactiveReason {
    MALFORMED,
    BAD_CHECKSUM,
    /** The key's tag is not this realm's: not minted here (made up, or another realm's). Refused before any lookup. */
    FORGED,
    /** A key of the format before tags, in a realm that holds no such keys any more. Refused before any lookup. */
    OLD_FORMAT,
    UNKNOWN_KEY,
    EXPIRED,
    /** Revoked because it was reported as leaked, or was unused too long; for good. */
    REVOKED,
    USER_NOT_FOUND,
    USER_DISABLED,
    USER_LOCKED_OUT,
    ROLE_MISSING,
    API_KEYS_DISABLED,
    /** The key is bound to an organization the owner has left, or that is disabled. */
    ORGANIZATION_LEFT;

    /** The value written to events, e.g. {@code user_disabled}. */
    public String eventValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.latchkey.apikey.format;

/** Why key text was refused before any lookup; recorded as the reason of the validation error event. */
public enum ParseFailure {
    /** Empty, too long, wrong prefix, characters outside base62 or a payload that does not decode. */
    MALFORMED,
    /** Well-formed, but the checksum does not match: a typo or a truncated key. */
    BAD_CHECKSUM
}

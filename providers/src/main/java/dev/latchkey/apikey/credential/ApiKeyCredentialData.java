package dev.latchkey.apikey.credential;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.TreeSet;

/**
 * The non-secret part of a stored key ({@code credentialData}); admins see it in the user's Credentials tab.
 * Fields added later are left out while unset, so keys stored before them read as they were made.
 *
 * @param name             the owner's name for the key, also kept as the credential's user label
 * @param description      optional
 * @param expiresAt        epoch milliseconds; for a replaced key, the end of its grace period
 * @param hint             the first characters of the key, to recognise it
 * @param lastUsedAt       epoch milliseconds, recorded with a coarse granularity; {@code null} when never used
 * @param roles            the roles the key may use, as labels ({@code ops}, {@code inventory/reader}); {@code null}:
 *                         all of the owner's roles
 * @param organization     the alias of the organization the key is bound to; {@code null}: none
 * @param replaces         the id of the key this one was rotated from; {@code null}: made by a create
 * @param replacedBy       the id of the key this one was rotated into; {@code null}: not replaced
 * @param remindersSent    the reminder days ("expires in N days") whose email was sent; {@code null}: none
 * @param expiryNoticeSent the "has expired" email was sent; {@code null}: not
 * @param mailClaimedUntil epoch milliseconds until which one node is sending this key's reminder or notice; others
 *                         leave the key alone until then. {@code null}: nobody is
 * @param revokedAt        epoch milliseconds when the key was revoked for a {@code revokedReason}; it was refused from
 *                         then on ({@code expiresAt} is that moment) and stays listed, with the reason, until the
 *                         cleanup deletes it. {@code null}: not revoked
 * @param revokedReason    why: {@code reported_leaked} or {@code unused}; {@code null}: not revoked
 * @param signed           the key text carries the realm's tag ({@link dev.latchkey.apikey.format.KeyMac}); {@code null}:
 *                         a key of the format before tags, or one imported from it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyCredentialData(String name, String description, long expiresAt, String hint, Long lastUsedAt,
                                   List<String> roles, String organization, String replaces, String replacedBy,
                                   List<Integer> remindersSent, Boolean expiryNoticeSent, Long mailClaimedUntil,
                                   Long revokedAt, String revokedReason, Boolean signed) {

    /** A key as a create (or an import of a key made before rotation) makes it. */
    public ApiKeyCredentialData(String name, String description, long expiresAt, String hint, Long lastUsedAt,
                                List<String> roles, String organization) {
        this(name, description, expiresAt, hint, lastUsedAt, roles, organization, null, null, null, null, null, null,
                null, null);
    }

    /** A key Latchkey mints now: its text carries the realm's tag. */
    public static ApiKeyCredentialData minted(String name, String description, long expiresAt, String hint,
                                              List<String> roles, String organization, String replaces) {
        return new ApiKeyCredentialData(name, description, expiresAt, hint, null, roles, organization, replaces, null,
                null, null, null, null, null, Boolean.TRUE);
    }

    /** Whether the key's text carries the realm's tag (see {@link #signed}). */
    public boolean carriesTag() {
        return Boolean.TRUE.equals(signed);
    }

    public ApiKeyCredentialData withLastUsedAt(long lastUsed) {
        return new ApiKeyCredentialData(name, description, expiresAt, hint, lastUsed, roles, organization, replaces,
                replacedBy, remindersSent, expiryNoticeSent, mailClaimedUntil, revokedAt,
                revokedReason, signed);
    }

    /** This key rotated into {@code successor}: it works until {@code graceEnd} and no longer counts as active. */
    public ApiKeyCredentialData replacedBy(String successor, long graceEnd) {
        return new ApiKeyCredentialData(name, description, Math.min(expiresAt, graceEnd), hint, lastUsedAt, roles,
                organization, replaces, successor, remindersSent, expiryNoticeSent, mailClaimedUntil, revokedAt,
                revokedReason, signed);
    }

    /** The reminders for these days were sent (added to those sent before). */
    public ApiKeyCredentialData withRemindersSent(List<Integer> days) {
        TreeSet<Integer> sent = new TreeSet<>(remindersSent == null ? List.of() : remindersSent);
        sent.addAll(days);
        return new ApiKeyCredentialData(name, description, expiresAt, hint, lastUsedAt, roles, organization, replaces,
                replacedBy, List.copyOf(sent.descendingSet()), expiryNoticeSent, null, revokedAt, revokedReason, signed);
    }

    public ApiKeyCredentialData withExpiryNoticeSent() {
        return new ApiKeyCredentialData(name, description, expiresAt, hint, lastUsedAt, roles, organization, replaces,
                replacedBy, remindersSent, Boolean.TRUE, null, revokedAt, revokedReason, signed);
    }

    /** This node sends the key's email; the claim ends with the marker of the sent email, or at {@code until}. */
    public ApiKeyCredentialData withMailClaimedUntil(Long until) {
        return new ApiKeyCredentialData(name, description, expiresAt, hint, lastUsedAt, roles, organization, replaces,
                replacedBy, remindersSent, expiryNoticeSent, until, revokedAt, revokedReason, signed);
    }

    /**
     * Revoked now for {@code reason}: refused from this moment ({@code expiresAt} becomes now, so every entry point
     * that checks expiry refuses it, and the cleanup deletes it as an expired key), listed with the reason until then.
     */
    public ApiKeyCredentialData revoked(String reason, long nowMillis) {
        return new ApiKeyCredentialData(name, description, Math.min(expiresAt, nowMillis), hint, lastUsedAt, roles,
                organization, replaces, replacedBy, remindersSent, expiryNoticeSent, null, nowMillis, reason, signed);
    }

    @JsonIgnore // derived, not stored
    public boolean isRevoked() {
        return revokedReason != null;
    }

    public boolean isMailClaimed(long nowMillis) {
        return mailClaimedUntil != null && nowMillis < mailClaimedUntil;
    }

    public boolean isExpired(long nowMillis) {
        return nowMillis >= expiresAt;
    }

    @JsonIgnore // derived, not stored
    public boolean isReplaced() {
        return replacedBy != null;
    }

    /**
     * Whether the key counts towards the per-user limit of active keys: unexpired and not replaced (a replaced key
     * keeps working through its grace period, but it is on its way out and its successor counts instead).
     */
    public boolean isActiveForLimit(long nowMillis) {
        return !isExpired(nowMillis) && !isReplaced();
    }

    public boolean reminderSent(int day) {
        return remindersSent != null && remindersSent.contains(day);
    }

    public boolean expiryNoticeWasSent() {
        return Boolean.TRUE.equals(expiryNoticeSent);
    }
}

package dev.latchkey.apikey.lifecycle;

import dev.latchkey.apikey.credential.ApiKeyCredentialData;
import java.time.Duration;
import java.util.List;

/**
 * What the lifecycle task does next for one key, from its stored data alone (pure, so the rules are unit-tested).
 * At most one step per key and run: a key due for deletion gets no mail; a key in several reminder windows at once
 * (made to expire in 20 hours while reminders are 7 and 1 days) gets one reminder, which marks every window it is in.
 */
public final class LifecycleRules {

    private static final long DAY = Duration.ofDays(1).toMillis();

    /** The step due for a key. */
    public sealed interface Step {
    }

    /** Nothing to do now. */
    public record Nothing() implements Step {
    }

    /** Send the reminder and mark these reminder days as sent. */
    public record Remind(List<Integer> days) implements Step {
    }

    /** Send the "has expired" notice. */
    public record NoticeExpired() implements Step {
    }

    /** Revoke the key: not used for the realm's {@code revokeUnusedAfterDays}. */
    public record RevokeUnused() implements Step {
    }

    /** Delete the key; {@code reason} is {@code expired}, {@code replaced} or {@code revoked}. */
    public record Delete(String reason) implements Step {
    }

    private static final Step NOTHING = new Nothing();

    private LifecycleRules() {
    }

    /**
     * @param createdAt         when the key was made (epoch milliseconds): a key never used is unused since then
     * @param reminderDays      the realm's reminder days (largest first); empty: no reminders and no expiry notice
     * @param deleteAfterDays   days after a key stopped working that it is deleted; 0: never
     * @param revokeUnusedAfterDays days without use after which a working key is revoked; 0: never
     */
    public static Step next(ApiKeyCredentialData key, long createdAt, long now, List<Integer> reminderDays,
                            int deleteAfterDays, int revokeUnusedAfterDays) {
        if (key.isExpired(now) && deleteAfterDays > 0 && now >= key.expiresAt() + deleteAfterDays * DAY) {
            return new Delete(key.isRevoked() ? "revoked" : key.isReplaced() ? "replaced" : "expired");
        }
        if (key.isMailClaimed(now)) {
            return NOTHING; // a node is sending this key's email right now
        }
        if (key.isExpired(now)) {
            // "on the day it expires": a server that was down longer does not send a stale notice
            boolean today = now < key.expiresAt() + DAY;
            // a revoked key's owner got the revocation's own email
            return !reminderDays.isEmpty() && !key.isReplaced() && !key.isRevoked() && !key.expiryNoticeWasSent() && today
                    ? new NoticeExpired() : NOTHING;
        }
        if (key.isReplaced()) {
            return NOTHING; // its owner rotated it and knows when it stops
        }
        long lastUse = key.lastUsedAt() != null ? key.lastUsedAt() : createdAt;
        if (revokeUnusedAfterDays > 0 && now >= lastUse + revokeUnusedAfterDays * DAY) {
            return new RevokeUnused();
        }
        List<Integer> due = reminderDays.stream()
                .filter(day -> now >= key.expiresAt() - day * DAY)
                .filter(day -> !key.reminderSent(day))
                .toList();
        return due.isEmpty() ? NOTHING : new Remind(due);
    }

    /**
     * The key's data once this node's send ended: the marker of the email when it was sent, and the lease given back
     * only while it is still the one this node took ({@code ownLease}, its end time). A lease that ran out during a
     * slow send may have been taken by another node meanwhile, which is sending now: its lease stays, or a third node
     * could send the same email too. Leases a node takes after another's ran out end later, so the time tells them apart.
     *
     * @param current the key as the database has it now
     */
    public static ApiKeyCredentialData afterSend(ApiKeyCredentialData current, long ownLease, Step step, boolean sent) {
        ApiKeyCredentialData marked = !sent ? current
                : step instanceof Remind remind ? current.withRemindersSent(remind.days())
                : step instanceof NoticeExpired ? current.withExpiryNoticeSent()
                : current;
        boolean ours = current.mailClaimedUntil() != null && current.mailClaimedUntil() == ownLease;
        return marked.withMailClaimedUntil(ours ? null : current.mailClaimedUntil());
    }
}

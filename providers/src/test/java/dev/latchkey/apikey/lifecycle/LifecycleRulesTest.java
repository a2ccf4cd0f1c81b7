package dev.latchkey.apikey.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.apikey.credential.ApiKeyCredentialData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleRulesTest {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long NOW = 1_000L * DAY;
    private static final List<Integer> DAYS = List.of(7, 1);

    @ParameterizedTest(name = "expires in {0} h, reminders sent [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "200 | ''  | nothing",
            "168 | ''  | remind 7",
            "100 | ''  | remind 7",
            "100 | 7   | nothing",
            "24  | 7   | remind 1",
            "20  | ''  | remind 7,1",
            "20  | 7,1 | nothing"})
    @DisplayName("Given a key before its expiration, then the reminders due and not sent are sent in one email")
    void reminders(long hoursLeft, String sent, String expected) {
        ApiKeyCredentialData key = key(NOW + hoursLeft * HOUR);
        if (!sent.isEmpty()) {
            key = key.withRemindersSent(List.of(sent.split(",")).stream().map(Integer::valueOf).toList());
        }
        assertThat(describe(LifecycleRules.next(key, 0L, NOW, DAYS, 30, 0))).isEqualTo(expected);
    }

    @Test
    @DisplayName("Given an expired key, then the notice comes on the day of expiry once, then nothing, then the deletion")
    void afterExpiry() {
        ApiKeyCredentialData key = key(NOW - HOUR);
        assertThat(LifecycleRules.next(key, 0L, NOW, DAYS, 30, 0)).isInstanceOf(LifecycleRules.NoticeExpired.class);
        assertThat(LifecycleRules.next(key.withExpiryNoticeSent(), 0L, NOW, DAYS, 30, 0)).isInstanceOf(LifecycleRules.Nothing.class);
        assertThat(LifecycleRules.next(key(NOW - 2 * DAY), 0L, NOW, DAYS, 30, 0)).as("a stale notice is not sent")
                .isInstanceOf(LifecycleRules.Nothing.class);
        assertThat(LifecycleRules.next(key(NOW - 30 * DAY), 0L, NOW, DAYS, 30, 0)).isEqualTo(new LifecycleRules.Delete("expired"));
        assertThat(LifecycleRules.next(key(NOW - 3000 * DAY), 0L, NOW, DAYS, 0, 0)).as("0 keeps keys")
                .isInstanceOf(LifecycleRules.Nothing.class);
    }

    @Test
    @DisplayName("Given reminders off, then no reminder and no expiry notice, but the cleanup still runs")
    void remindersOff() {
        assertThat(LifecycleRules.next(key(NOW + HOUR), 0L, NOW, List.of(), 30, 0)).isInstanceOf(LifecycleRules.Nothing.class);
        assertThat(LifecycleRules.next(key(NOW - HOUR), 0L, NOW, List.of(), 30, 0)).isInstanceOf(LifecycleRules.Nothing.class);
        assertThat(LifecycleRules.next(key(NOW - 31 * DAY), 0L, NOW, List.of(), 30, 0)).isInstanceOf(LifecycleRules.Delete.class);
    }

    @Test
    @DisplayName("Given a replaced key, then it gets no reminder or notice and is deleted as replaced")
    void replaced() {
        ApiKeyCredentialData replaced = key(NOW + 20 * HOUR).replacedBy("successor", NOW + HOUR);
        assertThat(replaced.expiresAt()).isEqualTo(NOW + HOUR);
        assertThat(replaced.isActiveForLimit(NOW)).isFalse();
        assertThat(LifecycleRules.next(replaced, 0L, NOW, DAYS, 30, 0)).isInstanceOf(LifecycleRules.Nothing.class);
        assertThat(LifecycleRules.next(replaced, 0L, NOW + 2 * HOUR, DAYS, 30, 0)).isInstanceOf(LifecycleRules.Nothing.class);
        assertThat(LifecycleRules.next(replaced, 0L, NOW + HOUR + 30 * DAY, DAYS, 30, 0))
                .isEqualTo(new LifecycleRules.Delete("replaced"));
        assertThat(key(NOW + HOUR).replacedBy("s", NOW + DAY).expiresAt()).as("grace never extends a key's life")
                .isEqualTo(NOW + HOUR);
    }

    @Test
    @DisplayName("Given a revoked key, then it stops at once, gets no reminder or expiry notice and is deleted as revoked")
    void revoked() {
        ApiKeyCredentialData revoked = key(NOW + 20 * DAY).revoked("reported_leaked", NOW);
        assertThat(revoked.isExpired(NOW)).isTrue();
        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(revoked.isActiveForLimit(NOW)).isFalse();
        assertThat(LifecycleRules.next(revoked, 0L, NOW + HOUR, DAYS, 30, 0)).isInstanceOf(LifecycleRules.Nothing.class);
        assertThat(LifecycleRules.next(revoked, 0L, NOW + 30 * DAY, DAYS, 30, 0)).isEqualTo(new LifecycleRules.Delete("revoked"));
        assertThat(key(NOW - DAY).revoked("unused", NOW).expiresAt()).as("revoking never extends a key's life")
                .isEqualTo(NOW - DAY);
    }

    @ParameterizedTest(name = "made {0} days ago, last used {1} days ago, revoke after {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "100 | ''  | 90 | revoke",
            "89  | ''  | 90 | nothing",
            "100 | 89  | 90 | nothing",
            "100 | 90  | 90 | revoke",
            "800 | 700 | 0  | nothing"})
    @DisplayName("Given revokeUnusedAfterDays, then a working key unused that long (never used: since it was made) is revoked")
    void unused(long madeDaysAgo, String usedDaysAgo, int after, String expected) {
        ApiKeyCredentialData key = key(NOW + 30 * DAY);
        if (!usedDaysAgo.isEmpty()) {
            key = key.withLastUsedAt(NOW - Long.parseLong(usedDaysAgo) * DAY);
        }
        LifecycleRules.Step step = LifecycleRules.next(key, NOW - madeDaysAgo * DAY, NOW, DAYS, 30, after);
        assertThat(step instanceof LifecycleRules.RevokeUnused ? "revoke" : describe(step)).isEqualTo(expected);
        assertThat(LifecycleRules.next(key(NOW + DAY).replacedBy("s", NOW + HOUR), 0L, NOW, DAYS, 30, 1))
                .as("a replaced key ends by itself").isInstanceOf(LifecycleRules.Nothing.class);
    }

    @Test
    @DisplayName("Given a key whose email another node is sending (an unexpired lease), then nothing, until the lease ends")
    void claimed() {
        ApiKeyCredentialData claimed = key(NOW + 20 * HOUR).withMailClaimedUntil(NOW + HOUR);
        assertThat(LifecycleRules.next(claimed, 0L, NOW, DAYS, 30, 0)).isInstanceOf(LifecycleRules.Nothing.class);
        assertThat(LifecycleRules.next(claimed, 0L, NOW + HOUR, DAYS, 30, 0)).isEqualTo(new LifecycleRules.Remind(List.of(7, 1)));
        assertThat(claimed.withRemindersSent(List.of(1)).mailClaimedUntil()).as("the marker ends the claim").isNull();
    }

    @Test
    @DisplayName("Given a send that failed, then the node gives back its own lease, so the next run tries again")
    void failedSendGivesBackOwnLease() {
        long ownLease = NOW + 5 * MINUTE;
        ApiKeyCredentialData stored = key(NOW + 20 * HOUR).withMailClaimedUntil(ownLease);
        ApiKeyCredentialData after = LifecycleRules.afterSend(stored, ownLease, new LifecycleRules.Remind(List.of(1)), false);
        assertThat(after.mailClaimedUntil()).isNull();
        assertThat(after.reminderSent(1)).isFalse();
        assertThat(LifecycleRules.next(after, 0L, NOW + 6 * MINUTE, DAYS, 30, 0)).isEqualTo(new LifecycleRules.Remind(List.of(7, 1)));
    }

    @Test
    @DisplayName("Given a send so slow that its lease ran out and another node took the key, then a failure leaves that node's lease alone")
    void failedSendKeepsAnotherNodesLease() {
        long ownLease = NOW + 5 * MINUTE;
        long othersLease = NOW + 11 * MINUTE; // taken at NOW + 6 min, after this node's lease ended
        ApiKeyCredentialData stored = key(NOW + 20 * HOUR).withMailClaimedUntil(othersLease);
        ApiKeyCredentialData after = LifecycleRules.afterSend(stored, ownLease, new LifecycleRules.Remind(List.of(1)), false);
        assertThat(after.mailClaimedUntil()).isEqualTo(othersLease);
        assertThat(LifecycleRules.next(after, 0L, NOW + 7 * MINUTE, DAYS, 30, 0)).as("a third node sends nothing meanwhile")
                .isInstanceOf(LifecycleRules.Nothing.class);
    }

    @Test
    @DisplayName("Given a sent email, then its marker is written; the lease ends if it is the node's own and stays if another node's")
    void sentMarksAndEndsOnlyOwnLease() {
        long ownLease = NOW + 5 * MINUTE;
        ApiKeyCredentialData own = key(NOW + 20 * HOUR).withMailClaimedUntil(ownLease);
        ApiKeyCredentialData reminded = LifecycleRules.afterSend(own, ownLease, new LifecycleRules.Remind(List.of(7, 1)), true);
        assertThat(reminded.reminderSent(7)).isTrue();
        assertThat(reminded.reminderSent(1)).isTrue();
        assertThat(reminded.mailClaimedUntil()).isNull();

        ApiKeyCredentialData expired = key(NOW - HOUR).withMailClaimedUntil(NOW + 11 * MINUTE);
        ApiKeyCredentialData noticed = LifecycleRules.afterSend(expired, ownLease, new LifecycleRules.NoticeExpired(), true);
        assertThat(noticed.expiryNoticeWasSent()).isTrue();
        assertThat(noticed.mailClaimedUntil()).isEqualTo(NOW + 11 * MINUTE);

        assertThat(LifecycleRules.afterSend(key(NOW + 20 * HOUR), ownLease, new LifecycleRules.Remind(List.of(1)), false)
                .mailClaimedUntil()).as("no lease at all stays none").isNull();
    }

    private static ApiKeyCredentialData key(long expiresAt) {
        return new ApiKeyCredentialData("ci", null, expiresAt, "lk_0", null, null, null);
    }

    private static String describe(LifecycleRules.Step step) {
        if (step instanceof LifecycleRules.Remind remind) {
            return "remind " + String.join(",", remind.days().stream().map(String::valueOf).toList());
        }
        return step instanceof LifecycleRules.Nothing ? "nothing" : step.toString();
    }
}

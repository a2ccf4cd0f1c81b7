package dev.latchkey.apikey.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AbsentUsersTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AbsentUsers absent = new AbsentUsers(now::get);

    @Test
    void remembersAnAbsentUserForTheTimeToLiveOnly() {
        assertThat(absent.isAbsent("realm", "gone")).isFalse();
        absent.remember("realm", "gone");

        now.addAndGet(AbsentUsers.TTL.toMillis() - 1);
        assertThat(absent.isAbsent("realm", "gone")).isTrue();

        now.addAndGet(1);
        assertThat(absent.isAbsent("realm", "gone")).isFalse();
        assertThat(absent.size()).as("an expired id is dropped when seen").isZero();
    }

    @Test
    void anIdIsAbsentOnlyInTheRealmWhereItWasLookedUp() {
        absent.remember("realm-a", "user");

        assertThat(absent.isAbsent("realm-a", "user")).isTrue();
        assertThat(absent.isAbsent("realm-b", "user")).isFalse();
        assertThat(absent.isAbsent("realm-a", "other")).isFalse();
    }

    @Test
    void whenFullDropsExpiredIdsBeforeForgettingLiveOnes() {
        for (int i = 0; i < AbsentUsers.MAX_ENTRIES - 1; i++) {
            absent.remember("realm", "old-" + i);
        }
        now.addAndGet(AbsentUsers.TTL.toMillis());
        absent.remember("realm", "live");

        absent.remember("realm", "one-more");

        assertThat(absent.size()).isEqualTo(2);
        assertThat(absent.isAbsent("realm", "live")).isTrue();
        assertThat(absent.isAbsent("realm", "one-more")).isTrue();
    }

    @Test
    void staysBoundedWhenFedEndlessRandomIds() {
        for (int i = 0; i < AbsentUsers.MAX_ENTRIES * 3; i++) {
            absent.remember("realm", "random-" + i);
        }

        assertThat(absent.size()).isLessThanOrEqualTo(AbsentUsers.MAX_ENTRIES);
        assertThat(absent.isAbsent("realm", "random-" + (AbsentUsers.MAX_ENTRIES * 3 - 1))).isTrue();
    }
}

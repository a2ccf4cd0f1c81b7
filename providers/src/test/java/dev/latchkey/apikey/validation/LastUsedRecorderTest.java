package dev.latchkey.apikey.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.apikey.credential.ApiKeyCredentialData;
import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.credential.ApiKeySecretData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

class LastUsedRecorderTest {

    private static final long HOUR = 3_600_000L;

    @Test
    @DisplayName("Given no recorded use or one older than the granularity, then a use is due; a recent one is not")
    void dueOncePerGranularity() {
        assertThat(LastUsedRecorder.isDue(null, 1_000L, HOUR)).isTrue();
        assertThat(LastUsedRecorder.isDue(0L, HOUR, HOUR)).isTrue();
        assertThat(LastUsedRecorder.isDue(1L, HOUR, HOUR)).isFalse();
        // A later flush that finds the time already written (by an earlier flush or another node) writes nothing.
        assertThat(LastUsedRecorder.isDue(5_000L, 5_000L + 60_000L, HOUR)).isFalse();
    }

    @Test
    @DisplayName("Given a key used many times before a flush, then it is noted once; a recently recorded key is not noted")
    void notesEachKeyOnce() {
        LastUsedRecorder recorder = new LastUsedRecorder(HOUR);
        ApiKeyCredentialModel neverUsed = key("a", null);
        ApiKeyCredentialModel usedJustNow = key("b", Time.currentTimeMillis());

        for (int i = 0; i < 3; i++) {
            recorder.noteUse("realm", "user", neverUsed);
            recorder.noteUse("realm", "user", usedJustNow);
        }

        assertThat(recorder.pendingCount()).isEqualTo(1);
    }

    private static ApiKeyCredentialModel key(String id, Long lastUsedAt) {
        return ApiKeyCredentialModel.create(id, 0L,
                new ApiKeyCredentialData("name-" + id, null, Long.MAX_VALUE, "lk_0000", lastUsedAt, null, null),
                new ApiKeySecretData("SHA-256", "aGFzaA=="));
    }
}

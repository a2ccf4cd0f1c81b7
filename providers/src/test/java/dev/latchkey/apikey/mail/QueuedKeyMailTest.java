package dev.latchkey.apikey.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QueuedKeyMailTest {

    @Test
    @DisplayName("Given attributes that are not known (no account link, no User-Agent), then the mail is queued without them")
    void unknownAttributesAreMissingNotAnError() {
        Map<String, Object> model = new HashMap<>();
        model.put("keyHint", "lk_...abcd");
        model.put("accountUrl", null);
        model.put("revokedAt", Instant.EPOCH);

        QueuedKeyMail mail = new QueuedKeyMail("realm", "user", "key", "ci", KeyMail.Kind.REPORTED, model);

        assertThat(mail.model()).containsEntry("keyHint", "lk_...abcd").containsEntry("accountUrl", null)
                .containsEntry("revokedAt", Instant.EPOCH);
    }

    @Test
    @DisplayName("Given the queued mail, then a later change to the caller's map does not reach it, and it cannot be changed")
    void theModelIsACopy() {
        Map<String, Object> model = new HashMap<>(Map.of("keyHint", "lk_...abcd"));
        QueuedKeyMail mail = new QueuedKeyMail("realm", "user", "key", "ci", KeyMail.Kind.CREATED, model);

        model.put("keyHint", "changed");

        assertThat(mail.model()).containsEntry("keyHint", "lk_...abcd");
        assertThatThrownBy(() -> mail.model().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}

package dev.latchkey.it.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.TestUser;

/** What the service behind a proxy saw of a request the proxy let through ({@link EchoUpstream}'s answer). */
final class ForwardedRequest {

    private ForwardedRequest() {
    }

    /**
     * The request arrived as sent, with Latchkey's identity headers for the key's owner (the test realm's owners
     * have a verified {@code <username>@latchkey.test} address and no organization) and never the key itself, in a
     * header or anywhere else.
     */
    static void assertIdentity(JsonNode seen, String method, String path, TestUser owner, String key) {
        assertThat(seen.path("method").asText()).isEqualTo(method);
        assertThat(seen.path("path").asText()).isEqualTo(path);
        JsonNode headers = seen.path("headers");
        assertThat(headers.path("x-latchkey-user-id").asText()).isEqualTo(owner.id());
        assertThat(headers.path("x-latchkey-username").asText()).isEqualTo(owner.username());
        assertThat(headers.path("x-latchkey-email").asText()).isEqualTo(owner.username() + "@latchkey.test");
        assertThat(headers.path("x-latchkey-email-verified").asText()).isEqualTo("true");
        assertThat(headers.path("x-latchkey-roles").asText()).startsWith("api-access,default-roles-");
        assertThat(headers.path("x-latchkey-key-id").asText()).isNotBlank();
        assertThat(headers.has("x-latchkey-organization")).isFalse();
        assertThat(headers.has("authorization")).isFalse();
        assertThat(headers.has("x-api-key")).isFalse();
        assertThat(seen.toString()).doesNotContain(key);
    }
}

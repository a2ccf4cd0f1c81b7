package dev.latchkey.apikey.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.apikey.events.ApiKeyEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key emails' templates and messages as the jar ships them in {@code theme-resources/}, where Keycloak looks
 * for them in every email theme: each email has both forms, and every text it uses exists in every language.
 */
class KeyMailTemplatesTest {

    private static final String TEMPLATES = "theme-resources/templates/";
    private static final String MESSAGES = "theme-resources/messages/messages_%s.properties";
    private static final Pattern MSG = Pattern.compile("msg\\(\"([A-Za-z0-9]+)\"");

    @ParameterizedTest
    @EnumSource(KeyMail.Kind.class)
    @DisplayName("Given each key email, then its html and text templates are in the jar and use only defined texts")
    void templatesExist(KeyMail.Kind kind) {
        Properties english = messages("en");
        assertThat(english).containsKey(kind.subject);
        for (String form : new String[] {"html/", "text/"}) {
            String template = resource(TEMPLATES + form + kind.template);
            assertThat(template).as(form + kind.template).isNotNull();
            Matcher used = MSG.matcher(template);
            while (used.find()) {
                assertThat(english).as(form + kind.template).containsKey(used.group(1));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es"})
    @DisplayName("Given each language, then it has exactly the English texts' keys, none empty")
    void languagesComplete(String language) {
        Properties translated = messages(language);
        assertThat(keys(translated)).isEqualTo(keys(messages("en")));
        assertThat(translated.values()).allSatisfy(value -> assertThat(value.toString()).isNotBlank());
    }

    @Test
    @DisplayName("Given an exception chain, then the event's reason names each message once, outermost first, within 250 characters")
    void failureReason() {
        Exception chain = new Exception("Failed to template email",
                new IllegalStateException("Failed to process template text/x.ftl", new IOException("Template not found")));
        assertThat(ApiKeyEvents.failureReason(chain))
                .isEqualTo("Failed to template email: Failed to process template text/x.ftl: Template not found");
        assertThat(ApiKeyEvents.failureReason(new Exception("same", new Exception("same")))).isEqualTo("same");
        assertThat(ApiKeyEvents.failureReason(new Exception((String) null))).isEqualTo("Exception");
        assertThat(ApiKeyEvents.failureReason(new Exception("x".repeat(400)))).hasSize(250).endsWith("...");
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Properties messages(String language) {
        try (InputStream in = KeyMailTemplatesTest.class.getClassLoader()
                .getResourceAsStream(String.format(MESSAGES, language))) {
            assertThat(in).as(language).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = KeyMailTemplatesTest.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

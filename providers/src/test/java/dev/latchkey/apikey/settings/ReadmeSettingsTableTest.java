package dev.latchkey.apikey.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's realm-settings table is the settings' definition, written out; this keeps the two equal. */
class ReadmeSettingsTableTest {

    private static final String HEADER =
            "| setting | JSON field / realm attribute | type | default | range | effect |";

    @Test
    @DisplayName("Given the README, then its realm-settings table lists exactly the defined settings, in order")
    void readmeTableMatchesTheDefinitions() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        int header = readme.indexOf(HEADER);
        assertThat(header).as("the README has the settings table header").isNotNegative();
        List<String> rows = readme.subList(header + 2, readme.size()).stream()
                .takeWhile(line -> line.startsWith("|"))
                .toList();

        assertThat(rows).as("README rows; expected rows:%n%s", String.join("\n", expectedRows()))
                .containsExactlyElementsOf(expectedRows());
    }

    private static List<String> expectedRows() {
        return Arrays.stream(ApiKeySetting.values())
                .map(s -> "| " + s.label() + " | `" + s.field() + "` / `" + s.attribute() + "` | " + s.typeName()
                        + " | `" + s.defaultValue() + "` | " + s.range() + " | " + s.help() + " |")
                .toList();
    }
}

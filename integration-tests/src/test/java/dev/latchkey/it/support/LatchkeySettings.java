package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A realm's API-key settings through Latchkey's admin endpoint {@code /admin/realms/{realm}/latchkey/settings},
 * as the admin console's tab and the REST API change them (fields {@code enabled}, {@code maxLifetimeDays},
 * {@code role}, {@code maxKeysPerUser}, ...), and the settings as the README documents them.
 */
public final class LatchkeySettings {

    /** The README's realm-settings table (which a unit test keeps equal to the server's definitions). */
    private static final Path README = Path.of("..", "README.md");
    private static final String HEADER = "| setting | JSON field / realm attribute | type | default | range | effect |";
    /** A row: label, `field` / `attribute`, type, `default`. */
    private static final Pattern ROW = Pattern.compile("^\\| [^|]+ \\| `(\\w+)` / `[\\w.]+` \\| ([^|]+) \\| `([^`]*)` \\|");

    private LatchkeySettings() {
    }

    public static JsonNode read(AdminClient admin, String realm) {
        return admin.getJson(path(realm));
    }

    /** Changes the given settings, e.g. {@code Map.of("maxKeysPerUser", 2)}; the change must be accepted. */
    public static void change(AdminClient admin, String realm, Map<String, ?> changes) {
        put(admin, realm, changes).expectStatus(200);
    }

    /** The PUT as given (a Map, a JSON node or a JSON string), for changes that are expected to be refused. */
    public static HttpResult put(AdminClient admin, String realm, Object body) {
        return admin.put(path(realm), body);
    }

    /**
     * The settings of a realm nobody changed, as the README's table documents them, in its order: JSON numbers for
     * integers, booleans for booleans, strings otherwise.
     */
    public static ObjectNode documentedDefaults() {
        ObjectNode defaults = Json.object();
        for (String row : readmeRows()) {
            Matcher cells = ROW.matcher(row);
            if (!cells.find()) {
                throw new IllegalStateException("Unexpected row in the README's settings table: " + row);
            }
            String field = cells.group(1);
            String value = cells.group(3);
            switch (cells.group(2).trim()) {
                case "integer" -> defaults.put(field, Integer.parseInt(value));
                case "boolean" -> defaults.put(field, Boolean.parseBoolean(value));
                default -> defaults.put(field, value);
            }
        }
        return defaults;
    }

    private static List<String> readmeRows() {
        try {
            List<String> readme = Files.readAllLines(README);
            int header = readme.indexOf(HEADER);
            if (header < 0) {
                throw new IllegalStateException("No settings table in " + README.toAbsolutePath());
            }
            return readme.subList(header + 2, readme.size()).stream().takeWhile(line -> line.startsWith("|")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(String realm) {
        return "/realms/" + realm + "/latchkey/settings";
    }
}

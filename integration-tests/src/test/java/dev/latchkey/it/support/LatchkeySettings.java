package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A realm's API-key settings through Latchkey's admin endpoint {@code /admin/realms/{realm}/latchkey/settings},
 * as the admin console's tab and the REST API change them (fields {@code enabled}, {@code maxLifetimeDays},
 * {@code role}, {@code maxKeysPerUser}).
 */
public final class LatchkeySettings {

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

    private static String path(String realm) {
        return "/realms/" + realm + "/latchkey/settings";
    }
}

package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A realm's declarative user profile ({@code /admin/realms/{realm}/users/profile}), changed the way an admin does in
 * the console: read it, change one attribute, write it back.
 */
public final class UserProfileConfig {

    private UserProfileConfig() {
    }

    /**
     * Declares (or redeclares) an attribute everybody may view; {@code editRoles} are {@code admin} and/or {@code user}.
     * With {@code options} the realm only accepts those values (the "options" validator).
     */
    public static void declare(AdminClient admin, String realm, String name, List<String> editRoles,
                               List<String> options) {
        ObjectNode config = (ObjectNode) admin.getJson("/realms/" + realm + "/users/profile");
        ArrayNode attributes = (ArrayNode) config.get("attributes");
        for (int i = attributes.size() - 1; i >= 0; i--) {
            if (name.equals(attributes.get(i).path("name").asText())) {
                attributes.remove(i);
            }
        }
        ObjectNode attribute = attributes.addObject().put("name", name).put("displayName", name)
                .put("multivalued", false);
        ObjectNode permissions = attribute.putObject("permissions");
        permissions.putArray("view").add("admin").add("user");
        ArrayNode edit = permissions.putArray("edit");
        editRoles.forEach(edit::add);
        if (!options.isEmpty()) {
            ArrayNode values = attribute.putObject("validations").putObject("options").putArray("options");
            options.forEach(values::add);
        }
        admin.put("/realms/" + realm + "/users/profile", config).expectStatus(200);
    }

    public static JsonNode get(AdminClient admin, String realm) {
        return admin.getJson("/realms/" + realm + "/users/profile");
    }
}

package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user to create: {@code NewUser.unique("dave").realmRoles("api-access").groups("/sales")}.
 * Defaults fill every field the default user profile requires, so the first login asks for nothing,
 * and a password that meets the demo realm's policy.
 */
public final class NewUser {

    private final String username;
    private String password;
    private String email;
    private boolean emailVerified = true;
    private String firstName;
    private String lastName;
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();
    private final List<String> realmRoles = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();

    private NewUser(String username) {
        this.username = username;
        this.password = "Test-" + AdminClient.randomSuffix() + "-Pw1";
        this.email = username + "@latchkey.test";
        this.firstName = Character.toUpperCase(username.charAt(0)) + username.substring(1).replaceAll("-.*", "");
        this.lastName = "Tester";
    }

    /** Exactly this username. */
    public static NewUser named(String username) {
        return new NewUser(username);
    }

    /** {@code prefix-<random>}, for users in shared realms such as demo. */
    public static NewUser unique(String prefix) {
        return new NewUser(prefix + "-" + AdminClient.randomSuffix());
    }

    public NewUser password(String value) {
        this.password = value;
        return this;
    }

    public NewUser email(String value) {
        this.email = value;
        return this;
    }

    /** Whether the address counts as proven (true unless set otherwise). */
    public NewUser emailVerified(boolean value) {
        this.emailVerified = value;
        return this;
    }

    public NewUser name(String first, String last) {
        this.firstName = first;
        this.lastName = last;
        return this;
    }

    public NewUser attribute(String name, String... values) {
        attributes.put(name, List.of(values));
        return this;
    }

    public NewUser realmRoles(String... roles) {
        realmRoles.addAll(List.of(roles));
        return this;
    }

    /** Group paths, e.g. {@code "/engineering/platform"}. */
    public NewUser groups(String... paths) {
        groups.addAll(List.of(paths));
        return this;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    List<String> realmRoles() {
        return realmRoles;
    }

    ObjectNode representation() {
        ObjectNode user = Json.object()
                .put("username", username)
                .put("enabled", true)
                .put("email", email)
                .put("emailVerified", emailVerified)
                .put("firstName", firstName)
                .put("lastName", lastName);
        ObjectNode attributeNode = user.putObject("attributes");
        attributes.forEach((name, values) -> values.forEach(attributeNode.putArray(name)::add));
        user.putArray("credentials").addObject()
                .put("type", "password").put("value", password).put("temporary", false);
        ArrayNode groupNode = user.putArray("groups");
        groups.forEach(groupNode::add);
        return user;
    }
}

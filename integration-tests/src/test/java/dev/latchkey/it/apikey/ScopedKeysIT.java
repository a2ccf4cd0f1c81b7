package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.AdminClient;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Scoped keys: a key made for some of its owner's roles, or bound to one of their organizations (issue 13). */
@LatchkeyIT
class ScopedKeysIT {

    private static final String INVENTORY = "inventory";

    @AutoClose
    private ApiKeyRealm realm;
    private AdminClient admin;
    private String r;

    @BeforeEach
    void setUp(KeycloakServer server) {
        admin = server.admin();
        realm = new ApiKeyRealm(server);
        r = "/realms/" + realm.name();
        admin.put(r, Json.object().put("organizationsEnabled", true)).expectStatus(204);
    }

    @Test
    @DisplayName("Given a key scoped to a realm role and a client role of another client, then the answer holds exactly those; an unscoped key of the same owner holds every role")
    void realmAndClientRoles() {
        TestUser owner = owner("ops", "dev");
        client(INVENTORY, "reader", "writer");
        grantClientRoles(owner, INVENTORY, "reader", "writer");
        String token = realm.tokenOf(owner);

        JsonNode created = create(token, "scoped", List.of("ops", "inventory/reader"), null).expectStatus(201).json();
        String unscoped = realm.createKey(token, "everything").path("key").asText();

        assertThat(Json.strings(created.path("roles"))).containsExactly("ops", "inventory/reader");
        assertThat(created.path("organization").isNull()).isTrue();
        JsonNode answer = realm.validate(created.path("key").asText());
        assertThat(answer.path("active").asBoolean()).isTrue();
        assertThat(realmRoles(answer)).containsExactly("ops");
        assertThat(answer.path("resource_access")).isEqualTo(Json.parse("{\"inventory\":{\"roles\":[\"reader\"]}}"));

        JsonNode everything = realm.validate(unscoped);
        assertThat(realmRoles(everything)).contains("ops", "dev", ApiKeyRealm.ROLE);
        assertThat(clientRoles(everything, INVENTORY)).containsExactly("reader", "writer");
        assertThat(clientRoles(everything, "account")).isNotEmpty();
    }

    @Test
    @DisplayName("Given a composite role in the scope, then the answer holds what it contains now: a role added to or removed from the composite shows at once")
    void compositeInScope() {
        admin.createRealmRole(realm.name(), "deploy", "Deploys");
        admin.createRealmRole(realm.name(), "rollback", "Rolls back");
        client(INVENTORY, "writer");
        admin.createRealmRole(realm.name(), "maintainer", "Maintains the service");
        addComposites("maintainer", Json.array().add(realmRole("deploy")).add(clientRole(INVENTORY, "writer")));
        TestUser owner = owner("maintainer");
        String key = create(realm.tokenOf(owner), "maintenance", List.of("maintainer"), null).expectStatus(201)
                .json().path("key").asText();

        JsonNode answer = realm.validate(key);
        assertThat(realmRoles(answer)).containsExactly("deploy", "maintainer");
        assertThat(clientRoles(answer, INVENTORY)).containsExactly("writer");

        addComposites("maintainer", Json.array().add(realmRole("rollback")));
        assertThat(realmRoles(realm.validate(key))).containsExactly("deploy", "maintainer", "rollback");

        admin.delete(r + "/roles/maintainer/composites", Json.array().add(realmRole("deploy"))).expectStatus(204);
        JsonNode after = realm.validate(key);
        assertThat(realmRoles(after)).containsExactly("maintainer", "rollback");
        assertThat(clientRoles(after, INVENTORY)).containsExactly("writer");
    }

    @Test
    @DisplayName("Given a scoped role taken from the owner, then it leaves the answer at once and the key stays active; granted again, it is back")
    void scopedRoleLost() {
        TestUser owner = owner("ops", "dev");
        String key = create(realm.tokenOf(owner), "ops-and-dev", List.of("ops", "dev"), null).expectStatus(201)
                .json().path("key").asText();
        assertThat(realmRoles(realm.validate(key))).containsExactly("dev", "ops");

        revokeRealmRole(owner, "ops");
        JsonNode withoutOps = realm.validate(key);
        assertThat(withoutOps.path("active").asBoolean()).isTrue();
        assertThat(realmRoles(withoutOps)).containsExactly("dev");

        revokeRealmRole(owner, "dev");
        JsonNode withNone = realm.validate(key);
        assertThat(withNone.path("active").asBoolean()).as("active while the owner holds the API-access role").isTrue();
        assertThat(realmRoles(withNone)).isEmpty();
        assertThat(withNone.path("resource_access").isEmpty()).isTrue();

        admin.grantRealmRoles(realm.name(), owner.id(), List.of("ops"));
        assertThat(realmRoles(realm.validate(key))).containsExactly("ops");
    }

    @Test
    @DisplayName("Given a key bound to an organization, then it speaks for that one only; the owner leaves: inactive (organization_left); back: active")
    void organizationLeftAndRejoined() {
        TestUser owner = owner();
        String acme = organization("acme");
        String globex = organization("globex");
        addMember(acme, owner);
        addMember(globex, owner);
        String token = realm.tokenOf(owner);
        JsonNode created = create(token, "acme-jobs", null, "acme").expectStatus(201).json();
        String key = created.path("key").asText();
        String unscoped = realm.createKey(token, "everywhere").path("key").asText();

        assertThat(created.path("organization").asText()).isEqualTo("acme");
        assertThat(created.path("roles").isNull()).isTrue();
        JsonNode answer = realm.validate(key);
        assertThat(Json.strings(answer.path("organizations"))).containsExactly("acme");
        assertThat(realmRoles(answer)).contains(ApiKeyRealm.ROLE);
        assertThat(Json.strings(realm.validate(unscoped).path("organizations"))).containsExactly("acme", "globex");

        admin.delete(r + "/organizations/" + acme + "/members/" + owner.id()).expectStatus(204);
        assertThat(realm.validate(key)).isEqualTo(Json.object().put("active", false));
        assertThat(realm.lastValidationFailureReason()).isEqualTo("organization_left");
        assertThat(realm.isActive(unscoped)).isTrue();

        addMember(acme, owner);
        assertThat(realm.isActive(key)).isTrue();
    }

    @Test
    @DisplayName("Given the key's organization disabled, then inactive (organization_left); enabled again, then active")
    void organizationDisabled() {
        TestUser owner = owner();
        String acme = organization("acme");
        addMember(acme, owner);
        String key = create(realm.tokenOf(owner), "acme-jobs", List.of(ApiKeyRealm.ROLE), "acme").expectStatus(201)
                .json().path("key").asText();
        assertThat(realm.isActive(key)).isTrue();

        setOrganizationEnabled(acme, false);
        assertThat(realm.isActive(key)).isFalse();
        assertThat(realm.lastValidationFailureReason()).isEqualTo("organization_left");

        setOrganizationEnabled(acme, true);
        assertThat(realm.isActive(key)).isTrue();
    }

    @Test
    @DisplayName("Given require scoped keys on, then a key without roles is refused and keys made before keep working; off again, then unscoped keys are made")
    void requireScopes() {
        TestUser owner = owner("ops");
        String token = realm.tokenOf(owner);
        String before = realm.createKey(token, "before").path("key").asText();
        assertThat(realm.info(token).expectStatus(200).json().path("requireScopes").asBoolean()).isFalse();

        realm.settings(Map.of("requireScopes", true));

        JsonNode info = realm.info(token).expectStatus(200).json();
        assertThat(info.path("requireScopes").asBoolean()).isTrue();
        assertThat(info.path("maxRoles").asInt()).isEqualTo(100);
        HttpResult refused = create(token, "unscoped", null, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(refused.json().path("error_description").asText()).contains("requires scoped keys").contains("roles");
        create(token, "scoped", List.of("ops"), null).expectStatus(201);
        assertThat(realm.isActive(before)).isTrue();

        realm.settings(Map.of("requireScopes", false));
        create(token, "unscoped", null, null).expectStatus(201);
    }

    @Test
    @DisplayName("Given roles the owner cannot give a key, or 100 long entries full of slashes, then 400 invalid_request naming each offending entry in the description and as params")
    void refusedRoles() {
        admin.createRealmRole(realm.name(), "finance", "Not the owner's");
        client(INVENTORY, "reader", "writer");
        TestUser owner = owner("ops");
        grantClientRoles(owner, INVENTORY, "reader");
        String token = realm.tokenOf(owner);

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("nope", "no realm role of that name");
        cases.put("finance", "not one of your roles");
        cases.put("inventory/writer", "not one of your roles");
        cases.put("inventory/nope", "no role of that name in client 'inventory'");
        cases.put("warehouse/reader", "no client 'warehouse'");
        cases.put("", "not a role name");
        cases.put(" ops", "not a role name");
        cases.put("/reader", "not a role name");
        cases.put("inventory/", "not a role name");
        cases.forEach((entry, why) -> {
            HttpResult result = create(token, "bad", List.of("ops", entry), null);
            assertThat(result.status()).as("[%s]", entry).isEqualTo(400);
            JsonNode error = result.json();
            assertThat(error.path("error").asText()).isEqualTo("invalid_request");
            assertThat(error.path("error_description").asText()).as("[%s]", entry).contains("'" + entry + "' (" + why);
            assertThat(Json.strings(error.path("params"))).as("[%s]", entry).containsExactly(entry);
        });

        JsonNode several = create(token, "bad", Arrays.asList("nope", "ops", null, "finance"), null)
                .expectStatus(400).json();
        assertThat(Json.strings(several.path("params"))).containsExactly("nope", "null", "finance");

        // each split point of an unknown entry is a client lookup the realm cache does not remember: past a few
        // lookups an entry is refused as what it is, not one of the owner's roles, with no lookup at all
        List<String> slashes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            slashes.add("c" + i + "/" + "a/".repeat(248) + "r");
        }
        JsonNode hostile = create(token, "bad", slashes, null).expectStatus(400).json();
        assertThat(hostile.path("error").asText()).isEqualTo("invalid_request");
        assertThat(Json.strings(hostile.path("params"))).containsExactlyElementsOf(slashes);
        assertThat(hostile.path("error_description").asText())
                .contains("'" + slashes.get(99) + "' (not one of your roles)");
        assertThat(realm.list(token).json().size()).as("nothing was created").isZero();
    }

    @Test
    @DisplayName("Given an empty role list, 101 entries or roles as text, then 400; 100 entries are accepted, each role kept once")
    void roleListShape() {
        TestUser owner = owner("ops");
        String token = realm.tokenOf(owner);

        HttpResult empty = create(token, "none", List.of(), null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(empty.json().path("error_description").asText()).contains("at least one role");

        HttpResult tooMany = create(token, "many", Collections.nCopies(101, "ops"), null);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("error_description").asText()).contains("at most 100");

        Map<String, Object> asText = body("text", null, null);
        asText.put("roles", "ops");
        assertThat(realm.create(token, asText).status()).isEqualTo(400);

        JsonNode hundred = create(token, "hundred", Collections.nCopies(100, "ops"), null).expectStatus(201).json();
        assertThat(Json.strings(hundred.path("roles"))).containsExactly("ops");
    }

    @Test
    @DisplayName("Given an organization the owner is not in, an unknown one or a disabled one, then 400 invalid_request naming it")
    void refusedOrganizations() {
        TestUser owner = owner();
        organization("acme");
        String globex = organization("globex");
        addMember(globex, owner);
        setOrganizationEnabled(globex, false);
        String token = realm.tokenOf(owner);

        for (String alias : List.of("acme", "nowhere", "globex", "")) {
            HttpResult result = create(token, "org", null, alias);
            assertThat(result.status()).as(alias).isEqualTo(400);
            assertThat(result.json().path("error").asText()).isEqualTo("invalid_request");
            assertThat(result.json().path("error_description").asText()).contains("'" + alias + "'");
            assertThat(Json.strings(result.json().path("params"))).containsExactly(alias);
        }
    }

    @Test
    @DisplayName("Given scoped and unscoped keys, then the owner's list and the admin's list show roles and organization (null for all and none)")
    void listsShowTheScope() {
        client(INVENTORY, "reader");
        TestUser owner = owner("ops");
        grantClientRoles(owner, INVENTORY, "reader");
        String acme = organization("acme");
        addMember(acme, owner);
        String token = realm.tokenOf(owner);
        create(token, "scoped", List.of("inventory/reader", "ops"), "acme").expectStatus(201);
        realm.createKey(token, "plain");

        for (JsonNode keys : List.of(realm.list(token).expectStatus(200).json(),
                admin.getJson(r + "/latchkey/users/" + owner.id() + "/api-keys"))) {
            JsonNode scoped = Json.find(keys, "name", "scoped");
            assertThat(Json.strings(scoped.path("roles"))).containsExactly("inventory/reader", "ops");
            assertThat(scoped.path("organization").asText()).isEqualTo("acme");
            JsonNode plain = Json.find(keys, "name", "plain");
            assertThat(plain.has("roles")).isTrue();
            assertThat(plain.path("roles").isNull()).isTrue();
            assertThat(plain.path("organization").isNull()).isTrue();
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** A user with the API-access role and the given realm roles (created when missing). */
    private TestUser owner(String... realmRoles) {
        for (String role : realmRoles) {
            if (admin.get(r + "/roles/" + role).status() == 404) {
                admin.createRealmRole(realm.name(), role, "Role " + role);
            }
        }
        List<String> roles = new ArrayList<>(List.of(realmRoles));
        roles.add(ApiKeyRealm.ROLE);
        return admin.createUser(realm.name(), NewUser.unique("owner").realmRoles(roles.toArray(String[]::new)));
    }

    private HttpResult create(String token, String name, List<String> roles, String organization) {
        return realm.create(token, body(name, roles, organization));
    }

    private static Map<String, Object> body(String name, List<String> roles, String organization) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("expiresAt", ApiKeyRealm.inDays(30));
        if (roles != null) {
            body.put("roles", roles);
        }
        if (organization != null) {
            body.put("organization", organization);
        }
        return body;
    }

    private void client(String clientId, String... roles) {
        String uuid = admin.createClient(realm.name(), Json.object().put("clientId", clientId).put("publicClient", false)
                .put("standardFlowEnabled", false));
        for (String role : roles) {
            admin.post(r + "/clients/" + uuid + "/roles", Json.object().put("name", role)).expectStatus(201);
        }
    }

    private JsonNode realmRole(String name) {
        return admin.getJson(r + "/roles/" + name);
    }

    private JsonNode clientRole(String clientId, String name) {
        return admin.getJson(r + "/clients/" + admin.clientUuid(realm.name(), clientId) + "/roles/" + name);
    }

    private void addComposites(String composite, ArrayNode roles) {
        admin.post(r + "/roles/" + composite + "/composites", roles).expectStatus(204);
    }

    private void grantClientRoles(TestUser user, String clientId, String... roles) {
        ArrayNode mappings = Json.array();
        for (String role : roles) {
            mappings.add(clientRole(clientId, role));
        }
        admin.post(r + "/users/" + user.id() + "/role-mappings/clients/" + admin.clientUuid(realm.name(), clientId),
                mappings).expectStatus(204);
    }

    private void revokeRealmRole(TestUser user, String role) {
        admin.delete(r + "/users/" + user.id() + "/role-mappings/realm", Json.array().add(realmRole(role)))
                .expectStatus(204);
    }

    private String organization(String alias) {
        return AdminClient.createdId(admin.post(r + "/organizations", Json.object().put("name", alias).put("alias", alias)
                .set("domains", Json.array().add(Json.object().put("name", alias + ".test")))).expectStatus(201));
    }

    private void addMember(String organizationId, TestUser user) {
        admin.post(r + "/organizations/" + organizationId + "/members", "\"" + user.id() + "\"").expectStatus(201);
    }

    private void setOrganizationEnabled(String organizationId, boolean enabled) {
        JsonNode organization = admin.getJson(r + "/organizations/" + organizationId);
        admin.put(r + "/organizations/" + organizationId,
                ((ObjectNode) organization).put("enabled", enabled)).expectStatus(204);
    }

    private static List<String> realmRoles(JsonNode answer) {
        return Json.strings(answer.path("realm_access").path("roles"));
    }

    private static List<String> clientRoles(JsonNode answer, String clientId) {
        return Json.strings(answer.path("resource_access").path(clientId).path("roles"));
    }
}

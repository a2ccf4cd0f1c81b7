package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real LDAP server for federation tests: UnboundID's in-memory directory, in this JVM, on a free port of localhost
 * (the Keycloak process connects to it like to any directory). Users are {@code inetOrgPerson} entries under
 * {@code ou=people}; passwords are kept as given, and a bind checks them, so a test can prove that a password change
 * reached the directory. Close it to stop the server.
 */
public final class LdapDirectory implements AutoCloseable {

    public static final String BASE_DN = "dc=latchkey,dc=test";
    public static final String PEOPLE_DN = "ou=people," + BASE_DN;
    private static final String ADMIN_DN = "cn=Directory Manager";
    private static final String ADMIN_PASSWORD = "directory-admin-secret";

    private final InMemoryDirectoryServer server;

    private LdapDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    public static LdapDirectory start() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.addAdditionalBindCredentials(ADMIN_DN, ADMIN_PASSWORD);
            // port 0: the system picks a free one
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: latchkey");
            server.add("dn: " + PEOPLE_DN, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
            server.startListening();
            return new LdapDirectory(server);
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("Cannot start the in-memory LDAP server", e);
        }
    }

    public String url() {
        return "ldap://localhost:" + server.getListenPort();
    }

    public static String userDn(String uid) {
        return "uid=" + uid + "," + PEOPLE_DN;
    }

    public void addUser(String uid, String password, String firstName, String lastName, String email) {
        try {
            server.add("dn: " + userDn(uid),
                    "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                    "objectClass: inetOrgPerson",
                    "uid: " + uid, "cn: " + firstName + " " + lastName, "givenName: " + firstName,
                    "sn: " + lastName, "mail: " + email, "userPassword: " + password);
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("Cannot add " + uid + " to the LDAP server", e);
        }
    }

    /** A simple bind as the user, exactly what an LDAP client that checks a password does. */
    public boolean canBind(String uid, String password) {
        try (LDAPConnection connection = server.getConnection()) {
            connection.bind(userDn(uid), password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw new IllegalStateException("Bind as " + uid + " failed unexpectedly", e);
        }
    }

    /**
     * The Keycloak user-storage component for this directory ({@code POST /admin/realms/{realm}/components}).
     *
     * @param editMode {@code READ_ONLY}, {@code WRITABLE} or {@code UNSYNCED}
     */
    public ObjectNode keycloakComponent(String realmId, String displayName, String editMode) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("enabled", "true");
        config.put("priority", "0");
        config.put("vendor", "other");
        config.put("editMode", editMode);
        config.put("connectionUrl", url());
        config.put("authType", "simple");
        config.put("bindDn", ADMIN_DN);
        config.put("bindCredential", ADMIN_PASSWORD);
        config.put("usersDn", PEOPLE_DN);
        config.put("searchScope", "1");
        config.put("usernameLDAPAttribute", "uid");
        config.put("rdnLDAPAttribute", "uid");
        config.put("uuidLDAPAttribute", "entryUUID");
        config.put("userObjectClasses", "inetOrgPerson, organizationalPerson");
        config.put("importEnabled", "true");
        config.put("syncRegistrations", "false");
        config.put("trustEmail", "true");
        config.put("pagination", "false");
        config.put("connectionPooling", "false");
        config.put("useTruststoreSpi", "never");
        config.put("validatePasswordPolicy", "false");
        config.put("usePasswordModifyExtendedOp", "false");
        config.put("allowKerberosAuthentication", "false");
        config.put("useKerberosForPasswordAuthentication", "false");
        config.put("cachePolicy", "DEFAULT");

        ObjectNode component = Json.object()
                .put("name", displayName)
                .put("providerId", "ldap")
                .put("providerType", "org.keycloak.storage.UserStorageProvider")
                .put("parentId", realmId);
        ObjectNode configNode = component.putObject("config");
        config.forEach((key, value) -> {
            ArrayNode values = configNode.putArray(key);
            List.of(value).forEach(values::add);
        });
        return component;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}

package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

/**
 * What every API-key test realm holds, on the single server and on the cluster alike: the role that may use keys,
 * a confidential service client that validates them, and a direct-grant client for user tokens without a browser.
 */
public final class ApiKeyFixture {

    public static final String ROLE = "api-access";
    public static final String SERVICE = "billing-service";
    public static final String SERVICE_SECRET = "billing-secret-0123456789";
    public static final String CLI = "test-cli";
    /** The client attribute that lets a client other than the account console create keys (README). */
    public static final String MINTING_ATTRIBUTE = "latchkey.createApiKeys";

    private ApiKeyFixture() {
    }

    /** The representation of {@value #SERVICE}: confidential, with a service account, no user logins. */
    public static ObjectNode serviceClient() {
        return Json.object()
                .put("clientId", SERVICE)
                .put("publicClient", false)
                .put("secret", SERVICE_SECRET)
                .put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", false);
    }

    /**
     * The representation of {@value #CLI}: a public client with the password grant, for user tokens without a
     * browser, which the realm's admin allowed to create keys (client attribute {@value #MINTING_ATTRIBUTE}; without
     * it only the account console may).
     */
    public static ObjectNode cliClient() {
        ObjectNode client = Json.object()
                .put("clientId", CLI)
                .put("publicClient", true)
                .put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false);
        client.putObject("attributes").put(MINTING_ATTRIBUTE, "true");
        return client;
    }

    /** {@code POST /realms/{realm}/latchkey/api-keys/introspect} as {@value #SERVICE}, with HTTP Basic. */
    public static HttpResult introspect(KeycloakServer server, String realm, String key) {
        return server.http().post(server.url("/realms/" + realm + "/latchkey/api-keys/introspect"))
                .header("Authorization", basic(SERVICE, SERVICE_SECRET))
                .form(Map.of("token", key))
                .send();
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An expiration date this many days from today (UTC), as the create request takes it. */
    public static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }
}

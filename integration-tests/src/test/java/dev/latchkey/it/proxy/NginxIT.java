package dev.latchkey.it.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.it.support.Http;
import dev.latchkey.it.support.HttpResult;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.TestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A real nginx (auth_request, the configuration of {@code src/test/resources/proxy}) in front of a real service,
 * with keys checked by Latchkey; clients are the JDK's HTTP client, curl and git.
 */
@LatchkeyIT
class NginxIT {

    @AutoClose
    private ProxyRealm realm;
    @AutoClose
    private EchoUpstream upstream;
    @AutoClose
    private Nginx nginx;
    private KeycloakServer server;
    private TestUser owner;
    private String key;

    @BeforeEach
    void setUp(KeycloakServer server) throws IOException {
        this.server = server;
        realm = new ProxyRealm(server);
        owner = realm.userWithRole();
        key = realm.key(owner);
        upstream = new EchoUpstream();
        nginx = new Nginx(server, realm.name(), upstream.port());
    }

    @Test
    @DisplayName("Given a key, then the service gets the request with who it is for, never the key nor forged headers")
    void keyPassesWithIdentity() {
        for (Map<String, String> presented : List.of(Map.of("X-Api-Key", key), Map.of("Authorization", "Bearer " + key))) {
            Http.Call call = server.http().post(nginx.url() + "/app/orders?page=2")
                    .header("X-Latchkey-User-Id", "forged-admin-id")
                    .header("X-Latchkey-Organization", "forged-org")
                    .body("application/json", "{\"order\":1}");
            presented.forEach(call::header);
            HttpResult answer = call.send();

            assertThat(answer.status()).as("%s", presented.keySet()).isEqualTo(200);
            ForwardedRequest.assertIdentity(answer.json(), "POST", "/app/orders", owner, key);
        }
    }

    @Test
    @DisplayName("Given no key or a bad one, then nginx answers 401 with Latchkey's challenge and the service sees nothing")
    void refusedNeverReachesTheService() {
        int before = upstream.requests();
        HttpResult none = server.http().get(nginx.url() + "/app/orders").send();
        HttpResult bad = server.http().get(nginx.url() + "/app/orders").header("X-Api-Key", key + "x").send();

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate"))
                .contains("Bearer realm=\"" + realm.name() + "\", Basic realm=\"" + realm.name() + "\"");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.header("WWW-Authenticate")).contains("Bearer realm=\"" + realm.name() + "\"");
        assertThat(upstream.requests()).isEqualTo(before);
    }

    @Test
    @DisplayName("Given a location that requires role ops, then 403 for a key without it, 200 for one with it")
    void requiredRole() {
        realm.admin().createRealmRole(realm.name(), "ops", "Operations");
        TestUser operator = realm.user(NewUser.unique("operator").realmRoles("ops"));
        String operatorKey = realm.key(operator);
        int before = upstream.requests();

        HttpResult forbidden = server.http().get(nginx.url() + "/ops/deploy").header("X-Api-Key", key).send();
        HttpResult allowed = server.http().get(nginx.url() + "/ops/deploy").header("X-Api-Key", operatorKey).send();

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().path("headers").path("x-latchkey-roles").asText()).contains("ops");
        assertThat(upstream.requests() - before).isEqualTo(1);
    }

    @Test
    @DisplayName("Given a per-key limit of one request a minute, then a key's second request is a 429; other keys, the owner's too, still pass")
    void perKeyRateLimit() {
        TestUser other = realm.userWithRole();
        String otherKey = realm.key(other);
        String ownersSecondKey = realm.key(owner);
        int before = upstream.requests();

        HttpResult first = server.http().get(nginx.url() + "/limited/orders").header("X-Api-Key", key).send();
        HttpResult second = server.http().get(nginx.url() + "/limited/orders").header("X-Api-Key", key).send();
        HttpResult otherOwner = server.http().get(nginx.url() + "/limited/orders").header("X-Api-Key", otherKey).send();
        HttpResult sameOwner = server.http().get(nginx.url() + "/limited/orders")
                .header("Authorization", "Bearer " + ownersSecondKey).send();
        HttpResult bad = server.http().get(nginx.url() + "/limited/orders").header("X-Api-Key", key + "x").send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("headers").path("x-latchkey-user-id").asText()).isEqualTo(owner.id());
        assertThat(first.json().path("headers").has("x-api-key")).isFalse();
        assertThat(second.status()).isEqualTo(429);
        assertThat(otherOwner.status()).isEqualTo(200);
        assertThat(otherOwner.json().path("headers").path("x-latchkey-user-id").asText()).isEqualTo(other.id());
        assertThat(sameOwner.status()).isEqualTo(200);
        // the check comes first: a bad key is refused, not counted
        assertThat(bad.status()).isEqualTo(401);
        assertThat(upstream.requests() - before).isEqualTo(3);
    }

    @Test
    @DisplayName("Given a user with a non-ASCII name and email, then the service gets both percent-encoded")
    void nonAsciiThroughNginx() {
        TestUser jorg = realm.user(NewUser.unique("jörg").email("jörg-" + System.nanoTime() + "@latchkey.test"));
        String jorgKey = realm.key(jorg);

        HttpResult answer = server.http().get(nginx.url() + "/app/").header("X-Api-Key", jorgKey).send();

        assertThat(answer.status()).isEqualTo(200);
        JsonNode headers = answer.json().path("headers");
        assertThat(headers.path("x-latchkey-username").asText()).isEqualTo(jorg.username().replace("ö", "%C3%B6"));
        assertThat(headers.path("x-latchkey-email").asText()).startsWith("j%C3%B6rg-");
    }

    @Test
    @DisplayName("Given curl -u with the owner's name and the key, then 200; another name or a bad key is 401")
    void curlBasic() {
        Command ok = curl(owner.username() + ":" + key, "/app/report");
        Command otherName = curl("someone-else:" + key, "/app/report");
        Command badKey = curl(owner.username() + ":" + key.substring(0, key.length() - 1), "/app/report");

        assertThat(ok.output()).endsWith("\n200");
        JsonNode seen = Json.parse(ok.output().substring(0, ok.output().lastIndexOf('\n')));
        assertThat(seen.path("headers").path("x-latchkey-username").asText()).isEqualTo(owner.username());
        assertThat(otherName.output()).endsWith("\n401");
        assertThat(badKey.output()).endsWith("\n401");
        // nginx logs the Basic user name as $remote_user: the owner's name, never the key
        assertThat(nginx.accessLog()).contains(" - " + owner.username() + " [").doesNotContain(key);
    }

    @Test
    @DisplayName("Given git clone http://owner:key@host/repo.git behind nginx, then it clones; a bad key or none fails")
    void gitCloneWithBasic() throws IOException {
        Path home = Files.createDirectories(nginx.dir().resolve("home"));
        Map<String, String> env = Map.of("HOME", home.toString(), "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_TERMINAL_PROMPT", "0", "GIT_ASKPASS", "/bin/false");
        Files.createDirectories(nginx.dir().resolve("git"));
        Files.writeString(home.resolve("README.txt"), "served through nginx\n");
        git(home, env, "init", "-q", "-b", "main", "work");
        Files.copy(home.resolve("README.txt"), home.resolve("work/README.txt"));
        git(home.resolve("work"), env, "add", "README.txt");
        git(home.resolve("work"), env, "-c", "user.name=Test", "-c", "user.email=t@latchkey.test", "commit", "-q", "-m", "first");
        git(home, env, "clone", "-q", "--bare", "work", nginx.dir().resolve("git/repo.git").toString());
        git(nginx.dir().resolve("git/repo.git"), env, "update-server-info");
        String host = nginx.url().substring("http://".length());

        Command cloned = Command.run(home, env, null, "git", "clone", "-q",
                "http://" + owner.username() + ":" + key + "@" + host + "/repo.git", "clone-ok");
        Command badKey = Command.run(home, env, null, "git", "clone", "-q",
                "http://" + owner.username() + ":" + key + "x@" + host + "/repo.git", "clone-bad");
        Command anonymous = Command.run(home, env, null, "git", "clone", "-q", "http://" + host + "/repo.git", "clone-none");

        assertThat(cloned.exitCode()).as(cloned.output()).isZero();
        assertThat(Files.readString(home.resolve("clone-ok/README.txt"))).isEqualTo("served through nginx\n");
        assertThat(badKey.exitCode()).isNotZero();
        assertThat(badKey.output()).contains("Authentication failed").doesNotContain(key);
        assertThat(anonymous.exitCode()).isNotZero();
    }

    /** curl with the user and key in a config read from stdin, so the key is not in the process's arguments. */
    private Command curl(String userAndKey, String path) {
        return Command.run(nginx.dir(), Map.of(), "user = \"" + userAndKey + "\"\n", "curl", "-s", "-K", "-",
                "-w", "\n%{http_code}", nginx.url() + path);
    }

    private static void git(Path workDir, Map<String, String> env, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Command result = Command.run(workDir, env, null, command);
        assertThat(result.exitCode()).as("git %s: %s", List.of(args), result.output()).isZero();
    }
}

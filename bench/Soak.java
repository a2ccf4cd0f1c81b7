import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The soak client of bench/soak.sh (run as {@code java bench/Soak.java BASE_URL KEYCLOAK_PID SECONDS CLIENTS}):
 * creates a realm with users and API keys through the REST API, validates keys as fast as the server answers for
 * SECONDS with CLIENTS concurrent connections, and compares the server's heap after a full GC before and after.
 * Exits 1 when any answer was wrong or the heap after GC grew by more than {@value #MAX_GROWTH_MB} MB.
 */
public class Soak {

    static final int MAX_GROWTH_MB = 16;
    static final int USERS = 5;
    static final int KEYS_PER_USER = 2;
    static final String REALM = "soak";
    static final String SERVICE = "soak-service";
    static final String SECRET = "soak-service-secret";
    static final String PASSWORD = "Soak-Pw-1";
    static final Pattern HEAP_USED = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;

    Soak(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        Soak soak = new Soak(base);

        Map<String, Boolean> keys = soak.setUp();
        System.out.printf("Realm '%s': %d users, %d keys (%d active, %d refused)%n", REALM, USERS, keys.size(),
                keys.values().stream().filter(a -> a).count(), keys.values().stream().filter(a -> !a).count());

        System.out.println("Warm-up: 10 s");
        soak.load(keys, 10, clients);
        long before = heapAfterGc(pid);

        System.out.printf("Soak: %d s, %d concurrent clients, against %s%n", seconds, clients, base);
        Result result = soak.load(keys, seconds, clients);
        long after = heapAfterGc(pid);

        long growthKb = after - before;
        System.out.println();
        System.out.printf("requests      %d (%.0f/s)%n", result.requests, result.requests / (double) seconds);
        System.out.printf("errors        %d%n", result.errors.size());
        result.errors.stream().limit(5).forEach(e -> System.out.println("  " + e));
        System.out.printf("latency       p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                result.percentile(50), result.percentile(99), result.percentile(100));
        System.out.printf("heap after GC %d MB before, %d MB after: %+d KB (limit +%d MB)%n",
                before / 1024, after / 1024, growthKb, MAX_GROWTH_MB);
        boolean ok = result.errors.isEmpty() && growthKb <= MAX_GROWTH_MB * 1024L;
        System.out.println(ok ? "SOAK PASSED" : "SOAK FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** The realm, its users and their keys; the map says which keys must validate as active. */
    Map<String, Boolean> setUp() throws Exception {
        String admin = token("master", "admin-cli", "admin", "admin");
        send(request("/admin/realms/" + REALM).DELETE().header("Authorization", "Bearer " + admin));
        StringBuilder users = new StringBuilder();
        for (int i = 1; i <= USERS; i++) {
            users.append(i > 1 ? "," : "").append(("""
                    {"username":"soak-%d","enabled":true,"email":"soak-%d@latchkey.test","emailVerified":true,
                     "firstName":"Soak","lastName":"User %d","realmRoles":["api-access","default-roles-soak"],
                     "credentials":[{"type":"password","value":"%s","temporary":false}]}""")
                    .formatted(i, i, i, PASSWORD));
        }
        String realm = ("""
                {"realm":"%s","enabled":true,"attributes":{"latchkey.apiKeys.enabled":"true"},
                 "roles":{"realm":[{"name":"api-access"}]},
                 "clients":[{"clientId":"%s","publicClient":false,"secret":"%s","serviceAccountsEnabled":true,
                             "standardFlowEnabled":false},
                            {"clientId":"soak-cli","publicClient":true,"directAccessGrantsEnabled":true,
                             "standardFlowEnabled":false,"attributes":{"latchkey.createApiKeys":"true"}}],
                 "users":[%s]}""").formatted(REALM, SERVICE, SECRET, users);
        expect(201, send(request("/admin/realms").POST(HttpRequest.BodyPublishers.ofString(realm))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")));

        Map<String, Boolean> keys = new java.util.LinkedHashMap<>();
        String expiresAt = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        for (int i = 1; i <= USERS; i++) {
            String user = token(REALM, "soak-cli", "soak-" + i, PASSWORD);
            for (int k = 1; k <= KEYS_PER_USER; k++) {
                String body = "{\"name\":\"key-" + k + "\",\"expiresAt\":\"" + expiresAt + "\"}";
                String created = expect(201, send(request("/realms/" + REALM + "/latchkey/me/api-keys")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Authorization", "Bearer " + user).header("Content-Type", "application/json")));
                String key = field(created, "key");
                keys.put(key, true);
                // the same key with its last checksum digit changed: refused before any lookup
                char last = key.charAt(key.length() - 1);
                keys.put(key.substring(0, key.length() - 1) + (last == 'a' ? 'b' : 'a'), false);
            }
        }
        return keys;
    }

    Result load(Map<String, Boolean> keys, int seconds, int clients) throws InterruptedException {
        List<Map.Entry<String, Boolean>> entries = new ArrayList<>(keys.entrySet());
        String basic = "Basic " + Base64.getEncoder().encodeToString((SERVICE + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong requests = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            Thread thread = new Thread(() -> {
                long[] nanos = new long[1 << 16];
                int n = 0;
                for (int i = offset; System.nanoTime() < end; i++) {
                    Map.Entry<String, Boolean> entry = entries.get(i % entries.size());
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> answer = send(request("/realms/" + REALM + "/latchkey/api-keys/introspect")
                                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)))
                                .header("Authorization", basic)
                                .header("Content-Type", "application/x-www-form-urlencoded"));
                        boolean active = answer.body().startsWith("{\"active\":true");
                        if (answer.statusCode() != 200 || active != entry.getValue()) {
                            errors.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (Exception e) {
                        errors.add(e.toString());
                    }
                    if (n == nanos.length) {
                        nanos = Arrays.copyOf(nanos, n * 2);
                    }
                    nanos[n++] = System.nanoTime() - start;
                    requests.incrementAndGet();
                }
                latencies.add(Arrays.copyOf(nanos, n));
            }, "soak-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(requests.get(), List.copyOf(errors), all);
    }

    record Result(long requests, List<String> errors, long[] sortedNanos) {
        double percentile(int p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1_000_000.0;
        }
    }

    /** Two full GCs in the server (jcmd GC.run), then the heap in use, in KB, from jcmd GC.heap_info. */
    static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher matcher = HEAP_USED.matcher(info);
        if (!matcher.find()) {
            throw new IllegalStateException("Cannot read the heap from jcmd GC.heap_info:\n" + info);
        }
        System.out.println("jcmd " + pid + " GC.heap_info: " + matcher.group().trim());
        return Long.parseLong(matcher.group(2));
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + output);
        }
        return output;
    }

    String token(String realm, String clientId, String username, String password) throws Exception {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password)
                .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return field(expect(200, send(request("/realms/" + realm + "/protocol/openid-connect/token")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded"))), "access_token");
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Expected " + status + " from " + response.uri() + " but got "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A string field of a flat JSON answer; enough for tokens and keys, which need no escaping. */
    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }
}

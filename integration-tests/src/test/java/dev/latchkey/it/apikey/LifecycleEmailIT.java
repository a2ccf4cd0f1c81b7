package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.MailServer;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.RawRequest;
import dev.latchkey.it.support.TestClock;
import dev.latchkey.it.support.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key emails, through the realm's SMTP settings to a real SMTP server in the test JVM: the notice of a new key,
 * the reminders before expiry and the notice on expiry, each once, in the owner's language, never with the key.
 */
@LatchkeyIT
class LifecycleEmailIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String FORGED_HOST = "phishing.example";
    /** Test-only email themes (src/test/email-themes): a realm's own theme that overrides texts, a broken one. */
    private static final String CORPORATE_THEME = "latchkey-test-corporate";
    private static final String BROKEN_THEME = "latchkey-test-broken";

    @AutoClose
    private ApiKeyRealm realm;
    @AutoClose
    private MailServer mail;
    private final List<AutoCloseable> blackHoles = new ArrayList<>();

    @BeforeEach
    void setUp(KeycloakServer server) {
        mail = new MailServer();
        realm = new ApiKeyRealm(server);
        realm.updateRealm(realmEmail(mail.realmSmtp()));
    }

    @AfterEach
    void closeBlackHoles() throws Exception {
        for (AutoCloseable hole : blackHoles) {
            hole.close();
        }
    }

    @Test
    @DisplayName("Given a user whose language is German, then creating a key sends them one German notice with the key's name, the address and browser, never the key")
    void creationNoticeInTheOwnersLanguage(KeycloakServer server) {
        realm.admin().setRealmAttributes(realm.name(), Map.of("frontendUrl", server.baseUrl()));
        TestUser owner = realm.admin().createUser(realm.name(),
                NewUser.unique("anna").realmRoles(ApiKeyRealm.ROLE).attribute("locale", "de"));
        String address = email(owner);

        JsonNode created = realm.http().post(realm.url("/me/api-keys")).bearer(realm.tokenOf(owner))
                .header("User-Agent", "LatchkeyTestBrowser/1.0")
                .json(Map.of("name", "deploy-bot", "expiresAt", ApiKeyRealm.inDays(30))).send().expectStatus(201).json();

        MimeMessage notice = mail.await(address, LIMIT, m -> MailServer.subject(m).contains("deploy-bot"));
        assertThat(MailServer.subject(notice)).isEqualTo("Ein neuer API-Schlüssel „deploy-bot“ wurde Ihrem Konto hinzugefügt");
        String body = MailServer.decodedBody(notice);
        assertThat(body).contains("text/plain").contains("text/html")
                .contains("deploy-bot").contains(created.path("hint").asText())
                .contains("LatchkeyTestBrowser/1.0").contains("127.0.0.1")
                .contains(server.baseUrl() + "/realms/" + realm.name() + "/account/")
                .contains("Wenn Sie das nicht waren");
        assertThat(MailServer.everything(notice)).doesNotContain(created.path("key").asText())
                .doesNotContain(created.path("key").asText().substring(20, 60));
        TestClock.runLifecycle(server);
        assertThat(mail.to(address)).hasSize(1);
    }

    @Test
    @DisplayName("Given a key expiring in 20 hours, then its owner gets one reminder (the 1-day one) and no more; a rotation sends a notice")
    void reminderOnce(KeycloakServer server) {
        TestUser owner = realm.userWithRole();
        String address = email(owner);
        String token = realm.tokenOf(owner);
        Instant expiresAt = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode key = realm.create(token, Map.of("name", "nightly", "expiresAt", expiresAt.toString()))
                .expectStatus(201).json();

        MimeMessage reminder = mail.await(address, LIMIT, m -> MailServer.subject(m).contains("expires soon"));
        assertThat(MailServer.subject(reminder)).isEqualTo("Your API key \"nightly\" expires soon");
        assertThat(MailServer.decodedBody(reminder)).contains(key.path("hint").asText());
        assertThat(MailServer.everything(reminder)).doesNotContain(key.path("key").asText());
        TestClock.runLifecycle(server);
        assertThat(subjects(address)).containsExactlyInAnyOrder(
                "A new API key \"nightly\" was added to your account", "Your API key \"nightly\" expires soon");

        realm.rotate(token, key.path("id").asText(), Map.of("expiresAt", ApiKeyRealm.inDays(30), "graceSeconds", 60))
                .expectStatus(201);
        MimeMessage rotated = mail.await(address, LIMIT, m -> MailServer.subject(m).contains("rotated"));
        assertThat(MailServer.decodedBody(rotated)).contains("nightly").contains("keeps working until");
        TestClock.runLifecycle(server);
        assertThat(mail.to(address)).as("the replaced key gets no more reminders, the new one needs none yet").hasSize(3);
    }

    @Test
    @DisplayName("Given a key expiring in 20 hours, then its owner gets the reminder before and, a day later on the server's clock, the expiry notice, each once")
    void expiryNoticeOnce(KeycloakServer server) {
        TestUser owner = realm.userWithRole();
        String address = email(owner);
        Instant expiresAt = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        realm.create(realm.tokenOf(owner), Map.of("name", "brief", "expiresAt", expiresAt.toString())).expectStatus(201);

        mail.await(address, LIMIT, m -> MailServer.subject(m).contains("expires soon"));
        try (TestClock clock = TestClock.ahead(server, Duration.ofHours(21))) {
            clock.runLifecycle();
            mail.await(address, LIMIT, subjectIs("Your API key \"brief\" has expired"));
            clock.runLifecycle();
        }
        assertThat(subjects(address)).containsExactlyInAnyOrder("A new API key \"brief\" was added to your account",
                "Your API key \"brief\" expires soon", "Your API key \"brief\" has expired");
    }

    @Test
    @DisplayName("Given an SMTP server that accepts connections and never answers, then creating a key does not wait for it, each failed email is an event of the owner; the reminder it could not send comes once SMTP works")
    void brokenSmtpDelaysNothingAndLosesNothing(KeycloakServer server) {
        BlackHole hole = blackHole();
        // long timeouts: a send can end only when the test closes the hole, so the order below is certain
        realm.updateRealm(realmEmail(MailServer.realmSmtp(hole.port()).put("connectionTimeout", "600000")
                .put("timeout", "600000").put("writeTimeout", "600000")));
        TestUser owner = realm.userWithRole();
        String address = email(owner);
        Instant expiresAt = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        // the answer comes while the notice's send is still held open: a create never waits for the mail server
        realm.create(realm.tokenOf(owner), Map.of("name", "patient", "expiresAt", expiresAt.toString())).expectStatus(201);
        hole.awaitConnection(LIMIT);
        assertThat(realm.admin().events(realm.name(), Map.of("type", "UPDATE_CREDENTIAL_ERROR", "user", owner.id())))
                .as("no send has ended yet").isEmpty();
        hole.close();
        assertThat(awaitEmailFailure(owner, "created").path("details").path("reason").asText()).isNotBlank();
        assertThat(awaitEmailFailure(owner, "expiring").path("error").asText()).isEqualTo("email_send_failed");
        assertThat(mail.to(address)).isEmpty();

        realm.updateRealm(realmEmail(mail.realmSmtp()));
        mail.await(address, LIMIT, m -> MailServer.subject(m).contains("expires soon"));
        TestClock.runLifecycle(server);
        assertThat(subjects(address)).containsExactly("Your API key \"patient\" expires soon");
    }

    @Test
    @DisplayName("Given the owner disabled, then no reminder is sent; given reminder days empty, then none either")
    void noReminderForDisabledUsersOrWhenOff(KeycloakServer server) {
        TestUser disabled = realm.userWithRole();
        TestUser other = realm.userWithRole();
        Instant expiresAt = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String disabledToken = realm.tokenOf(disabled);
        realm.settings(Map.of("reminderDays", ""));
        realm.create(realm.tokenOf(other), Map.of("name", "quiet", "expiresAt", expiresAt.toString())).expectStatus(201);
        realm.create(disabledToken, Map.of("name", "gone", "expiresAt", expiresAt.toString())).expectStatus(201);
        mail.await(email(disabled), LIMIT, m -> MailServer.subject(m).contains("was added"));
        ObjectNode user = (ObjectNode) realm.admin().user(realm.name(), disabled.id());
        realm.admin().put("/realms/" + realm.name() + "/users/" + disabled.id(), user.put("enabled", false))
                .expectStatus(204);
        mail.await(email(other), LIMIT, m -> MailServer.subject(m).contains("was added"));
        TestClock.runLifecycle(server);
        assertThat(mail.to(email(other))).hasSize(1);

        realm.settings(Map.of("reminderDays", "7,1"));
        mail.await(email(other), LIMIT, m -> MailServer.subject(m).contains("expires soon"));
        TestClock.runLifecycle(server);
        assertThat(subjects(email(disabled))).containsExactly("A new API key \"gone\" was added to your account");
    }

    @Test
    @DisplayName("Given a user whose address is not verified (it may be a stranger's), then no key email goes there, while a verified address gets them; once verified, the reminder comes")
    void onlyVerifiedAddresses() {
        TestUser unverified = realm.admin().createUser(realm.name(),
                NewUser.unique("stranger").realmRoles(ApiKeyRealm.ROLE).emailVerified(false));
        TestUser verified = realm.userWithRole();
        String expiresAt = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        realm.create(realm.tokenOf(unverified), Map.of("name", "probe", "expiresAt", expiresAt)).expectStatus(201);
        realm.create(realm.tokenOf(verified), Map.of("name", "own", "expiresAt", expiresAt)).expectStatus(201);

        mail.await(email(verified), LIMIT, m -> MailServer.subject(m).contains("was added"));
        mail.await(email(verified), LIMIT, m -> MailServer.subject(m).contains("expires soon"));
        assertThat(mail.to(email(unverified))).as("the same lifecycle run saw both keys").isEmpty();

        ObjectNode user = (ObjectNode) realm.admin().user(realm.name(), unverified.id());
        realm.admin().put("/realms/" + realm.name() + "/users/" + unverified.id(), user.put("emailVerified", true))
                .expectStatus(204);
        mail.await(email(unverified), LIMIT, m -> MailServer.subject(m).contains("expires soon"));
        assertThat(subjects(email(unverified))).containsExactly("Your API key \"probe\" expires soon");
    }

    @Test
    @DisplayName("Given a create sent with a forged Host header, then the notice never links to that host: no link without a Frontend URL or --hostname, else the Frontend URL's")
    void accountLinkNeverFromTheRequestsHost(KeycloakServer server) {
        TestUser owner = realm.userWithRole();
        String address = email(owner);

        createWithForgedHost(server, owner, "unlinked");
        String unlinked = MailServer.everything(mail.await(address, LIMIT, m -> MailServer.subject(m).contains("unlinked")));
        assertThat(unlinked).contains("unlinked").doesNotContain(FORGED_HOST).doesNotContain("/account/");

        realm.admin().setRealmAttributes(realm.name(), Map.of("frontendUrl", server.baseUrl()));
        createWithForgedHost(server, owner, "linked");
        String linked = MailServer.everything(mail.await(address, LIMIT, m -> MailServer.subject(m).contains("linked")
                && !MailServer.subject(m).contains("unlinked")));
        assertThat(linked).contains(server.baseUrl() + "/realms/" + realm.name() + "/account/")
                .doesNotContain(FORGED_HOST);
    }

    /** A token and a create, both sent with a forged {@code Host}, as anyone can to a server without a fixed hostname. */
    private void createWithForgedHost(KeycloakServer server, TestUser owner, String keyName) {
        String form = "grant_type=password&client_id=" + ApiKeyRealm.CLI
                + "&username=" + URLEncoder.encode(owner.username(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(owner.password(), StandardCharsets.UTF_8);
        String token = RawRequest.to(server, "POST", "/realms/" + realm.name() + "/protocol/openid-connect/token")
                .header("Host", FORGED_HOST).body("application/x-www-form-urlencoded", form)
                .send().expectStatus(200).json().path("access_token").asText();
        RawRequest.to(server, "POST", "/realms/" + realm.name() + "/latchkey/me/api-keys")
                .header("Host", FORGED_HOST).header("Authorization", "Bearer " + token)
                .body("application/json", Json.object().put("name", keyName).put("expiresAt", ApiKeyRealm.inDays(30))
                        .toString())
                .send().expectStatus(201);
    }

    @ParameterizedTest(name = "email theme \"{0}\" (empty: the realm never chose one)")
    @ValueSource(strings = {"", CORPORATE_THEME, "latchkey"})
    @DisplayName("Given any email theme (Keycloak's, a realm's own, Latchkey's), then every key email arrives: new, rotated, expires soon, expired; a realm theme's own text and template win")
    void everyEmailTheme(String theme, KeycloakServer server) {
        if (!theme.isEmpty()) {
            realm.updateRealm(Json.object().put("emailTheme", theme));
        }
        boolean corporate = theme.equals(CORPORATE_THEME);
        TestUser owner = realm.userWithRole();
        String address = email(owner);
        String token = realm.tokenOf(owner);
        String in20Hours = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode rotating = realm.create(token, Map.of("name", "rotating", "expiresAt", in20Hours)).expectStatus(201).json();
        JsonNode expiring = realm.create(token, Map.of("name", "expiring", "expiresAt", in20Hours)).expectStatus(201).json();

        MimeMessage reminder = mail.await(address, LIMIT, subjectIs("Your API key \"expiring\" expires soon"));
        mail.await(address, LIMIT, subjectIs("Your API key \"rotating\" expires soon"));
        realm.rotate(token, rotating.path("id").asText(), Map.of("expiresAt", ApiKeyRealm.inDays(30), "graceSeconds", 60))
                .expectStatus(201);
        MimeMessage rotated = mail.await(address, LIMIT, subjectIs("Your API key \"rotating\" was rotated"));
        try (TestClock clock = TestClock.ahead(server, Duration.ofHours(21))) {
            mail.await(address, LIMIT, subjectIs("Your API key \"expiring\" has expired"));
            clock.runLifecycle();
        }

        String created = corporate ? "[ACME] New API key \"%s\" on your ACME account" : "A new API key \"%s\" was added to your account";
        assertThat(subjects(address)).containsExactlyInAnyOrder(created.formatted("rotating"), created.formatted("expiring"),
                "Your API key \"rotating\" expires soon", "Your API key \"expiring\" expires soon",
                "Your API key \"rotating\" was rotated", "Your API key \"expiring\" has expired");
        assertThat(MailServer.decodedBody(reminder)).contains(expiring.path("hint").asText())
                .contains(corporate ? "ACME corporate reminder" : "If you still need it, rotate it");
        assertThat(MailServer.decodedBody(rotated)).contains("keeps working until");
    }

    @Test
    @DisplayName("Given a realm's own text for a key email (Realm settings > Localization), then the email says it, in Keycloak's theme")
    void realmTextOverride() {
        realm.admin().post("/realms/" + realm.name() + "/localization/en",
                Map.of("latchkeyApiKeyCreatedSubject", "Key {0} added (our words)")).expectStatus(204);
        TestUser owner = realm.userWithRole();
        realm.createKey(realm.tokenOf(owner), "worded");
        mail.await(email(owner), LIMIT, subjectIs("Key worded added (our words)"));
    }

    @Test
    @DisplayName("Given a realm email theme whose key-email template cannot be rendered, then the owner's events show UPDATE_CREDENTIAL_ERROR email_send_failed with the email, the key and the reason")
    void failedEmailIsAnEvent() {
        realm.updateRealm(Json.object().put("emailTheme", BROKEN_THEME));
        TestUser owner = realm.userWithRole();
        JsonNode key = realm.createKey(realm.tokenOf(owner), "unsendable");

        JsonNode event = awaitEmailFailure(owner, "created");
        assertThat(event.path("error").asText()).isEqualTo("email_send_failed");
        assertThat(event.path("details").path("credential_id").asText()).isEqualTo(key.path("id").asText());
        assertThat(event.path("details").path("api_key_name").asText()).isEqualTo("unsendable");
        assertThat(event.path("details").path("reason").asText()).contains("Failed to template");
        assertThat(mail.to(email(owner))).isEmpty();
    }

    private JsonNode awaitEmailFailure(TestUser owner, String email) {
        Instant deadline = Instant.now().plus(LIMIT);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode event : realm.admin().events(realm.name(),
                    Map.of("type", "UPDATE_CREDENTIAL_ERROR", "user", owner.id()))) {
                if (email.equals(event.path("details").path("email").asText())) {
                    return event;
                }
            }
            KeycloakServer.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("No UPDATE_CREDENTIAL_ERROR event for the " + email + " email of " + owner.username());
    }

    private static Predicate<MimeMessage> subjectIs(String subject) {
        return message -> MailServer.subject(message).equals(subject);
    }

    private List<String> subjects(String address) {
        return mail.to(address).stream().map(MailServer::subject).toList();
    }

    private static String email(TestUser user) {
        return user.username() + "@latchkey.test";
    }

    private static ObjectNode realmEmail(ObjectNode smtp) {
        ObjectNode update = Json.object().put("internationalizationEnabled", true).put("defaultLocale", "en");
        update.putArray("supportedLocales").add("en").add("de").add("fr").add("es");
        update.set("smtpServer", smtp);
        return update;
    }

    /** A port that accepts SMTP connections and never says a word: the slowest mail server there is. */
    private BlackHole blackHole() {
        BlackHole hole = new BlackHole();
        blackHoles.add(hole);
        return hole;
    }

    /** A mail server that accepts connections and never answers, until it is closed (then every send fails). */
    private static final class BlackHole implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        BlackHole() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "smtp-black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        /** Waits for a send to the hole: a wait for the server's background work, not for time to pass. */
        void awaitConnection(Duration limit) {
            Instant deadline = Instant.now().plus(limit);
            while (held.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("No mail was sent to the black hole within " + limit);
                }
                KeycloakServer.sleep(Duration.ofMillis(100));
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (Socket connection : held) {
                    connection.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package dev.latchkey.it.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.it.support.Json;
import dev.latchkey.it.support.KeycloakServer;
import dev.latchkey.it.support.LatchkeyIT;
import dev.latchkey.it.support.MailServer;
import dev.latchkey.it.support.NewUser;
import dev.latchkey.it.support.ServerOptions;
import dev.latchkey.it.support.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The key emails, through the realm's SMTP settings to a real SMTP server in the test JVM: the notice of a new key,
 * the reminders before expiry and the notice on expiry, each once, in the owner's language, never with the key.
 */
@LatchkeyIT
class LifecycleEmailIT {

    /** Long enough for several runs of the lifecycle task (every 2 s on the test server). */
    private static final Duration SEVERAL_RUNS = Duration.ofSeconds(5L * ServerOptions.LIFECYCLE_INTERVAL_SECONDS);
    private static final Duration LIMIT = Duration.ofSeconds(30);

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
    void creationNoticeInTheOwnersLanguage() {
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
                .contains("/realms/" + realm.name() + "/account/")
                .contains("Wenn Sie das nicht waren");
        assertThat(MailServer.everything(notice)).doesNotContain(created.path("key").asText())
                .doesNotContain(created.path("key").asText().substring(20, 60));
        KeycloakServer.sleep(SEVERAL_RUNS);
        assertThat(mail.to(address)).hasSize(1);
    }

    @Test
    @DisplayName("Given a key expiring in 20 hours, then its owner gets one reminder (the 1-day one) and no more; a rotation sends a notice")
    void reminderOnce() {
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
        KeycloakServer.sleep(SEVERAL_RUNS);
        assertThat(subjects(address)).containsExactlyInAnyOrder(
                "A new API key \"nightly\" was added to your account", "Your API key \"nightly\" expires soon");

        realm.rotate(token, key.path("id").asText(), Map.of("expiresAt", ApiKeyRealm.inDays(30), "graceSeconds", 60))
                .expectStatus(201);
        MimeMessage rotated = mail.await(address, LIMIT, m -> MailServer.subject(m).contains("rotated"));
        assertThat(MailServer.decodedBody(rotated)).contains("nightly").contains("keeps working until");
        KeycloakServer.sleep(SEVERAL_RUNS);
        assertThat(mail.to(address)).as("the replaced key gets no more reminders, the new one needs none yet").hasSize(3);
    }

    @Test
    @DisplayName("Given a key expiring in seconds, then its owner gets the reminder before and the expiry notice after, each once")
    void expiryNoticeOnce() {
        TestUser owner = realm.userWithRole();
        String address = email(owner);
        Instant expiresAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        realm.create(realm.tokenOf(owner), Map.of("name", "brief", "expiresAt", expiresAt.toString())).expectStatus(201);

        mail.await(address, LIMIT, m -> MailServer.subject(m).contains("expires soon"));
        MimeMessage expired = mail.await(address, LIMIT, m -> MailServer.subject(m).contains("has expired"));
        assertThat(MailServer.subject(expired)).isEqualTo("Your API key \"brief\" has expired");
        KeycloakServer.sleep(SEVERAL_RUNS);
        assertThat(subjects(address)).containsExactlyInAnyOrder("A new API key \"brief\" was added to your account",
                "Your API key \"brief\" expires soon", "Your API key \"brief\" has expired");
    }

    @Test
    @DisplayName("Given an SMTP server that accepts connections and never answers, then creating a key is as fast as ever; the reminder it could not send comes once SMTP works")
    void brokenSmtpDelaysNothingAndLosesNothing() {
        int silentPort = blackHole();
        realm.updateRealm(realmEmail(MailServer.realmSmtp(silentPort)));
        TestUser owner = realm.userWithRole();
        String address = email(owner);
        Instant expiresAt = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        long started = System.nanoTime();
        realm.create(realm.tokenOf(owner), Map.of("name", "patient", "expiresAt", expiresAt.toString())).expectStatus(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        KeycloakServer.sleep(SEVERAL_RUNS);
        assertThat(mail.to(address)).isEmpty();

        realm.updateRealm(realmEmail(mail.realmSmtp()));
        mail.await(address, LIMIT, m -> MailServer.subject(m).contains("expires soon"));
        KeycloakServer.sleep(SEVERAL_RUNS);
        assertThat(subjects(address)).containsExactly("Your API key \"patient\" expires soon");
    }

    @Test
    @DisplayName("Given the owner disabled, then no reminder is sent; given reminder days empty, then none either")
    void noReminderForDisabledUsersOrWhenOff() {
        TestUser disabled = realm.userWithRole();
        TestUser other = realm.userWithRole();
        Instant expiresAt = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String disabledToken = realm.tokenOf(disabled);
        realm.settings(Map.of("reminderDays", ""));
        realm.create(realm.tokenOf(other), Map.of("name", "quiet", "expiresAt", expiresAt.toString())).expectStatus(201);
        realm.create(disabledToken, Map.of("name", "gone", "expiresAt", expiresAt.toString())).expectStatus(201);
        ObjectNode user = (ObjectNode) realm.admin().user(realm.name(), disabled.id());
        realm.admin().put("/realms/" + realm.name() + "/users/" + disabled.id(), user.put("enabled", false))
                .expectStatus(204);
        mail.await(email(other), LIMIT, m -> MailServer.subject(m).contains("was added"));
        KeycloakServer.sleep(SEVERAL_RUNS);
        assertThat(mail.to(email(other))).hasSize(1);

        realm.settings(Map.of("reminderDays", "7,1"));
        mail.await(email(other), LIMIT, m -> MailServer.subject(m).contains("expires soon"));
        KeycloakServer.sleep(SEVERAL_RUNS);
        assertThat(subjects(email(disabled))).containsExactly("A new API key \"gone\" was added to your account");
    }

    private List<String> subjects(String address) {
        return mail.to(address).stream().map(MailServer::subject).toList();
    }

    private static String email(TestUser user) {
        return user.username() + "@latchkey.test";
    }

    private static ObjectNode realmEmail(ObjectNode smtp) {
        ObjectNode update = Json.object().put("emailTheme", "latchkey").put("internationalizationEnabled", true)
                .put("defaultLocale", "en");
        update.putArray("supportedLocales").add("en").add("de").add("fr").add("es");
        update.set("smtpServer", smtp);
        return update;
    }

    /** A port that accepts SMTP connections and never says a word: the slowest mail server there is. */
    private int blackHole() {
        try {
            ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            List<Socket> held = new ArrayList<>();
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
            blackHoles.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

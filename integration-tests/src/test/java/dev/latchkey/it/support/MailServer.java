package dev.latchkey.it.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) in the test JVM on a free loopback port; a realm sends to it once its
 * {@code smtpServer} is {@link #realmSmtp()}. Every message is kept; tests look at those sent to their own users.
 */
public final class MailServer implements AutoCloseable {

    public static final String FROM = "keys@latchkey.test";

    private final GreenMail greenMail;
    private final int port;

    public MailServer() {
        port = Ports.free(new HashSet<>());
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public int port() {
        return port;
    }

    /** The realm representation's {@code smtpServer} for this server. */
    public ObjectNode realmSmtp() {
        return realmSmtp(port);
    }

    /** An {@code smtpServer} pointing at any port, e.g. one where nothing answers. */
    public static ObjectNode realmSmtp(int port) {
        return Json.object().put("host", "127.0.0.1").put("port", Integer.toString(port)).put("from", FROM)
                .put("connectionTimeout", "3000").put("timeout", "3000");
    }

    /** The messages received so far for this address, oldest first. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(addressedTo(address)).toList();
    }

    /** Waits until a message for the address matches, failing after {@code limit}; returns it. */
    public MimeMessage await(String address, Duration limit, Predicate<MimeMessage> matches) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : to(address)) {
                if (matches.test(message)) {
                    return message;
                }
            }
            KeycloakServer.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("No matching email to " + address + " within " + limit.toSeconds() + " s; received: "
                + to(address).stream().map(MailServer::subject).toList());
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything the message holds, all parts (text and html) and headers, decoded. */
    public static String everything(MimeMessage message) {
        return GreenMailUtil.getWholeMessage(message) + "\n" + decodedBody(message);
    }

    /** The message's body parts as text (quoted-printable and base64 decoded). */
    public static String decodedBody(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(multipart.getBodyPart(i).getContentType()).append('\n')
                            .append(multipart.getBodyPart(i).getContent()).append('\n');
                }
                return text.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Predicate<MimeMessage> addressedTo(String address) {
        return message -> {
            try {
                Address[] recipients = message.getAllRecipients();
                return recipients != null && Arrays.stream(recipients)
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        };
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

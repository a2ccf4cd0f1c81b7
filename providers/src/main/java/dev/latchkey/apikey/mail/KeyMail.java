package dev.latchkey.apikey.mail;

import dev.latchkey.common.UserTimeZone;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The key emails, sent through Keycloak's own email sender (the realm's SMTP settings) and rendered by the realm's own
 * email theme, whichever it is: the templates ({@code html/} and {@code text/latchkey-api-key-*.ftl}) and messages
 * are in the jar's {@code theme-resources/}, which Keycloak adds to every theme after the theme's own files, so a realm
 * theme may override any of them. The owner's language is Keycloak's choice for the user ({@code locale} attribute,
 * when the realm has internationalization on). Never the key's text: the templates get its name, hint and dates only.
 */
public final class KeyMail {

    /** Which email, with its template and subject key. */
    public enum Kind {
        CREATED("latchkey-api-key-created.ftl", "latchkeyApiKeyCreatedSubject"),
        ROTATED("latchkey-api-key-created.ftl", "latchkeyApiKeyRotatedSubject"),
        EXPIRING("latchkey-api-key-expiring.ftl", "latchkeyApiKeyExpiringSubject"),
        EXPIRED("latchkey-api-key-expired.ftl", "latchkeyApiKeyExpiredSubject"),
        /** Revoked because someone reported it as leaked. */
        REPORTED("latchkey-api-key-revoked.ftl", "latchkeyApiKeyReportedSubject"),
        /** Revoked because it was not used for the realm's revokeUnusedAfterDays. */
        UNUSED("latchkey-api-key-revoked.ftl", "latchkeyApiKeyUnusedSubject");

        final String template;
        final String subject;

        Kind(String template, String subject) {
            this.template = template;
            this.subject = subject;
        }

        /** The name events and templates use ({@code kind}): {@code created}, {@code rotated}, ... */
        public String eventValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private KeyMail() {
    }

    /**
     * Whether an email may reach the user at all: the realm has an SMTP host and the user is enabled with a
     * <em>verified</em> address. An unverified address may be anyone's: a user who typed in a stranger's address could
     * otherwise have key names, addresses and browsers mailed to that stranger by a loop of creates and deletes.
     * Nothing is sent otherwise, and nothing is logged for it (most realms without SMTP never want these emails).
     */
    public static boolean reachable(RealmModel realm, UserModel user) {
        return smtpConfigured(realm)
                && user != null && user.isEnabled() && user.isEmailVerified()
                && user.getEmail() != null && !user.getEmail().isBlank();
    }

    /** Whether the realm has an SMTP host at all: without one, no key email is even prepared. */
    public static boolean smtpConfigured(RealmModel realm) {
        Map<String, String> smtp = realm.getSmtpConfig();
        return smtp != null && smtp.get("host") != null && !smtp.get("host").isBlank();
    }

    /**
     * @param session a session whose context realm is {@code realm} (the email theme is the context realm's)
     * @param model   the template's own attributes; dates as {@link Instant}s are formatted for the user
     */
    public static void send(KeycloakSession session, RealmModel realm, UserModel user, Kind kind, String keyName,
                     Map<String, Object> model) throws EmailException {
        Locale locale = session.getContext().resolveLocale(user);
        ZoneId zone = UserTimeZone.of(user);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        // send() writes into the map it is given: a fresh mutable one per email
        Map<String, Object> attributes = new HashMap<>();
        model.forEach((name, value) -> attributes.put(name,
                value instanceof Instant instant ? format.format(instant) + " (" + zone.getId() + ")" : value));
        attributes.put("keyName", keyName);
        attributes.put("kind", kind.eventValue());
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .send(kind.subject, List.of(keyName), kind.template, attributes);
    }
}

package dev.latchkey.profile;

import dev.latchkey.common.LatchkeyError;
import dev.latchkey.common.UserTimeZone;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ReadOnlyException;
import org.keycloak.userprofile.Attributes;
import org.keycloak.userprofile.EventAuditingAttributeChangeListener;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * Changes the user's language and time zone through Keycloak's user profile (account context), exactly as the
 * account console's personal-info form would: the realm's attribute permissions and validators decide, the change
 * is audited as an {@code UPDATE_PROFILE} event, and the values land where Keycloak's own pages and token mappers
 * read them ({@code locale}, {@code timezone}).
 */
final class PreferencesService {

    static final String ATTRIBUTE_READ_ONLY = "attribute_read_only";
    static final String INVALID_USER_PROFILE = "invalid_user_profile";
    /** The message key of Keycloak's {@code ImmutableAttributeValidator}. */
    private static final String READ_ONLY_MESSAGE = "error-user-attribute-read-only";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final ClientModel client;

    PreferencesService(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.client = client;
    }

    PreferencesRepresentation update(PreferencesRequest request) {
        Map<String, String> changes = requestedValues(request);
        UserProfileProvider provider = session.getProvider(UserProfileProvider.class);
        Attributes current = provider.create(UserProfileContext.ACCOUNT, user).getAttributes();
        changes.forEach((name, value) -> {
            // Checked before the update too: an attribute the profile does not manage would be dropped silently.
            if (!value.equals(Objects.toString(user.getFirstAttribute(name), "")) && current.isReadOnly(name)) {
                throw readOnly(name);
            }
        });

        // Everything else as it is, so the update changes only what was asked; "" clears (an empty list would be
        // ignored by an update that keeps unsent attributes).
        Map<String, List<String>> values = new HashMap<>(user.getAttributes());
        changes.forEach((name, value) -> values.put(name, List.of(value)));
        UserProfile profile = provider.create(UserProfileContext.ACCOUNT, values, user);
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.UPDATE_PROFILE)
                .client(client)
                .user(user)
                .detail(Details.CONTEXT, UserProfileContext.ACCOUNT.name());
        try {
            profile.update(false, new EventAuditingAttributeChangeListener(profile, event));
        } catch (ValidationException e) {
            throw refusal(e);
        } catch (ReadOnlyException e) {
            // The user's storage (e.g. a read-only LDAP provider) keeps the attribute.
            throw readOnly(String.join(",", changes.keySet()));
        }
        event.success();
        return new PreferencesRepresentation(user.getFirstAttribute(UserModel.LOCALE),
                user.getFirstAttribute(UserTimeZone.ATTRIBUTE));
    }

    /** The sent values, canonical, "" for "clear"; only the fields that were sent. */
    private Map<String, String> requestedValues(PreferencesRequest request) {
        if (request == null || (!request.localeSent() && !request.timezoneSent())) {
            throw LatchkeyError.badRequest("Send locale, timezone or both");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        try {
            if (request.localeSent()) {
                changes.put(UserModel.LOCALE, PreferenceRules.locale(request.locale(),
                        realm.isInternationalizationEnabled(), realm.getSupportedLocalesStream().toList()).orElse(""));
            }
            if (request.timezoneSent()) {
                changes.put(UserTimeZone.ATTRIBUTE, PreferenceRules.timeZone(request.timezone()).orElse(""));
            }
        } catch (PreferenceRules.Invalid e) {
            throw LatchkeyError.withParams(Status.BAD_REQUEST, e.code(), e.getMessage(), List.of(e.value()));
        }
        return changes;
    }

    private static LatchkeyError refusal(ValidationException e) {
        for (ValidationException.Error error : e.getErrors()) {
            if (READ_ONLY_MESSAGE.equals(error.getMessage())) {
                return readOnly(error.getAttribute());
            }
        }
        ValidationException.Error first = e.getErrors().get(0);
        List<String> params = new ArrayList<>();
        params.add(first.getAttribute());
        params.add(first.getMessage());
        // The first message parameter repeats the attribute name.
        Object[] messageParams = first.getMessageParameters();
        if (messageParams != null) {
            Stream.of(messageParams).skip(1).map(String::valueOf).forEach(params::add);
        }
        return LatchkeyError.withParams(Status.BAD_REQUEST, INVALID_USER_PROFILE,
                "The realm's user profile refuses the change: " + first.getAttribute() + " (" + first.getMessage() + ")",
                params);
    }

    private static LatchkeyError readOnly(String attribute) {
        return LatchkeyError.withParams(Status.FORBIDDEN, ATTRIBUTE_READ_ONLY,
                "'" + attribute + "' cannot be changed by users in this realm", List.of(attribute));
    }
}

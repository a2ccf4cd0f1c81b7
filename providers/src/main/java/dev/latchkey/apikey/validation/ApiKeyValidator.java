package dev.latchkey.apikey.validation;

import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.credential.InactiveReason;
import dev.latchkey.apikey.credential.OldFormatKeys;
import dev.latchkey.apikey.credential.UserKeys;
import dev.latchkey.apikey.events.ApiKeyEvents;
import dev.latchkey.apikey.format.ApiKey;
import dev.latchkey.apikey.format.ApiKeyFormat;
import dev.latchkey.apikey.format.KeyMac;
import dev.latchkey.apikey.format.ParseFailure;
import dev.latchkey.apikey.format.ParseResult;
import dev.latchkey.apikey.format.SecretHasher;
import dev.latchkey.apikey.settings.ApiKeyAccess;
import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.apikey.signing.RealmKeyMac;
import dev.latchkey.common.LockOut;
import dev.latchkey.metrics.LatchkeyMetrics;
import java.util.function.Consumer;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Validates a presented key. This is the hot path: every step reads from the realm and user caches, so a warm
 * validation touches no database; a key the realm did not mint (its tag, {@link RealmKeyMac}) is refused before its
 * ids are looked up at all, so forged keys cost nothing but a hash. Nothing here writes (last use is only noted in memory, see
 * {@link LastUsedRecorder}; a user id that named no user is remembered for a while, see {@link AbsentUsers}).
 */
public final class ApiKeyValidator {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final LastUsedRecorder lastUsed;
    private final AbsentUsers absentUsers;

    public ApiKeyValidator(KeycloakSession session, RealmModel realm, ApiKeyNodeState nodeState) {
        this.session = session;
        this.realm = realm;
        this.lastUsed = nodeState.lastUsed();
        this.absentUsers = nodeState.absentUsers();
    }

    /** Validates and, when refused, records the reason as an error event naming the calling client. */
    public ValidationOutcome validate(String keyText, ClientModel caller) {
        ValidationOutcome outcome = validate(keyText,
                refused -> new ApiKeyEvents(session, realm).validationFailed(caller, refused.reason(),
                        refused.owner(), refused.credential()));
        LatchkeyMetrics.node().validated(outcome.reason());
        return outcome;
    }

    /** Validates for an entry point that records a refusal its own way (e.g. the token exchange's own event). */
    public ValidationOutcome validate(String keyText, Consumer<ValidationOutcome> onRefused) {
        ValidationOutcome outcome = check(keyText);
        if (outcome.isActive()) {
            lastUsed.noteUse(realm.getId(), outcome.owner().getId(), outcome.credential());
        } else {
            onRefused.accept(outcome);
        }
        return outcome;
    }

    /**
     * The stored key of this realm a text names, its secret checked, whatever the key's state (expired, its owner
     * disabled...): for validation, and for entry points that act on a presented key, such as a leak report.
     */
    public Located locate(String keyText) {
        ParseResult parsed = ApiKeyFormat.parse(keyText);
        if (!parsed.isValid()) {
            return Located.refused(parsed.failure() == ParseFailure.BAD_CHECKSUM
                    ? InactiveReason.BAD_CHECKSUM : InactiveReason.MALFORMED, null);
        }
        ApiKey key = parsed.key();
        InactiveReason notMintedHere = notMintedHere(realm, key);
        if (notMintedHere != null) {
            return Located.refused(notMintedHere, null);
        }
        if (absentUsers.isAbsent(realm.getId(), key.userId())) {
            return Located.refused(InactiveReason.USER_NOT_FOUND, null);
        }
        UserModel owner = session.users().getUserById(realm, key.userId());
        if (owner == null) {
            absentUsers.remember(realm.getId(), key.userId());
            return Located.refused(InactiveReason.USER_NOT_FOUND, null);
        }
        ApiKeyCredentialModel credential = new UserKeys(session, owner).find(key.credentialId()).orElse(null);
        if (credential == null) {
            return Located.refused(InactiveReason.UNKNOWN_KEY, owner);
        }
        // A right id with a wrong secret is "unknown" too: nothing tells a guesser which half was wrong.
        if (!SecretHasher.matches(key.secret(), credential.secret().hash())) {
            return Located.refused(InactiveReason.UNKNOWN_KEY, owner);
        }
        return new Located(owner, credential, null);
    }

    /**
     * The gate before any lookup, for every entry point that takes key text: the ids of a key this realm did not mint
     * must cost no database or user-storage access, whoever sends them and however many. Reads the cached realm only.
     *
     * @return {@link InactiveReason#FORGED} or {@link InactiveReason#OLD_FORMAT}, or null when the key may be looked up
     */
    public static InactiveReason notMintedHere(RealmModel realm, ApiKey key) {
        if (key.isSigned()) {
            KeyMac mac = RealmKeyMac.of(realm);
            return mac != null && mac.verifies(key) ? null : InactiveReason.FORGED;
        }
        return OldFormatKeys.accepted(realm) ? null : InactiveReason.OLD_FORMAT;
    }

    /**
     * What {@link #locate} found: the owner and the stored key, or the reason there is none (the owner too when known).
     */
    public record Located(UserModel owner, ApiKeyCredentialModel credential, InactiveReason refusal) {

        static Located refused(InactiveReason reason, UserModel ownerIfKnown) {
            return new Located(ownerIfKnown, null, reason);
        }

        public boolean found() {
            return refusal == null;
        }
    }

    ValidationOutcome check(String keyText) {
        Located located = locate(keyText);
        if (!located.found()) {
            return ValidationOutcome.inactive(located.refusal(), located.owner(), null);
        }
        UserModel owner = located.owner();
        ApiKeyCredentialModel credential = located.credential();
        ApiKeySettings settings = ApiKeySettings.of(realm);
        if (credential.data().isRevoked()) {
            return ValidationOutcome.inactive(InactiveReason.REVOKED, owner, credential);
        }
        if (!settings.enabled()) {
            return ValidationOutcome.inactive(InactiveReason.API_KEYS_DISABLED, owner, credential);
        }
        if (credential.data().isExpired(Time.currentTimeMillis())) {
            return ValidationOutcome.inactive(InactiveReason.EXPIRED, owner, credential);
        }
        // A temporary brute-force lock-out leaves keys working: otherwise anyone who knows a username could switch
        // off every job that uses the owner's keys with a few wrong passwords. A permanent one disables the owner.
        if (!owner.isEnabled()) {
            return ValidationOutcome.inactive(LockOut.isPermanentlyLockedOut(owner)
                    ? InactiveReason.USER_LOCKED_OUT : InactiveReason.USER_DISABLED, owner, credential);
        }
        if (!ApiKeyAccess.holdsRole(realm, owner, settings)) {
            return ValidationOutcome.inactive(InactiveReason.ROLE_MISSING, owner, credential);
        }
        return KeyPermissions.now(session, realm, owner, credential)
                .map(permissions -> ValidationOutcome.active(owner, credential, permissions))
                .orElseGet(() -> ValidationOutcome.inactive(InactiveReason.ORGANIZATION_LEFT, owner, credential));
    }
}

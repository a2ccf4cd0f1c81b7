package dev.latchkey.apikey.minting;

import dev.latchkey.apikey.credential.ApiKeyCredentialData;
import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.credential.ApiKeySecretData;
import dev.latchkey.apikey.credential.KeyTexts;
import dev.latchkey.apikey.credential.UserKeys;
import dev.latchkey.apikey.events.ApiKeyEvents;
import dev.latchkey.apikey.format.ApiKey;
import dev.latchkey.apikey.format.ApiKeyFormat;
import dev.latchkey.apikey.format.KeyMac;
import dev.latchkey.apikey.format.SecretHasher;
import dev.latchkey.apikey.mail.CreationNotice;
import dev.latchkey.apikey.settings.ApiKeyAccess;
import dev.latchkey.apikey.settings.ApiKeySettings;
import dev.latchkey.apikey.signing.RealmKeyMac;
import dev.latchkey.common.LatchkeyError;
import dev.latchkey.common.UserTimeZone;
import dev.latchkey.metrics.LatchkeyMetrics;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Creating, rotating, listing and deleting a user's keys: the one place that decides, for the account REST API and the
 * admin API alike. Revoking a key without its owner is {@link dev.latchkey.apikey.revocation.KeyRevocation}'s.
 */
public final class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    private static final ApiKeyFormat FORMAT = new ApiKeyFormat(new SecureRandom());

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiKeyEvents events;

    public ApiKeyService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.events = new ApiKeyEvents(session, realm);
    }

    private ApiKeySettings settings() {
        return ApiKeySettings.of(realm);
    }

    /** Newest first; keys whose stored data cannot be read are left out (and logged) rather than failing the list. */
    public List<ApiKeyCredentialModel> list(UserModel user) {
        return new UserKeys(session, user).list();
    }

    /** What the Profile page shows and the limits its form enforces, for this user. */
    public ApiKeyInfoRepresentation info(UserModel user) {
        ApiKeySettings settings = settings();
        return new ApiKeyInfoRepresentation(settings.enabled(), settings.maxLifetimeDays(), settings.maxKeysPerUser(),
                settings.roleName(), ApiKeyAccess.mayUseKeys(realm, user, settings), countActive(user),
                KeyTexts.MAX_NAME_LENGTH, KeyTexts.MAX_DESCRIPTION_LENGTH, UserTimeZone.chosenBy(user).orElse(null),
                settings.requireScopes(), KeyScopeRules.MAX_ROLES, settings.maxRotationGraceSeconds());
    }

    public long countActive(UserModel user) {
        long now = Time.currentTimeMillis();
        return UserKeys.activeCount(list(user), now);
    }

    /**
     * Every key a user holds counts towards this cap, expired and replaced ones too until the cleanup deletes them:
     * without it a loop of creates with expirations seconds away could pile up credentials on the user.
     */
    static int hardCap(ApiKeySettings settings) {
        return 2 * settings.maxKeysPerUser();
    }

    /**
     * Creates a key for the user. The returned key text is the only time the secret exists outside the caller's
     * memory: it is not stored, logged or put in an event.
     */
    public CreatedApiKey create(UserModel user, CreateApiKeyRequest request, Minter minter) {
        ApiKeySettings settings = settings();
        requireMayMint(user, settings, minter);
        String name = KeyTexts.name(request.name());
        String description = KeyTexts.description(request.description());
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        Instant expiresAt = Expiration.resolve(request.expiresAt(), Expiration.zone(request.timeZone(), user), now,
                settings.maxLifetimeDays());
        List<String> roles = KeyScopeRules.roles(request.roles(), settings.requireScopes(), realm, user);
        String organization = KeyScopeRules.organization(request.organization(), session, realm, user);

        KeyMac mac = RealmKeyMac.forMinting(session, realm); // may lock the realm: before the user (UserKeys)
        UserKeys keys = new UserKeys(session, user);
        List<ApiKeyCredentialModel> existing = keys.lockAndRead();
        if (UserKeys.nameTaken(existing, name)) {
            throw events.createFailed(user, "api_key_name_taken", LatchkeyError.of(Response.Status.CONFLICT,
                    "api_key_name_taken", "You already have an API key with this name"));
        }
        if (UserKeys.activeCount(existing, now.toEpochMilli()) >= settings.maxKeysPerUser()) {
            throw events.createFailed(user, "api_key_limit_reached", LatchkeyError.of(Response.Status.CONFLICT,
                    "api_key_limit_reached", "You have reached the limit of " + settings.maxKeysPerUser() + " active API keys"));
        }
        requireBelowHardCap(user, settings, existing.size());

        ApiKey key = FORMAT.generate(user.getId(), UUID.randomUUID(), mac);
        ApiKeyCredentialModel model = ApiKeyCredentialModel.create(key.credentialId(), now.toEpochMilli(),
                ApiKeyCredentialData.minted(name, description, expiresAt.toEpochMilli(), key.hint(), roles,
                        organization, null),
                new ApiKeySecretData(SecretHasher.ALGORITHM, SecretHasher.hash(key.secret())));
        try {
            keys.create(model);
        } catch (ModelDuplicateException e) {
            throw events.createFailed(user, "api_key_name_taken", LatchkeyError.of(Response.Status.CONFLICT,
                    "api_key_name_taken", "You already have an API key with this name"));
        }
        events.created(user, model);
        LatchkeyMetrics.node().created();
        CreationNotice.afterCommit(session, realm, user, model, null);
        return new CreatedApiKey(model, key.text());
    }

    /**
     * Replaces one of the user's keys by a new one with the same name, description and scope and a fresh secret; the
     * old key keeps working for the grace period asked for and is refused after it. The same rules as a create decide
     * who may mint and what scope the new key may have (a realm that requires scoped keys refuses to rotate an
     * unscoped one), except the active limit: the old key stops counting at once, so a rotation never needs room.
     */
    public CreatedApiKey rotate(UserModel user, String keyId, RotateApiKeyRequest request, Minter minter) {
        ApiKeySettings settings = settings();
        requireMayMint(user, settings, minter);
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        KeyMac mac = RealmKeyMac.forMinting(session, realm); // may lock the realm: before the user (UserKeys)
        UserKeys keys = new UserKeys(session, user);
        List<ApiKeyCredentialModel> existing = keys.lockAndRead();
        ApiKeyCredentialModel old = existing.stream().filter(key -> key.getId().equals(keyId)).findFirst()
                .orElseThrow(() -> events.createFailed(user, "api_key_not_found", LatchkeyError.notFound("No such API key")));
        ApiKeyCredentialData was = old.data();
        Rotation rotation;
        List<String> roles;
        String organization;
        try {
            rotation = Rotation.of(old, request, Expiration.zone(request.timeZone(), user), now, settings);
            // the successor is a new key: the create's scope rules apply to the scope it takes over
            roles = KeyScopeRules.rolesOfSuccessor(was.roles(), settings.requireScopes(), realm, user);
            organization = KeyScopeRules.organization(was.organization(), session, realm, user);
        } catch (LatchkeyError invalid) {
            throw events.createFailed(user, invalid.code(), invalid);
        }
        requireBelowHardCap(user, settings, existing.size());

        ApiKey key = FORMAT.generate(user.getId(), UUID.randomUUID(), mac);
        ApiKeyCredentialModel successor = ApiKeyCredentialModel.create(key.credentialId(), now.toEpochMilli(),
                ApiKeyCredentialData.minted(was.name(), was.description(), rotation.expiresAt().toEpochMilli(),
                        key.hint(), roles, organization, old.getId()),
                new ApiKeySecretData(SecretHasher.ALGORITHM, SecretHasher.hash(key.secret())));
        // Keycloak keeps credential labels unique per user and type, so the replaced key's label changes first (its
        // name stays: the list shows both keys under it, the old one with replacedBy).
        ApiKeyCredentialModel retired = old.withData(was.replacedBy(successor.getId(), rotation.graceEnd().toEpochMilli()));
        retired.setUserLabel(replacedLabel(was.name(), successor.data().hint()));
        keys.update(retired);
        keys.create(successor);
        events.rotated(user, successor, retired, rotation.graceSeconds());
        LatchkeyMetrics.node().created();
        CreationNotice.afterCommit(session, realm, user, successor, retired.data().expiresAt());
        return new CreatedApiKey(successor, key.text());
    }

    /** @return the user's key with that id, or empty when it does not exist or belongs to someone else. */
    public Optional<ApiKeyCredentialModel> find(UserModel user, String keyId) {
        return new UserKeys(session, user).find(keyId);
    }

    /** Deletes the user's own key; someone else's key is "not found", never "forbidden". */
    public void delete(UserModel user, String keyId, String adminUserId) {
        ApiKeyCredentialModel key = find(user, keyId).orElseThrow(() -> {
            events.deleteFailed(user, keyId, adminUserId);
            return LatchkeyError.notFound("No such API key");
        });
        new UserKeys(session, user).remove(key.getId());
        events.deleted(user, key, adminUserId);
        LatchkeyMetrics.node().deleted(adminUserId != null);
    }

    /** The label of a replaced key: its name and its successor's hint, which is unique like the successor's id. */
    static String replacedLabel(String name, String successorHint) {
        return name + " (replaced by " + successorHint + ")";
    }

    private void requireMayMint(UserModel user, ApiKeySettings settings, Minter minter) {
        if (!settings.enabled()) {
            throw events.createFailed(user, "api_keys_disabled",
                    LatchkeyError.forbidden("api_keys_disabled", "API keys are switched off in this realm"));
        }
        if (!ApiKeyAccess.holdsRole(realm, user, settings)) {
            throw events.createFailed(user, "api_access_role_required", LatchkeyError.forbidden("api_access_role_required",
                    "Creating API keys requires the realm role '" + settings.roleName() + "'"));
        }
        try {
            minter.requireMayMint(settings, Time.currentTimeSeconds());
        } catch (LatchkeyError refused) {
            throw events.createFailed(user, refused.code(), refused);
        }
    }

    private void requireBelowHardCap(UserModel user, ApiKeySettings settings, int stored) {
        if (stored >= hardCap(settings)) {
            throw events.createFailed(user, "api_key_limit_reached", LatchkeyError.of(Response.Status.CONFLICT,
                    "api_key_limit_reached", "You hold " + stored + " API keys, expired and replaced ones included, "
                            + "the most the realm allows until expired keys are deleted"));
        }
    }

}

package dev.latchkey.apikey.credential;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.CredentialEntity;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.storage.StorageId;
import org.keycloak.util.JsonSerialization;

/**
 * One user's stored API keys: the only code that reads or writes {@code api-key} credentials, and the rules that look
 * at all of a user's keys at once (a free name, the active limit).
 *
 * <p>Reads for showing and validating come from Keycloak's user cache. A read that leads to a write locks the user
 * first ({@link #lockAndRead}): a row lock on the user, held until the transaction ends, so creates, rotations,
 * revocations, "last used" and the lifecycle task take turns across the whole cluster (a write replaces a key's whole
 * stored data, so two writers of one key must not interleave, and two creates must not both see "99 of 100"). After
 * the lock the keys are read from the database, not the cache, which another node may not have invalidated yet.
 *
 * <p>Lock order, everywhere: the realm (only by the writes that need it, {@link dev.latchkey.common.RealmLock}), then users, then their
 * keys. Keycloak's realm delete takes the realm first too, then removes the realm's keys and then its users; a writer
 * that held a user without the realm could wait for a key the delete already removed while the delete waits for that
 * user, and one of the two would fail.
 */
public final class UserKeys {

    private static final Logger LOG = Logger.getLogger(UserKeys.class);

    private final KeycloakSession session;
    private final UserModel user;

    public UserKeys(KeycloakSession session, UserModel user) {
        this.session = session;
        this.user = user;
    }

    /** Newest first, from the cache; keys whose stored data cannot be read are left out (and logged). */
    public List<ApiKeyCredentialModel> list() {
        return user.credentialManager().getStoredCredentialsByTypeStream(ApiKeyCredentialModel.TYPE)
                .map(UserKeys::readable)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(CredentialModel::getCreatedDate,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** The user's key with this id, from the cache; empty for another type, another user's id or none. */
    public Optional<ApiKeyCredentialModel> find(String keyId) {
        if (keyId == null) {
            return Optional.empty();
        }
        CredentialModel stored = user.credentialManager().getStoredCredentialById(keyId);
        if (stored == null || !ApiKeyCredentialModel.TYPE.equals(stored.getType())) {
            return Optional.empty();
        }
        return readable(stored);
    }

    /**
     * Locks the user until the transaction ends and returns their keys as the database has them now. For users of an
     * external user storage without import (no local row to lock) it falls back to the cached credentials.
     */
    public List<ApiKeyCredentialModel> lockAndRead() {
        return lockedCredentials().map(UserKeys::readable).flatMap(Optional::stream).toList();
    }

    /** {@link #lockAndRead}, for one key. */
    public Optional<ApiKeyCredentialModel> lockAndFind(String keyId) {
        return lockedCredentials().filter(stored -> stored.getId().equals(keyId)).findFirst().flatMap(UserKeys::readable);
    }

    /**
     * Stores a new key; returns it as stored (with an id where it had none).
     *
     * @throws org.keycloak.models.ModelDuplicateException when its label is taken
     */
    public CredentialModel create(ApiKeyCredentialModel key) {
        return user.credentialManager().createStoredCredential(key);
    }

    /** Writes a key's changed data or label; read it with {@link #lockAndFind} in the same transaction first. */
    public void update(ApiKeyCredentialModel key) {
        user.credentialManager().updateStoredCredential(key);
    }

    public boolean remove(String keyId) {
        return user.credentialManager().removeStoredCredentialById(keyId);
    }

    /** A key as the realm-wide scan reads it: its id, its owner's id, when it was created (epoch ms) and its data. */
    public record StoredKey(String id, String userId, long createdAt, ApiKeyCredentialData data) {
    }

    /**
     * Every readable key of a realm as the database has it, without loading the users (the lifecycle pass: most keys
     * need nothing). Keys of users in a user storage without import are not in this table.
     */
    public static List<StoredKey> inRealm(KeycloakSession session, String realmId) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        return em.createQuery("select c.id, u.id, c.createdDate, c.credentialData from CredentialEntity c join c.user u "
                        + "where c.type = :type and u.realmId = :realmId", Object[].class)
                .setParameter("type", ApiKeyCredentialModel.TYPE)
                .setParameter("realmId", realmId)
                .getResultStream()
                .flatMap(row -> data((String) row[0], (String) row[3]).map(data -> new StoredKey((String) row[0],
                        (String) row[1], row[2] == null ? 0L : (Long) row[2], data)).stream())
                .toList();
    }

    /**
     * Whether a key not replaced has this name, ignoring case: names are unique among those. A replaced key keeps its
     * name through its grace period, next to its successor.
     */
    public static boolean nameTaken(Collection<ApiKeyCredentialModel> keys, String name) {
        return keys.stream().anyMatch(key -> !key.data().isReplaced() && name.equalsIgnoreCase(key.data().name()));
    }

    /** The keys that count towards the realm's limit of active keys at this moment. */
    public static long activeCount(Collection<ApiKeyCredentialModel> keys, long now) {
        return keys.stream().filter(key -> key.data().isActiveForLimit(now)).count();
    }

    /** The key, or empty (and logged) when its stored data cannot be read. */
    public static Optional<ApiKeyCredentialModel> readable(CredentialModel stored) {
        try {
            return Optional.of(ApiKeyCredentialModel.from(stored));
        } catch (RuntimeException e) {
            LOG.warnf("Ignoring API key credential %s: its stored data cannot be read", stored.getId());
            return Optional.empty();
        }
    }

    private static Optional<ApiKeyCredentialData> data(String id, String json) {
        try {
            return Optional.of(JsonSerialization.readValue(json, ApiKeyCredentialData.class));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Ignoring API key credential %s: its stored data cannot be read", id);
            return Optional.empty();
        }
    }

    private Stream<CredentialModel> lockedCredentials() {
        String type = ApiKeyCredentialModel.TYPE;
        if (!StorageId.isLocalStorage(user.getId())) {
            return user.credentialManager().getStoredCredentialsByTypeStream(type);
        }
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        UserEntity entity = em.find(UserEntity.class, user.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            return user.credentialManager().getStoredCredentialsByTypeStream(type);
        }
        return em.createNamedQuery("credentialByUser", CredentialEntity.class)
                .setParameter("user", entity)
                .getResultStream()
                .filter(c -> type.equals(c.getType()))
                .map(UserKeys::toModel);
    }

    private static CredentialModel toModel(CredentialEntity entity) {
        CredentialModel model = new CredentialModel();
        model.setId(entity.getId());
        model.setType(entity.getType());
        model.setCreatedDate(entity.getCreatedDate());
        model.setUserLabel(entity.getUserLabel());
        model.setSecretData(entity.getSecretData());
        model.setCredentialData(entity.getCredentialData());
        return model;
    }
}

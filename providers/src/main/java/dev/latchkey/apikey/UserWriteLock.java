package dev.latchkey.apikey;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.stream.Stream;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.CredentialEntity;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.storage.StorageId;

/**
 * Serialises key creation, rotation and every other write of a user's keys across the whole cluster (a write
 * replaces a key's whole stored data, so two writers of one key must not interleave): a row lock on the user, held until the transaction ends.
 * Without it two concurrent creates could both see "99 of 100" and both insert. After taking the lock the user's
 * keys are read from the database, not the user cache, which another node may not have invalidated yet.
 */
public final class UserWriteLock {

    private UserWriteLock() {
    }

    /**
     * Locks the user and returns their stored credentials of the given type as the database has them now. For users
     * of an external user storage without import (no local row to lock) it falls back to the cached credentials.
     */
    public static Stream<CredentialModel> lockAndReadCredentials(KeycloakSession session, UserModel user, String type) {
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
                .map(UserWriteLock::toModel);
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

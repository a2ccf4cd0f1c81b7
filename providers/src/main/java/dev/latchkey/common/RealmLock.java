package dev.latchkey.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.jpa.entities.RealmEntity;

/**
 * A row lock on a realm, held until the transaction ends. Keycloak's realm delete takes the realm's row first; a write
 * of Latchkey's that takes it before any user's lock (see {@code UserKeys}, lock order) waits for a delete, or makes
 * the delete wait, and never holds what the delete needs.
 *
 * <p>Taken with a locking query, not {@code em.find(..., lock)}: find reads the row and locks it in a second
 * statement, and when a realm delete it waited for removed the row meanwhile, Hibernate fails with an assertion
 * (logged as an ERROR).
 */
public final class RealmLock {

    private RealmLock() {
    }

    /**
     * Shared where the database can (other holders go on, a realm delete or update waits): for writes that only need
     * the realm to stay. On H2 it is exclusive all the same.
     *
     * @return false when the realm is gone (deleted meanwhile)
     */
    public static boolean shared(KeycloakSession session, String realmId) {
        return lock(session, realmId, LockModeType.PESSIMISTIC_READ);
    }

    /** Exclusive: for a write that must be the realm's only one at a time (its first key's secret). */
    public static boolean exclusive(KeycloakSession session, String realmId) {
        return lock(session, realmId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static boolean lock(KeycloakSession session, String realmId, LockModeType mode) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        return !em.createQuery("select r from RealmEntity r where r.id = :id", RealmEntity.class)
                .setParameter("id", realmId)
                .setLockMode(mode)
                .getResultList().isEmpty();
    }
}

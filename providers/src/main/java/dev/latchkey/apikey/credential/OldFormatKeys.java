package dev.latchkey.apikey.credential;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.stream.Stream;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.RealmEntity;
import org.keycloak.util.JsonSerialization;

/**
 * Whether a realm still accepts keys of the format before tags (versions 1 and 2, which anyone can forge with valid
 * ids): only while it holds such keys. The realm attribute {@value #ATTRIBUTE} says so: {@value #PRESENT}, or
 * {@value #NONE}; a realm without it (one that existed before tags) counts as {@value #PRESENT}.
 *
 * <ul>
 *   <li>A new realm starts with {@value #NONE} ({@link #realmCreated}), unless an import brought such keys.</li>
 *   <li>A key of the old format arriving through Keycloak's credential paths (realm or partial import, an admin's
 *       user representation) sets {@value #PRESENT} at once ({@link #keyImported}).</li>
 *   <li>The lifecycle task counts the realm's old-format keys on each run and writes the answer
 *       ({@link #recount}): once the last one expired and was cleaned up, or was deleted, the realm refuses the
 *       old format before any lookup.</li>
 * </ul>
 * Writers take a row lock on the realm, so a count cannot overwrite a concurrent import's {@value #PRESENT}.
 */
public final class OldFormatKeys {

    public static final String ATTRIBUTE = "latchkey.apiKeys.oldFormatKeys";
    static final String PRESENT = "present";
    static final String NONE = "none";

    private OldFormatKeys() {
    }

    /** Read from the cached realm: no database access. */
    public static boolean accepted(RealmModel realm) {
        return !NONE.equals(realm.getAttribute(ATTRIBUTE));
    }

    /** A realm was created (empty, or by an import, whose keys came first or will set the flag as they arrive). */
    public static void realmCreated(RealmModel realm) {
        if (realm.getAttribute(ATTRIBUTE) == null) {
            realm.setAttribute(ATTRIBUTE, NONE);
        }
    }

    /** A key arrived through Keycloak's credential paths. */
    public static void keyImported(KeycloakSession session, RealmModel realm, ApiKeyCredentialData data) {
        if (!data.carriesTag() && !PRESENT.equals(realm.getAttribute(ATTRIBUTE))) {
            lock(session, realm);
            realm.setAttribute(ATTRIBUTE, PRESENT);
        }
    }

    /**
     * Counts the realm's old-format keys (local users and user storage alike) and records the answer. The row lock is
     * taken only when the answer changes, and the count is taken again under it.
     */
    public static void recount(KeycloakSession session, RealmModel realm) {
        if (count(session, realm).equals(realm.getAttribute(ATTRIBUTE))) {
            return;
        }
        lock(session, realm);
        String now = count(session, realm);
        if (!now.equals(realm.getAttribute(ATTRIBUTE))) {
            realm.setAttribute(ATTRIBUTE, now);
        }
    }

    private static String count(KeycloakSession session, RealmModel realm) {
        EntityManager em = em(session);
        Stream<String> local = em.createQuery("select c.credentialData from CredentialEntity c join c.user u "
                        + "where c.type = :type and u.realmId = :realmId", String.class)
                .setParameter("type", ApiKeyCredentialModel.TYPE).setParameter("realmId", realm.getId())
                .getResultStream();
        Stream<String> federated = em.createQuery("select c.credentialData from FederatedUserCredentialEntity c "
                        + "where c.type = :type and c.realmId = :realmId", String.class)
                .setParameter("type", ApiKeyCredentialModel.TYPE).setParameter("realmId", realm.getId())
                .getResultStream();
        try (Stream<String> all = Stream.concat(local, federated)) {
            return all.anyMatch(OldFormatKeys::isOldFormat) ? PRESENT : NONE;
        }
    }

    /** Unreadable data counts as neither: such a key never validates (see {@code UserKeys.readable}). */
    private static boolean isOldFormat(String credentialData) {
        try {
            return !JsonSerialization.readValue(credentialData, ApiKeyCredentialData.class).carriesTag();
        } catch (Exception unreadable) {
            return false;
        }
    }

    private static void lock(KeycloakSession session, RealmModel realm) {
        em(session).find(RealmEntity.class, realm.getId(), LockModeType.PESSIMISTIC_WRITE);
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}

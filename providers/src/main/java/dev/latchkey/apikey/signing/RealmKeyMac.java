package dev.latchkey.apikey.signing;

import dev.latchkey.apikey.format.KeyMac;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.RealmEntity;

/**
 * Where a realm keeps the secret of the tag in its keys ({@link KeyMac}): the realm attribute {@value #ATTRIBUTE},
 * made by the realm's first mint.
 *
 * <p>Why the realm: every node reads the same realm (from its realm cache, so a validation reads no database), a
 * {@code kc.sh export} and import carries realm attributes with the realm, so moved keys keep their tag, and nothing
 * needs configuring on each node. The price: whoever can read the realm (an admin with {@code view-realm}, a copy of
 * the database) can make keys that pass the tag and get looked up, which is what anyone could do before tags existed;
 * validating still needs the secret whose hash is stored, and that is in no database.
 */
public final class RealmKeyMac {

    /** Base64 of 32 random bytes. Not a setting: an admin never writes it, and changing it refuses every key. */
    public static final String ATTRIBUTE = "latchkey.apiKeys.macSecret";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RealmKeyMac() {
    }

    /** For validation: the realm's MAC, or null while the realm has minted no key with a tag. No database read. */
    public static KeyMac of(RealmModel realm) {
        return KeyMac.fromStored(realm.getAttribute(ATTRIBUTE));
    }

    /**
     * For minting: the realm's MAC, made now if the realm has none. Two nodes minting a realm's first key at once must
     * not make two secrets (the keys of the losing one would never validate), so the secret is made under a row lock on
     * the realm, held until the minting transaction ends, and re-read from the database under it.
     */
    public static KeyMac forMinting(KeycloakSession session, RealmModel realm) {
        KeyMac known = of(realm);
        if (known != null) {
            return known;
        }
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        em.find(RealmEntity.class, realm.getId(), LockModeType.PESSIMISTIC_WRITE);
        KeyMac stored = KeyMac.fromStored(em.createQuery("select a.value from RealmAttributeEntity a "
                        + "where a.realm.id = :realmId and a.name = :name", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("name", ATTRIBUTE)
                .getResultStream().findFirst().orElse(null));
        if (stored != null) {
            return stored;
        }
        String secret = KeyMac.newSecret(RANDOM);
        realm.setAttribute(ATTRIBUTE, secret);
        return KeyMac.fromStored(secret);
    }
}

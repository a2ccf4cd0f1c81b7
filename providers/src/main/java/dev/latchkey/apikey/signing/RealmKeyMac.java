package dev.latchkey.apikey.signing;

import dev.latchkey.apikey.format.KeyMac;
import dev.latchkey.common.RealmLock;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Where a realm keeps the secret of the tag in its keys ({@link KeyMac}): a component of the realm
 * ({@link RealmKeyMacSecretFactory}, internal), made by the realm's first mint.
 *
 * <p>Why a component of the realm: every node reads the same realm (from its realm cache, so a validation reads no
 * database), a {@code kc.sh export} and import carries components with the realm, so moved keys keep their tag, and
 * nothing needs configuring on each node. Not a realm attribute, where it lived before: Keycloak's realm update
 * replaces the realm's attributes with those sent, so a configuration tool that manages realm attributes removed it
 * and every key of the realm was refused. An internal component is out of reach of the realm update and of the
 * component endpoint. Realms that still have the attribute keep working from it until the realm's next mint or
 * lifecycle pass moves it into the component ({@link #moveOutOfAttributes}).
 *
 * <p>Whoever can read the realm's database can make keys that pass the tag and get looked up, which is what anyone
 * could do before tags existed; validating still needs the secret whose hash is stored, and that is in no database.
 */
public final class RealmKeyMac {

    /** Where realms kept the secret before it became a component; read until moved. Never written any more. */
    public static final String LEGACY_ATTRIBUTE = "latchkey.apiKeys.macSecret";
    /** The component's provider type, as Keycloak stores it. */
    static final String PROVIDER_TYPE = RealmKeyMacSecret.class.getName();
    private static final String COMPONENT_NAME = "Latchkey API-key tag secret";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RealmKeyMac() {
    }

    /** For validation: the realm's MAC, or null while the realm has minted no key with a tag. No database read. */
    public static KeyMac of(RealmModel realm) {
        ComponentModel component = component(realm);
        return KeyMac.fromStored(component != null
                ? component.get(RealmKeyMacSecretFactory.SECRET) : realm.getAttribute(LEGACY_ATTRIBUTE));
    }

    /**
     * For minting: the realm's MAC, made now if the realm has none (or moved into the component if the realm still
     * has the attribute). Two nodes minting a realm's first key at once must not make two secrets (the keys of the
     * losing one would never validate), so the secret is made under a row lock on the realm, held until the minting
     * transaction ends, and re-read from the database under it.
     */
    public static KeyMac forMinting(KeycloakSession session, RealmModel realm) {
        ComponentModel component = component(realm);
        KeyMac known = component == null ? null : KeyMac.fromStored(component.get(RealmKeyMacSecretFactory.SECRET));
        return known != null ? known : storeUnderLock(session, realm);
    }

    /**
     * Moves a secret kept as a realm attribute (by an earlier Latchkey, or brought back by an old export or an admin
     * tool that re-sent it) into the realm's component and removes the attribute. Nothing when there is none: the
     * check reads the cached realm only.
     */
    public static void moveOutOfAttributes(KeycloakSession session, RealmModel realm) {
        if (realm.getAttribute(LEGACY_ATTRIBUTE) != null) {
            storeUnderLock(session, realm);
        }
    }

    private static ComponentModel component(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), PROVIDER_TYPE).findFirst().orElse(null);
    }

    /**
     * Under the realm's row lock, from the database (the realm cache may not have seen another node's commit yet): the
     * component's secret if it holds a valid one; otherwise the attribute's, or a new one, written into the component.
     * The attribute is removed either way. A component whose secret is not valid (a partial export writes it masked)
     * gets a new one: its keys could not have validated.
     */
    private static KeyMac storeUnderLock(KeycloakSession session, RealmModel realm) {
        RealmLock.exclusive(session, realm.getId());
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        String componentId = em.createQuery("select c.id from ComponentEntity c "
                        + "where c.realm.id = :realmId and c.providerType = :type", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("type", PROVIDER_TYPE)
                .getResultStream().findFirst().orElse(null);
        KeyMac mac = componentId == null ? null : KeyMac.fromStored(em.createQuery("select cc.value from "
                        + "ComponentConfigEntity cc where cc.component.id = :id and cc.name = :name", String.class)
                .setParameter("id", componentId)
                .setParameter("name", RealmKeyMacSecretFactory.SECRET)
                .getResultStream().findFirst().orElse(null));
        String legacy = em.createQuery("select a.value from RealmAttributeEntity a "
                        + "where a.realm.id = :realmId and a.name = :name", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("name", LEGACY_ATTRIBUTE)
                .getResultStream().findFirst().orElse(null);
        if (mac == null) {
            String secret = KeyMac.fromStored(legacy) != null ? legacy : KeyMac.newSecret(RANDOM);
            write(realm, componentId, secret);
            mac = KeyMac.fromStored(secret);
        }
        if (legacy != null) {
            realm.removeAttribute(LEGACY_ATTRIBUTE);
        }
        return mac;
    }

    private static void write(RealmModel realm, String componentId, String secret) {
        ComponentModel existing = componentId == null ? null : realm.getComponent(componentId);
        if (existing != null) {
            existing.put(RealmKeyMacSecretFactory.SECRET, secret);
            realm.updateComponent(existing);
            return;
        }
        ComponentModel component = new ComponentModel();
        component.setName(COMPONENT_NAME);
        component.setParentId(realm.getId());
        component.setProviderType(PROVIDER_TYPE);
        component.setProviderId(RealmKeyMacSecretFactory.PROVIDER_ID);
        component.put(RealmKeyMacSecretFactory.SECRET, secret);
        realm.addComponentModel(component);
    }
}

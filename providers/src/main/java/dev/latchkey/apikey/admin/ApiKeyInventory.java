package dev.latchkey.apikey.admin;

import dev.latchkey.apikey.credential.ApiKeyCredentialData;
import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.minting.ApiKeyRepresentation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * The realm's keys, newest first, a page at a time, straight from the credential table, so no user is loaded and the
 * user cache is left alone, however many users the realm has. Without a filter on the stored data, two statements:
 * the database orders and pages the realm's key ids alone (narrow rows: an id and a date, never the stored data;
 * sorting those took 1.3 s at 100,000 keys where sorting whole rows took 2.2 s), then the page's rows are read by id
 * with the owner's id and username. With a filter on the stored data, one statement: the whole rows stream in the
 * same order, {@link #FETCH_SIZE} per round trip, and are filtered here until the page is full, holding one fetch and
 * the page in memory (reading the ordered ids in batches by id instead cost twice as much when few keys match). Either
 * way the ordering reads every key row of the realm (Keycloak's schema has no index on a credential's type and
 * creation time), so a page's time grows with the realm's keys (README, Performance). Keys of users in a user storage
 * without import are not in that table and are not listed.
 */
final class ApiKeyInventory {

    /** Rows fetched per round trip while filtering on the stored data. */
    private static final int FETCH_SIZE = 500;
    private static final String ROW = "c.id, c.createdDate, c.credentialData, u.id, u.username";

    private final KeycloakSession session;
    private final RealmModel realm;

    ApiKeyInventory(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    List<RealmApiKeyRepresentation> page(InventoryQuery query) {
        long now = Time.currentTimeMillis();
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        if (!query.filtersData()) {
            List<String> ids = newestFirst(em, query, "c.id", String.class)
                    .setFirstResult(query.first()).setMaxResults(query.max()).getResultList();
            return rows(em, ids).stream()
                    .map(row -> data((String) row[2]).map(data -> item(row, data, now)))
                    .flatMap(Optional::stream)
                    .toList();
        }
        List<RealmApiKeyRepresentation> page = new ArrayList<>(Math.min(query.max(), 100));
        int skipped = 0;
        try (Stream<Object[]> stream = newestFirst(em, query, ROW, Object[].class)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE).getResultStream()) {
            Iterator<Object[]> rows = stream.iterator();
            while (rows.hasNext() && page.size() < query.max()) {
                Object[] row = rows.next();
                Optional<ApiKeyCredentialData> data = data((String) row[2]);
                long created = row[1] == null ? 0L : (Long) row[1];
                if (data.isEmpty() || !query.matches(data.get(), created, now)) {
                    continue;
                }
                if (skipped < query.first()) {
                    skipped++;
                    continue;
                }
                page.add(item(row, data.get(), now));
            }
        }
        return page;
    }

    /** The realm's keys (of one user, with {@code username}), newest first, as {@code select}. */
    private <T> TypedQuery<T> newestFirst(EntityManager em, InventoryQuery query, String select, Class<T> type) {
        TypedQuery<T> keys = em.createQuery("select " + select + " from CredentialEntity c join c.user u "
                        + "where c.type = :type and u.realmId = :realmId"
                        + (query.username() != null ? " and u.username = :username" : "")
                        + " order by c.createdDate desc, c.id desc", type)
                .setParameter("type", ApiKeyCredentialModel.TYPE)
                .setParameter("realmId", realm.getId());
        if (query.username() != null) {
            keys.setParameter("username", query.username());
        }
        return keys;
    }

    /** The rows of these keys in the order given; a key deleted since the ids were read is left out. */
    private List<Object[]> rows(EntityManager em, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object[]> byId = new HashMap<>();
        em.createQuery("select " + ROW + " from CredentialEntity c join c.user u where c.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .forEach(row -> byId.put((String) row[0], row));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static RealmApiKeyRepresentation item(Object[] row, ApiKeyCredentialData data, long now) {
        return RealmApiKeyRepresentation.of(ApiKeyRepresentation.of((String) row[0], (Long) row[1], data, now),
                (String) row[3], (String) row[4]);
    }

    private static Optional<ApiKeyCredentialData> data(String json) {
        try {
            return Optional.of(JsonSerialization.readValue(json, ApiKeyCredentialData.class));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // left out, as the owner's list leaves it out
        }
    }
}

package dev.latchkey.apikey.admin;

import dev.latchkey.apikey.credential.ApiKeyCredentialData;
import dev.latchkey.apikey.credential.ApiKeyCredentialModel;
import dev.latchkey.apikey.minting.ApiKeyRepresentation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * The realm's keys, newest first, a page at a time, straight from the credential table: one query that joins only the
 * owner's id and username, so no user is loaded and the user cache is left alone, however many users the realm has.
 * Without a filter on the stored data the database pages ({@code offset}/{@code limit}); with one, the rows stream in
 * the same order in batches and are filtered here until the page is full, holding at most one batch and the page in
 * memory. Either way the database reads and sorts every key row of the realm for each page (Keycloak's schema has no
 * index on a credential's type and creation time), so a page's time grows with the realm's keys (README, Performance).
 * Keys of users in a user storage without import are not in that table and are not listed.
 */
final class ApiKeyInventory {

    /** Rows fetched per round trip while filtering on the stored data. */
    private static final int FETCH_SIZE = 500;

    private final KeycloakSession session;
    private final RealmModel realm;

    ApiKeyInventory(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    List<RealmApiKeyRepresentation> page(InventoryQuery query) {
        long now = Time.currentTimeMillis();
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        TypedQuery<Object[]> rows = em.createQuery("select c.id, c.createdDate, c.credentialData, u.id, u.username "
                        + "from CredentialEntity c join c.user u where c.type = :type and u.realmId = :realmId"
                        + (query.username() != null ? " and u.username = :username" : "")
                        + " order by c.createdDate desc, c.id desc", Object[].class)
                .setParameter("type", ApiKeyCredentialModel.TYPE)
                .setParameter("realmId", realm.getId());
        if (query.username() != null) {
            rows.setParameter("username", query.username());
        }
        if (!query.filtersData()) {
            return rows.setFirstResult(query.first()).setMaxResults(query.max()).getResultStream()
                    .map(row -> item(row, now))
                    .flatMap(Optional::stream)
                    .toList();
        }
        List<RealmApiKeyRepresentation> page = new ArrayList<>(Math.min(query.max(), 100));
        int skipped = 0;
        try (Stream<Object[]> stream = rows.setHint("org.hibernate.fetchSize", FETCH_SIZE).getResultStream()) {
            Iterator<Object[]> it = stream.iterator();
            while (it.hasNext() && page.size() < query.max()) {
                Object[] row = it.next();
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

    private static Optional<RealmApiKeyRepresentation> item(Object[] row, long now) {
        return data((String) row[2]).map(data -> item(row, data, now));
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

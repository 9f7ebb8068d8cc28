package io.chorus.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/** Native SQL over the read-model tables, which are plain rows with composite keys rather than entities. */
@ApplicationScoped
public class Sql {

    @Inject
    EntityManager em;

    public int update(String sql, Object... params) {
        return bind(em.createNativeQuery(sql), params).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql, Object... params) {
        List<?> result = bind(em.createNativeQuery(sql), params).getResultList();
        return result.stream().map(row -> row instanceof Object[] array ? array : new Object[] {row}).toList();
    }

    public Object single(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    private static Query bind(Query query, Object... params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }
}

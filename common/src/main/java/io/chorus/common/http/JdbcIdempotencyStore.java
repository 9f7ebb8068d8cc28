package io.chorus.common.http;

import io.chorus.common.jobs.JobRunners;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The keys of a PostgreSQL service, in table idempotency_key (Flyway location db/idempotency). A claim that never got an
 * answer belongs to a request that died when its process stopped beating (table service_process), or when it is older
 * than 30 seconds, and may be taken again.
 */
@DefaultBean
@ApplicationScoped
public class JdbcIdempotencyStore implements IdempotencyStore {

    @Inject
    Instance<DataSource> dataSource;

    @Override
    public boolean claim(String key, String fingerprint) {
        if (IdempotencyHeartbeat.steady()) {
            update("delete from idempotency_key where key = ? and status = 0 and not applied and (created_at < now() - interval '30 seconds' "
                    + "or runner not in (select id from service_process where heartbeat_at > now() - ? * interval '1 millisecond'))", key,
                    IdempotencyHeartbeat.DEAD_AFTER.toMillis());
        } else {
            update("delete from idempotency_key where key = ? and status = 0 and not applied and created_at < now() - interval '30 seconds'",
                    key);
        }
        return update("insert into idempotency_key (key, fingerprint, status, runner) values (?, ?, 0, ?) on conflict do nothing",
                key, fingerprint, JobRunners.id()) == 1;
    }

    @Override
    public void beat() {
        update("insert into service_process (id, heartbeat_at) values (?, now()) on conflict (id) do update set heartbeat_at = now()",
                JobRunners.id());
        update("delete from service_process where heartbeat_at < now() - interval '1 day'");
    }

    @Override
    public Optional<Answer> find(String key) {
        try (Connection connection = dataSource.get().getConnection();
                PreparedStatement select = connection.prepareStatement("select fingerprint, status, body, content_type, "
                        + "location, etag, reads, applied from idempotency_key where key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Answer(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getBoolean(8))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read idempotency keys", e);
        }
    }

    @Override
    public void complete(String key, Answer answer) {
        update("update idempotency_key set status = ?, body = ?, content_type = ?, location = ?, etag = ?, reads = ? where key = ?",
                answer.status(), answer.body(), answer.contentType(), answer.location(), answer.etag(), answer.reads(), key);
    }

    /** Runs in the caller's JTA transaction: Agroal enlists the connection, so the mark commits with the change. */
    @Override
    public void markAppliedInTransaction(String key) {
        update("update idempotency_key set applied = true where key = ? and status = 0", key);
    }

    @Override
    public void release(String key) {
        update("delete from idempotency_key where key = ? and status = 0 and not applied", key);
    }

    @Override
    public int expire(Instant cutoff) {
        return update("delete from idempotency_key where created_at < ?", java.sql.Timestamp.from(cutoff));
    }

    @Override
    public int redact(String... fragments) {
        StringBuilder where = new StringBuilder("status <> 0");
        Object[] values = new Object[fragments.length + 4];
        values[0] = WITHDRAWN.status();
        values[1] = WITHDRAWN.body();
        values[2] = WITHDRAWN.contentType();
        values[3] = WITHDRAWN.status();
        for (int i = 0; i < fragments.length; i++) {
            where.append(" and strpos(body, ?) > 0");
            values[i + 4] = fragments[i];
        }
        return update("update idempotency_key set status = ?, body = ?, content_type = ?, location = null, etag = null, reads = null "
                + "where status <> ? and " + where, values);
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.get().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write idempotency keys", e);
        }
    }
}

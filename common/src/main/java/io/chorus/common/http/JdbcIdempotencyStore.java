package io.chorus.common.http;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The keys of a PostgreSQL service, in table idempotency_key (Flyway location db/idempotency). A claim older
 * than 30 seconds that never got an answer belongs to a request that died, and may be taken again.
 */
@DefaultBean
@ApplicationScoped
public class JdbcIdempotencyStore implements IdempotencyStore {

    @Inject
    Instance<DataSource> dataSource;

    @Override
    public boolean claim(String key, String fingerprint) {
        update("delete from idempotency_key where key = ? and status = 0 and created_at < now() - interval '30 seconds'", key);
        return update("insert into idempotency_key (key, fingerprint, status) values (?, ?, 0) on conflict do nothing",
                key, fingerprint) == 1;
    }

    @Override
    public Optional<Answer> find(String key) {
        try (Connection connection = dataSource.get().getConnection();
                PreparedStatement select = connection.prepareStatement("select fingerprint, status, body, content_type, "
                        + "location, etag, reads from idempotency_key where key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Answer(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7))) : Optional.empty();
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

    @Override
    public void release(String key) {
        update("delete from idempotency_key where key = ? and status = 0", key);
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

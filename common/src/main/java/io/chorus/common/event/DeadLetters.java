package io.chorus.common.event;

import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Page;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * The events this service's consumers could never apply. Each goes to its channel's dead-letter topic and is also kept
 * here (table dead_letter, Flyway location db/dead-letters) with its reason, so that a consortium admin can list them and,
 * after a fix, replay one or all. A replay goes through the consumer as the first delivery would: applied once, never
 * twice. While any wait, /q/health reports "dead letters" DOWN and the gauge chorus.events.dead.letters counts them.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** Type of a dead letter that was not a CloudEvent at all: it cannot be replayed, only dismissed. */
    public static final String UNREADABLE = "unreadable";

    @Schema(name = "DeadLetter")
    public record DeadLetter(String consumer, String eventId, String type, String aggregateType, String key, Instant occurredAt,
            String reason, Instant deadAt, Instant replayedAt) {
    }

    @Schema(name = "DeadLetterReplay")
    public record Replay(int replayed, int stillFailing, List<DeadLetter> failing) {
    }

    /** What is known of a record that is not a CloudEvent: where it was ("topic/partition/offset"), and what it held. */
    public static EventEnvelope unreadable(String where, String payload) {
        return new EventEnvelope("kafka:" + where, UNREADABLE, null, null, null, String.valueOf(payload));
    }

    @Inject
    Instance<DataSource> dataSource;

    @Inject
    @Any
    Instance<EventSink> sinks;

    @Inject
    Instance<MeterRegistry> meters;

    @Inject
    Instance<Erasures> erasures;

    void metric(@Observes StartupEvent startup) {
        if (meters.isResolvable() && hasConsumers()) {
            Gauge.builder("chorus.events.dead.letters", this, DeadLetters::waitingOrMinusOne)
                    .description("Dead-lettered events not yet replayed").register(meters.get());
        }
    }

    /** Keeps an event that can never be applied, on its own connection (the failed transaction was rolled back). */
    public void record(String consumer, EventEnvelope event, String reason) {
        update("insert into dead_letter (consumer, event_id, type, aggregate_type, aggregate_id, occurred_at, payload, reason) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (consumer, event_id) do update set reason = excluded.reason, "
                + "dead_at = now(), replayed_at = null", consumer, event.id(), event.type(), event.aggregateType(), event.aggregateId(),
                event.occurredAt() == null ? null : Timestamp.from(event.occurredAt()), storable(event.payloadJson()), withoutText(reason));
    }

    /**
     * A reason as admins may read it: a parser quotes the value it refused, which can be a transcript's original words,
     * and those go only to members of its site. Quoted values are left out; what was wrong and where stays.
     */
    static String withoutText(String reason) {
        return reason == null ? null : storable(reason.replaceAll("\"[^\"]*\"", "\"…\""));
    }

    /** PostgreSQL text cannot hold NUL, the commonest poison of all: kept as its JSON escape. */
    private static String storable(String text) {
        return text == null ? null : text.replace("\u0000", "\\u0000");
    }

    public long waiting() {
        try (Connection c = dataSource.get().getConnection();
                ResultSet rows = c.createStatement().executeQuery("select count(*) from dead_letter where replayed_at is null")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("dead letters cannot be read", e);
        }
    }

    private double waitingOrMinusOne() {
        try {
            return waiting();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** @param all false for only those not yet replayed */
    public Page<DeadLetter> list(boolean all, int page, int size) {
        String where = all ? "" : " where replayed_at is null";
        List<DeadLetter> items = query("select consumer, event_id, type, aggregate_type, aggregate_id, occurred_at, reason, dead_at, "
                + "replayed_at from dead_letter" + where + " order by dead_at, consumer, event_id limit ? offset ?", size, page * size);
        long total;
        try (Connection c = dataSource.get().getConnection();
                ResultSet rows = c.createStatement().executeQuery("select count(*) from dead_letter" + where)) {
            rows.next();
            total = rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("dead letters cannot be read", e);
        }
        return new Page<>(items, page, size, total);
    }

    /** Replays every waiting dead letter, or the one with this event id; what still fails stays, with its new reason. */
    public Replay replay(String eventId) {
        List<Object[]> waiting = new ArrayList<>();
        String sql = "select consumer, event_id, type, aggregate_type, aggregate_id, occurred_at, payload from dead_letter "
                + "where replayed_at is null" + (eventId == null ? "" : " and event_id = ?") + " order by dead_at";
        try (Connection c = dataSource.get().getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            if (eventId != null) {
                statement.setString(1, eventId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp at = rows.getTimestamp(6);
                    waiting.add(new Object[] {rows.getString(1), new EventEnvelope(rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), at == null ? null : at.toInstant(), rows.getString(7))});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dead letters cannot be read", e);
        }
        if (eventId != null && waiting.isEmpty()) {
            throw ProblemException.notFound("Dead letter '" + eventId + "' (or it was replayed already)");
        }
        int replayed = 0;
        List<DeadLetter> failing = new ArrayList<>();
        for (Object[] letter : waiting) {
            String consumer = (String) letter[0];
            EventEnvelope event = (EventEnvelope) letter[1];
            try {
                if (UNREADABLE.equals(event.type())) {
                    throw new IllegalArgumentException("it is not a CloudEvent and can never be applied; dismiss it");
                }
                sink(consumer).apply(event);
                erasures.get().applied(event);
                update("update dead_letter set replayed_at = now() where consumer = ? and event_id = ?", consumer, event.id());
                replayed++;
            } catch (RuntimeException e) {
                String reason = EventFailures.reason(e);
                update("update dead_letter set reason = ? where consumer = ? and event_id = ?", withoutText(reason), consumer, event.id());
                failing.add(new DeadLetter(consumer, event.id(), event.type(), event.aggregateType(), event.aggregateId(),
                        event.occurredAt(), reason, Instant.now(), null));
            }
        }
        LOG.infof("replayed %d dead letters, %d still fail", replayed, failing.size());
        return new Replay(replayed, failing.size(), failing);
    }

    /**
     * Empties the payload of every dead letter that carries {@code fragment} (a withdrawn transcript's id) and marks it
     * handled: replaying it would bring the withdrawn words back. What it was, and why it failed, stay. How many.
     */
    public int erase(String fragment) {
        return update("update dead_letter set payload = ?, replayed_at = coalesce(replayed_at, now()), reason = reason || ? "
                + "where strpos(payload, ?) > 0", "{\"erased\":\"the words it carried were withdrawn\"}",
                " (erased: the words it carried were withdrawn)", fragment);
    }

    /** Marks a dead letter handled without applying it (one that can never be applied, such as an unreadable record). */
    public void dismiss(String eventId, String by) {
        if (query("select consumer, event_id, type, aggregate_type, aggregate_id, occurred_at, reason, dead_at, replayed_at "
                + "from dead_letter where event_id = ? and replayed_at is null", eventId).isEmpty()) {
            throw ProblemException.notFound("Dead letter '" + eventId + "' (or it was replayed already)");
        }
        update("update dead_letter set replayed_at = now(), reason = reason || ? where event_id = ? and replayed_at is null",
                " (dismissed by " + by + ")", eventId);
    }

    boolean hasConsumers() {
        return dataSource.isResolvable() && !sinks.isUnsatisfied();
    }

    private EventSink sink(String consumer) {
        for (EventSink sink : sinks) {
            if (sink.consumer().equals(consumer)) {
                return sink;
            }
        }
        throw new IllegalStateException("no consumer " + consumer + " in this service");
    }

    private List<DeadLetter> query(String sql, Object... parameters) {
        try (Connection c = dataSource.get().getConnection(); PreparedStatement statement = prepare(c, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<DeadLetter> letters = new ArrayList<>();
            while (rows.next()) {
                letters.add(new DeadLetter(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        instant(rows.getTimestamp(6)), rows.getString(7), instant(rows.getTimestamp(8)), instant(rows.getTimestamp(9))));
            }
            return letters;
        } catch (SQLException e) {
            throw new IllegalStateException("dead letters cannot be read", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.get().getConnection(); PreparedStatement statement = prepare(c, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("dead letters cannot be written", e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}

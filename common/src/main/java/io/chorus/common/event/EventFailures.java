package io.chorus.common.event;

import java.sql.SQLException;

/**
 * Tells an event that can never be applied (unreadable payload, invalid or missing data, a constraint it breaks) from a
 * failure that passes (database or broker away, a deadlock, a timeout). The first goes to the dead-letter topic at
 * once; the second is retried, in order, until it succeeds, so an outage delays events but loses none.
 */
public final class EventFailures {

    private EventFailures() {
    }

    public static boolean isDeterministic(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IllegalArgumentException || cause instanceof com.fasterxml.jackson.core.JsonProcessingException
                    || cause instanceof jakarta.validation.ConstraintViolationException
                    // data the consumer cannot handle: a missing field, a value of the wrong kind, a bad date
                    || cause instanceof NullPointerException || cause instanceof ClassCastException
                    || cause instanceof java.time.DateTimeException || cause instanceof IndexOutOfBoundsException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** The sentence a dead-lettered event carries: the innermost cause, which names what was wrong. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}

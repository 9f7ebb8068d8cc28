package io.chorus.common.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure because a store (PostgreSQL, MongoDB) or a service the request needs (Keycloak, for the identity
 * service) cannot be reached from every other failure: the client is answered 503 and may retry.
 */
public final class StoreOutages {

    /** Seconds a client is asked to wait before it retries, in Retry-After. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Set<String> UNREACHABLE = Set.of("com.mongodb.MongoTimeoutException", "com.mongodb.MongoSocketException",
            "com.mongodb.MongoServerUnavailableException", "org.hibernate.exception.JDBCConnectionException");

    private StoreOutages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && (startsWith(sql.getSQLState(), "08") || startsWith(sql.getSQLState(), "57P")
                    || String.valueOf(sql.getMessage()).contains("Acquisition timeout"))) {
                return true;
            }
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (UNREACHABLE.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(String state, String prefix) {
        return state != null && state.startsWith(prefix);
    }
}

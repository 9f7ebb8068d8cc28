package io.chorus.common.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreOutagesTest {

    @Test
    void aStoreThatCannotBeReachedIsAnOutageWhereverItIsWrapped() {
        // what the PostgreSQL driver throws when the server refuses the connection, wrapped as Hibernate does
        assertTrue(StoreOutages.isOutage(new PersistenceException(new SQLException("Connection to localhost:5432 refused", "08001"))));
        assertTrue(StoreOutages.isOutage(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))));
        // Agroal, when no connection could be had in time
        assertTrue(StoreOutages.isOutage(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(StoreOutages.isOutage(new java.sql.SQLTransientConnectionException("pool closed")));
        // the Keycloak admin client (a REST client) when Keycloak does not take the connection
        assertTrue(StoreOutages.isOutage(new jakarta.ws.rs.ProcessingException(new java.net.ConnectException("Connection refused"))));
    }

    @Test
    void aClientsMistakeOrABugIsNot() {
        assertFalse(StoreOutages.isOutage(new PersistenceException(new SQLException("duplicate key value", "23505"))));
        assertFalse(StoreOutages.isOutage(new IllegalArgumentException("bad")));
        assertFalse(StoreOutages.isOutage(new NullPointerException()));
    }
}

package io.chorus.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** PostgreSQL from Maven-packaged binaries (zonky), one database per service, data kept in the state folder. */
final class PostgresComponent implements Component {

    private final PlatformSettings settings;
    private EmbeddedPostgres postgres;

    PostgresComponent(PlatformSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return PlatformSettings.POSTGRES;
    }

    @Override
    public Path log() {
        return settings.logDir().resolve("postgres.log");
    }

    @Override
    public void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(settings.stateDir().resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(settings.port(PlatformSettings.POSTGRES))
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(statement, "select 1 from pg_roles where rolname = '" + ServiceSpec.DB_USERNAME + "'")) {
                statement.execute("create role " + ServiceSpec.DB_USERNAME + " login password '" + ServiceSpec.DB_PASSWORD_VALUE + "'");
            }
            for (ServiceSpec service : ServiceSpec.ALL) {
                if (service.database() != null
                        && !exists(statement, "select 1 from pg_database where datname = '" + service.database() + "'")) {
                    statement.execute("create database " + service.database() + " owner " + ServiceSpec.DB_USERNAME);
                }
            }
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            return result.next();
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + settings.port(PlatformSettings.POSTGRES) + "/" + database;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("postgres did not stop cleanly: " + e);
            }
        }
    }

    @Override
    public boolean alive() {
        return !pids().isEmpty();
    }

    @Override
    public void crash() {
        pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join()));
        // releases the data directory's lock held by this JVM, so that start() can take it again
        stop();
        postgres = null;
    }

    @Override
    public List<Long> pids() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(settings.stateDir().resolve("postgres").toString())).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}

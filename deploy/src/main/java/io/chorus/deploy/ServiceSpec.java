package io.chorus.deploy;

import java.util.List;

/**
 * The four Chorus services and the environment each needs. docker-compose.yml sets the same
 * variables (checked by ComposeConsistencyTest).
 */
public record ServiceSpec(String name, int defaultPort, List<String> environment, String database) {

    public static final String HTTP_PORT = "QUARKUS_HTTP_PORT";
    public static final String OIDC_URL = "QUARKUS_OIDC_AUTH_SERVER_URL";
    public static final String KAFKA = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String MONGO = "QUARKUS_MONGODB_CONNECTION_STRING";
    public static final String JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";
    public static final String DB_USER = "QUARKUS_DATASOURCE_USERNAME";
    public static final String DB_PASSWORD = "QUARKUS_DATASOURCE_PASSWORD";
    public static final String KEYCLOAK_ADMIN_URL = "QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL";
    /** Wraps the data keys that seal transcript text in events; the same in every service that reads or writes them. */
    public static final String EVENTS_MASTER_KEY = "CHORUS_EVENTS_MASTER_KEY";

    public static final ServiceSpec TRANSCRIPT = new ServiceSpec("transcript-service", 8081,
            List.of(HTTP_PORT, OIDC_URL, KAFKA, MONGO, EVENTS_MASTER_KEY), null);
    public static final ServiceSpec CODING = new ServiceSpec("coding-service", 8082,
            List.of(HTTP_PORT, OIDC_URL, KAFKA, JDBC_URL, DB_USER, DB_PASSWORD, EVENTS_MASTER_KEY), "chorus_coding");
    public static final ServiceSpec REPORTING = new ServiceSpec("reporting-service", 8083,
            List.of(HTTP_PORT, OIDC_URL, KAFKA, JDBC_URL, DB_USER, DB_PASSWORD, EVENTS_MASTER_KEY), "chorus_reporting");
    public static final ServiceSpec IDENTITY = new ServiceSpec("identity", 8084,
            List.of(HTTP_PORT, OIDC_URL, KAFKA, JDBC_URL, DB_USER, DB_PASSWORD, KEYCLOAK_ADMIN_URL), "chorus_identity");

    public static final List<ServiceSpec> ALL = List.of(TRANSCRIPT, CODING, REPORTING, IDENTITY);

    /** Kafka topics of the platform, created up front with three partitions each. */
    public static final List<String> TOPICS = List.of("chorus.transcripts", "chorus.coding", "chorus.identity");

    /** The compacted topic of data keys and their destruction (one partition: few records, one order). */
    public static final String KEY_TOPIC = "chorus.keys";

    /**
     * How the key topic forgets a destroyed key's material: the active segment rolls after 10 s (on the next record, which
     * transcript-service's roll records supply), the cleaner compacts a rolled segment at once (any dirty share, at most
     * 10 s after a record was written) and deletes the old files after 1 s. With the broker's cleaner checking every second,
     * a destroyed key's record is gone from the topic within 60 s of the withdrawal (ErasureIT measures it).
     */
    public static final java.util.Map<String, String> KEY_TOPIC_CONFIG = java.util.Map.of("cleanup.policy", "compact",
            "segment.ms", "10000", "max.compaction.lag.ms", "10000", "min.compaction.lag.ms", "0",
            "min.cleanable.dirty.ratio", "0.01", "file.delete.delay.ms", "1000");

    public static final String DB_USERNAME = "chorus";
    public static final String DB_PASSWORD_VALUE = "chorus";
}

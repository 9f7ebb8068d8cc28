package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.deploy.chaos.ChaosRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of every service behind their round-robin fronts, on one Kafka, PostgreSQL and MongoDB stand-in (a
 * platform of its own). A mixed load of about 100 writes (pushes taken to release, codings, rounds to consensus, a
 * withdrawal) runs while one instance of each service in turn is killed with kill -9 and started again; the fronts pass
 * over the dead instance and the other one goes on. Then every acknowledged write is reconciled: 0 lost, 0 duplicated.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaIT {

    private static Platform platform;

    @BeforeAll
    static void start() {
        platform = EmbeddedPlatform.startReplicated(2);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void killingOneInstanceOfEachServiceLosesAndDuplicatesNothingAndTheFrontsSpreadConnections() throws Exception {
        List<String> firstInstances = ServiceSpec.ALL.stream().map(s -> s.name() + "-1").toList();
        ChaosRun.Result result = new ChaosRun(platform, new ChaosRun.Settings(Duration.ofSeconds(8), Duration.ofSeconds(8), 20,
                Duration.ofSeconds(1)), firstInstances, line -> System.out.println("[replicas] " + line)).run();
        System.out.println(ChaosRun.table(result));
        assertEquals(List.of(), result.mismatches());
        assertEquals(0, result.lost());
        assertEquals(0, result.duplicated());
        assertTrue(result.writes() >= 60, "a mixed load of writes: " + result.writes());
        assertTrue(result.consensusDecided() >= 1, "a round closed and taken to consensus: " + result.consensusDecided());
        for (ChaosRun.Outage outage : result.outages()) {
            assertTrue(outage.acknowledged() > 0, outage.component() + " was down, and the other instance acknowledged writes meanwhile");
        }
        Map<String, Map<Integer, Integer>> spread = platform.frontConnections();
        assertEquals(ServiceSpec.ALL.size(), spread.size(), "a front for each service: " + spread);
        spread.forEach((service, byInstance) -> {
            assertEquals(2, byInstance.size(), service + ": " + byInstance);
            byInstance.values().forEach(count -> assertTrue(count > 0, service + " gave each instance connections: " + byInstance));
        });
    }

    /** A rebuild started on one instance runs once: the other refuses a second one, answers its status, and the reports come back equal. */
    @Test
    @Order(2)
    void aRebuildRunsOnceAcrossInstancesAndEitherAnswersItsStatus() throws Exception {
        ChorusClient client = new ChorusClient(platform.settings());
        String admin = client.userToken("admin");
        String analyst = client.userToken("analyst");
        String before = client.get("reporting-service", "/api/reports/progress", analyst).body().path("rows").toString();
        ChorusClient.Reply started = client.post("reporting-service-1", "/api/admin/rebuilds", admin, "");
        assertEquals(202, started.status(), started.body().toString());
        ChorusClient.Reply second = client.post("reporting-service-2", "/api/admin/rebuilds", admin, "");
        assertEquals(409, second.status(), "one rebuild at a time across instances: " + second.body());
        assertEquals("application/problem+json", second.contentType());
        String status = "/api/admin/rebuilds/" + started.body().path("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String state;
        do {
            Thread.sleep(200);
            state = client.get("reporting-service-2", status, admin).body().path("state").asText();
        } while (state.equals("running") && System.nanoTime() < deadline);
        assertEquals("done", state, "the other instance reads the rebuild's status from the database");
        assertTrue(client.get("reporting-service-2", status, admin).body().path("replayed").asLong() > 0);
        assertEquals(before, client.get("reporting-service", "/api/reports/progress", analyst).body().path("rows").toString());
        // the finished rebuild released its locks on the pooled connection: the next one starts, on either instance
        ChorusClient.Reply next = client.post("reporting-service-2", "/api/admin/rebuilds", admin, "");
        assertEquals(202, next.status(), next.body().toString());
        String nextStatus = "/api/admin/rebuilds/" + next.body().path("id").asText();
        do {
            Thread.sleep(200);
            state = client.get("reporting-service-1", nextStatus, admin).body().path("state").asText();
        } while (state.equals("running") && System.nanoTime() < deadline);
        assertEquals("done", state);
    }
}

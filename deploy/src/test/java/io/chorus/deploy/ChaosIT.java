package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.deploy.chaos.ChaosRun;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bounded form of {@code ./platform chaos}: one kill -9 of each component during a load of about 200 writes
 * (transcripts taken to release and coded, every third also double coded in a round and taken to consensus), each
 * restarted, then everything reconciled. PostgreSQL and Kafka stay down 65 s: longer than any 60 s limit a consumer
 * or producer might have on waiting (such a limit once stopped a consumer channel for good). Also: the launcher's supervisor restarts a component that died by itself.
 */
@ExtendWith(EmbeddedPlatform.class)
class ChaosIT {

    @Test
    void killingEachComponentLosesAndDuplicatesNothingAndEverythingReconciles() throws Exception {
        ChaosRun.Result result = new ChaosRun(EmbeddedPlatform.platform(), new ChaosRun.Settings(Duration.ofSeconds(5),
                Duration.ofSeconds(65), 25, Duration.ofSeconds(2)), line -> System.out.println("[chaos] " + line)).run();
        System.out.println(ChaosRun.table(result));
        assertEquals(List.of(), result.mismatches());
        assertEquals(0, result.lost());
        assertEquals(0, result.duplicated());
        // a volume check, not an integrity one: the load must keep writing through the outages (147-179 on 2 shared cores)
        assertTrue(result.writes() >= 120, "about 150-200 writes: " + result.writes());
        assertTrue(result.consensusDecided() >= 3, "rounds closed and taken to consensus: " + result.consensusDecided());
        assertEquals(ChaosRun.COMPONENTS.size(), result.outages().size());
    }

    @Test
    void theSupervisorRestartsAComponentThatDied() throws Exception {
        Platform platform = EmbeddedPlatform.platform();
        platform.supervise();
        int before = platform.restarts(PlatformSettings.MONGO);
        platform.kill(PlatformSettings.MONGO);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (platform.restarts(PlatformSettings.MONGO) == before && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(before + 1, platform.restarts(PlatformSettings.MONGO), "the supervisor started the MongoDB stand-in again");
        assertTrue(platform.alive(PlatformSettings.MONGO));
    }
}

package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ./platform up --demo: the published excerpts arrive in every service, and loading twice changes nothing. */
@ExtendWith(EmbeddedPlatform.class)
class DemoDataIT {

    @Test
    void publishedExcerptsBecomeReleasedTranscriptsOnce() {
        ChorusClient client = EmbeddedPlatform.client();
        DemoData.Loaded first = DemoData.load(client, System.out::println);
        assertEquals(53, first.paragraphs(), "all 53 published excerpts");
        DemoData.Loaded second = DemoData.load(client, System.out::println);
        assertEquals(first, second);
        String analyst = client.userToken("analyst");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var items = client.get("coding-service", "/api/transcripts?size=200", analyst).body().path("items");
            long demo = items.findValuesAsText("externalId").stream().filter(e -> e.startsWith("demo-")).count();
            assertEquals(first.transcripts(), demo);
        });
        for (String site : DemoData.sitesWithExcerpts()) {
            assertTrue(WalkingSkeletonIT.releasedCount(client, analyst, site) >= 1, site + " counted in reporting");
        }
    }
}

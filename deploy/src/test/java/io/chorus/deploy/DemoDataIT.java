package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        // each demo transcript by its own id, not a page of every transcript the platform holds
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String id : first.transcriptIds()) {
                assertEquals(200, client.get("coding-service", "/api/transcripts/" + id, analyst).status(), id);
            }
        });
        assertEquals(first.transcripts(), first.transcriptIds().size());
        PaperReportsIT.awaitDemoTables(client, first);
    }
}

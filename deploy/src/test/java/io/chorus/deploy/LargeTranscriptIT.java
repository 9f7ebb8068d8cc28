package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.client.coding.api.ReleasedTranscriptsApi;
import io.chorus.client.transcript.api.TranscriptWorkflowApi;
import io.chorus.client.transcript.api.TranscriptsApi;
import io.chorus.client.transcript.model.ParagraphPush;
import io.chorus.client.transcript.model.TranscriptPush;
import io.chorus.client.transcript.model.TranslatedParagraph;
import io.chorus.client.transcript.model.Translation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The largest transcript Chorus keeps (5,000 paragraphs, 12 MiB of German text and English translation together)
 * is released through real Kafka: its event of about 13 MB reaches coding-service and reporting-service whole, and a
 * small transcript released right after it is not held up.
 */
@ExtendWith(EmbeddedPlatform.class)
class LargeTranscriptIT {

    static final String SITE = "ULM";
    static final int PARAGRAPHS = 5000;

    final ChorusClient client = EmbeddedPlatform.client();

    static String text(int n, int bytes) {
        return io.chorus.common.testing.SpeechLikeText.paragraph(n, bytes);
    }

    @Test
    void aTranscriptAtTheSizeLimitFlowsToCodingAndReportingAndHoldsUpNoOther() throws Exception {
        String analyst = client.userToken("analyst");
        OwnStudy study = OwnStudy.register(client, "Large transcript");
        String session = study.session(client, SITE);
        List<ParagraphPush> paragraphs = new ArrayList<>();
        List<TranslatedParagraph> english = new ArrayList<>();
        for (int n = 1; n <= PARAGRAPHS; n++) {
            paragraphs.add(new ParagraphPush().speaker("P" + (n % 7 + 1)).text(text(n, 1250)));
            english.add(new TranslatedParagraph().n(n).english(text(n, 1258)));
        }
        String id = Api.transcripts(TranscriptsApi::new, client.partnerToken(SITE)).pushTranscript(SITE,
                new TranscriptPush().externalId("large-" + UUID.randomUUID()).language("de").session(session).paragraphs(paragraphs), null).getId();
        String lead = client.userToken("lead-ulm");
        Api.transcripts(TranscriptWorkflowApi::new, lead).backCheckTranscript(SITE, id, null);
        Api.transcripts(TranscriptWorkflowApi::new, client.userToken("translator-a"))
                .translateTranscript(SITE, id, new Translation().paragraphs(english));
        Api.transcripts(TranscriptWorkflowApi::new, client.userToken("translator-b")).reviewTranscript(SITE, id, null);
        Api.transcripts(TranscriptWorkflowApi::new, client.userToken("researcher-bu")).reviewTranscript(SITE, id, null);
        assertEquals("released", Api.transcripts(TranscriptWorkflowApi::new, lead).releaseTranscript(SITE, id, null).getStatus());
        String small = WalkingSkeletonIT.released(client, SITE, WalkingSkeletonIT.transcript("after-large-" + UUID.randomUUID())
                .session(session)).getId();

        var coding = Api.coding(ReleasedTranscriptsApi::new, analyst);
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            var large = coding.getReleasedTranscript(id);
            assertEquals(PARAGRAPHS, large.getParagraphs().size());
            assertEquals(text(4999, 1258), large.getParagraphs().get(4998).getEnglish());
            assertEquals(2, coding.getReleasedTranscript(small).getParagraphs().size());
        });
        WalkingSkeletonIT.awaitReleased(client, SITE, study, 2);
    }
}

package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A participant withdraws consent after release: their words leave transcript-service and coding-service. */
@ExtendWith(EmbeddedPlatform.class)
class ConsentWithdrawalIT {

    static final String WORDS = "Before the peer worker came I did not leave my room for months";

    @Test
    void withdrawnWordsLeaveEveryService() {
        ChorusClient client = EmbeddedPlatform.client();
        String partner = client.partnerToken("BGU");
        String lead = client.userToken("lead-bgu");
        String analyst = client.userToken("analyst");
        // a participant of this test alone: a withdrawal is for good, and no other test may push this speaker's words
        String participant = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        assertEquals(201, client.put("transcript-service", "/api/sites/BGU/participants/" + participant, partner,
                "{\"gender\":\"female\",\"age\":29}").status());
        ChorusClient.Reply pushed = client.post("transcript-service", "/api/sites/BGU/transcripts", partner, """
                {"externalId":"withdrawal-%s","language":"en","paragraphs":[
                  {"speaker":"M","text":"How did peer support change things?"},{"speaker":"%s","text":"%s"}]}"""
                .formatted(UUID.randomUUID(), participant, WORDS));
        String id = pushed.body().path("id").asText();
        String base = "/api/sites/BGU/transcripts/" + id;
        assertEquals(200, client.post("transcript-service", base + "/back-check", lead, "").status());
        assertEquals(200, client.post("transcript-service", base + "/reviews", client.userToken("translator-a"), "").status());
        assertEquals(200, client.post("transcript-service", base + "/reviews", client.userToken("translator-b"), "").status());
        assertEquals(200, client.post("transcript-service", base + "/release", lead, "").status());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(WORDS,
                client.get("coding-service", "/api/transcripts/" + id, analyst).body().path("paragraphs").path(1).path("english").asText()));

        ChorusClient.Reply withdrawn = client.post("transcript-service", "/api/sites/BGU/participants/" + participant + "/withdrawal", lead, "");
        assertEquals(200, withdrawn.status(), withdrawn.body().toString());
        assertEquals(1, withdrawn.body().path("paragraphsRedacted").asInt());

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("[withdrawn]",
                client.get("coding-service", "/api/transcripts/" + id, analyst).body().path("paragraphs").path(1).path("english").asText()));
        assertFalse(client.get("coding-service", "/api/transcripts/" + id, analyst).body().toString().contains("did not leave my room"));
        assertFalse(client.get("transcript-service", base, lead).body().toString().contains("did not leave my room"));
    }

    @Test
    void aWithdrawnTranscriptLeavesCodingAndReporting() throws Exception {
        ChorusClient client = EmbeddedPlatform.client();
        String lead = client.userToken("lead-uke");
        String analyst = client.userToken("analyst");
        OwnStudy study = OwnStudy.register(client, "Withdrawn transcript");
        String session = study.session(client, "UKE");
        String id = client.post("transcript-service", "/api/sites/UKE/transcripts", client.partnerToken("UKE"), """
                {"externalId":"gone-%s","language":"en","session":"%s","paragraphs":[{"speaker":"P1","text":"We would rather not be quoted."}]}"""
                .formatted(UUID.randomUUID(), session)).body().path("id").asText();
        String base = "/api/sites/UKE/transcripts/" + id;
        client.post("transcript-service", base + "/back-check", lead, "");
        client.post("transcript-service", base + "/reviews", client.userToken("translator-a"), "");
        client.post("transcript-service", base + "/reviews", client.userToken("translator-b"), "");
        assertEquals(200, client.post("transcript-service", base + "/release", lead, "").status());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(200, client.get("coding-service", "/api/transcripts/" + id, analyst).status()));
        WalkingSkeletonIT.awaitReleased(client, "UKE", study, 1);

        assertEquals(200, client.post("transcript-service", base + "/withdrawal", lead, "{\"reason\":\"the group withdrew consent\"}").status());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(404, client.get("coding-service", "/api/transcripts/" + id, analyst).status());
            assertEquals(0, WalkingSkeletonIT.releasedCount(analyst, "UKE", study.code()));
        });
    }
}

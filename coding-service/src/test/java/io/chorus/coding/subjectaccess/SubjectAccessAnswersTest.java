package io.chorus.coding.subjectaccess;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.code;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.coding.CodingFixtures;
import io.chorus.common.crypto.DataKey;
import io.chorus.common.crypto.EventMasterKey;
import io.chorus.common.crypto.FieldCipher;
import io.chorus.common.crypto.KeyRecord;
import io.chorus.common.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Issue 30: coding-service's part of a participant's data on request. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SubjectAccessAnswersTest {

    @Inject
    CodingFixtures fixtures;

    @Inject
    EventMasterKey master;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theCodingsAndMemosOnTheParticipantsParagraphsAreAnsweredWithTheMemosWordsSealedWithTheParticipantsKey() throws Exception {
        String word = "sa" + UUID.randomUUID().toString().substring(0, 6);
        // speakers by fixture: paragraph 1 is P2's, paragraph 2 P3's
        String transcript = fixtures.releaseIn("ULM", "de", null, new String[] {"Ich " + word + ".", "I " + word + "."},
                new String[] {"Nein.", "No."});
        DataKey key = DataKey.generate("t-" + transcript + "-s-UDI");
        fixtures.key(KeyRecord.of(key.id(), master.get().wrap(key)));
        String codeId = importTemplate("implementation-influences").path("codes[1].children[0].id");
        String mine = code(ANALYST_A, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":1,\"lastParagraph\":1,\"valence\":\"facilitator\"}"
                .formatted(codeId)).then().statusCode(201).extract().path("id");
        code(ANALYST_A, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":2,\"lastParagraph\":2}".formatted(codeId)).then().statusCode(201);
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"target":"passage","transcriptId":"%s","firstParagraph":1,"lastParagraph":1,"title":"Note","text":"She says %s."}"""
                .formatted(transcript, word)).post("/api/memos").then().statusCode(201);

        UUID request = UUID.randomUUID();
        fixtures.send(SubjectAccessRequested.TYPE, request.toString(), """
                {"requestId":"%s","site":"ULM","participant":"P2","paragraphs":[{"transcriptId":"%s","n":1,"keyId":"%s"}]}"""
                .formatted(request, transcript, key.id()));
        String answer = Awaitility.await().until(() -> fixtures.published("io.chorus.coding.subject-access-answered.v1").stream()
                .filter(p -> p.contains(request.toString())).findFirst(), java.util.Optional::isPresent).orElseThrow();
        JsonNode answered = json.readTree(answer);
        assertEquals(List.of(mine), answered.path("codings").findValuesAsText("codingId"), "the codings on P2's paragraph, no other");
        assertEquals("facilitator", answered.at("/codings/0/valence").asText());
        assertEquals(1, answered.path("memos").size());
        assertFalse(answer.contains(word), "the memo's words travel sealed");
        assertEquals("She says " + word + ".", FieldCipher.open(answered.at("/memos/0/text").asText(), key));
    }
}

package io.chorus.coding.exchange;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An imported project's codings wait for their transcript's release, then land once, on the passage the tool coded. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ProjectImportCodingsTest {

    static final String LEAD_QP = TestTokens.token("lead-qp", List.of("site-lead"), List.of("QP"));
    static final String RESEARCHER_QR = TestTokens.token("researcher-qr", List.of("site-researcher"), List.of("QR"));
    static final String SUPPORT = "0b5f1c7e-9a0d-4c51-9a51-3c1e2d4f5a60";
    static final String LIVED = "0b5f1c7e-9a0d-4c51-9a51-3c1e2d4f5a61";
    static final String TRUST = "0b5f1c7e-9a0d-4c51-9a51-3c1e2d4f5a62";

    @Inject
    CodingFixtures fixtures;

    @Inject
    io.chorus.common.crypto.EventMasterKey master;

    @Test
    void codingsWaitForTheReleaseLandOnceAndReportWhatCannotLand() {
        String english = UUID.randomUUID().toString();
        String german = UUID.randomUUID().toString();
        String importId = UUID.randomUUID().toString();
        fixtures.send("io.chorus.transcript.released.v1", german, released(german, "de", "Sie hat es erlebt.", "She lived it."));
        awaitTranscript(german);

        // a note on a transcript travels sealed with the transcript's own key, which comes first on the key topic
        io.chorus.common.crypto.DataKey own = io.chorus.common.crypto.DataKey.generate("t-" + english);
        fixtures.key(io.chorus.common.crypto.KeyRecord.of(own.id(), master.get().wrap(own)));
        String event = imported(importId, english, german, io.chorus.common.crypto.FieldCipher.seal("The group trusted [name] at once.", own));
        fixtures.send("io.chorus.transcript.project-imported.v1", importId, event);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(LEAD_QP)
                .get("/api/project-imports/{id}", importId).then().statusCode(200).body("codings.waiting", equalTo(3))
                .body("codings.applied", equalTo(1)));
        String codebook = given().auth().oauth2(LEAD_QP).get("/api/project-imports/{id}", importId).then().body("codesAdded", equalTo(3))
                .body("memos.applied", equalTo(1)).body("memos.waiting", equalTo(1)).extract().path("codebookId");
        given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}", codebook).then().statusCode(200)
                .body("name", equalTo("Peer support FGDs (QP)")).body("codes.name", containsInAnyOrder("Support"))
                .body("codes[0].children.name", containsInAnyOrder("Lived experience", "Trust"));
        given().auth().oauth2(ANALYST_A).queryParam("transcript", german).queryParam("total", true).get("/api/codings").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].coder", equalTo("qdpx:cp")).body("items[0].startOffset", nullValue())
                .body("items[0].firstParagraph", equalTo(1));

        fixtures.send("io.chorus.transcript.released.v1", english, released(english, "en", "Honestly, the peer worker had lived it.",
                null));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(LEAD_QP)
                .get("/api/project-imports/{id}", importId).then().body("codings.waiting", equalTo(0)).body("codings.applied", equalTo(2))
                .body("codings.skipped", equalTo(2)).body("memos.waiting", equalTo(0)));
        given().auth().oauth2(ANALYST_A).queryParam("transcript", english).queryParam("total", true).get("/api/codings").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].startOffset", equalTo(10)).body("items[0].endOffset", equalTo(25))
                .body("items[0].codeId", equalTo(codeId(codebook, "Lived experience")));
        given().auth().oauth2(LEAD_QP).get("/api/project-imports/{id}", importId).then()
                .body("skipped.find { it.codeGuid == '" + SUPPORT + "' }.reason", containsString("grouping-only"))
                .body("skipped.find { it.codeGuid == '" + TRUST + "' }.reason", containsString("code points"));
        given().auth().oauth2(LEAD_QP).queryParam("transcript", english).get("/api/memos").then().statusCode(200)
                .body("items[0].text", equalTo("The group trusted [name] at once."));

        // the job resumed after a failure hands the project over again: nothing lands twice
        fixtures.send("io.chorus.transcript.project-imported.v1", importId, event);
        fixtures.send("io.chorus.transcript.released.v1", german, released(german, "de", "Sie hat es erlebt.", "She lived it."));
        String marker = UUID.randomUUID().toString();
        fixtures.send("io.chorus.transcript.released.v1", marker, released(marker, "en", "x", null));
        awaitTranscript(marker);
        given().auth().oauth2(LEAD_QP).get("/api/project-imports/{id}", importId).then().body("codings.applied", equalTo(2))
                .body("codesAdded", equalTo(3)).body("codebookId", equalTo(codebook));
        given().auth().oauth2(ANALYST_A).queryParam("transcript", english).queryParam("total", true).get("/api/codings").then().body("total", equalTo(1));
        given().auth().oauth2(ANALYST_A).queryParam("target", "project").get("/api/memos").then().statusCode(200);
        given().auth().oauth2(RESEARCHER_QR).get("/api/project-imports/{id}", importId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(RESEARCHER_QR).queryParam("target", "project").get("/api/memos").then().statusCode(200)
                .body("items.findAll { it.title == 'Project note' }.size()", equalTo(0));
    }

    private static String codeId(String codebook, String name) {
        return given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}", codebook).then().extract()
                .path("codes[0].children.find { it.name == '" + name + "' }.id");
    }

    private static void awaitTranscript(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST_A).get("/api/transcripts/{id}", id).then().statusCode(200));
    }

    static String released(String id, String language, String text, String english) {
        return """
                {"transcriptId":"%s","site":"QP","externalId":"qdpx-%s","language":"%s","version":1,
                 "releasedAt":"2020-01-15T10:00:00Z","releasedBy":"lead-qp",
                 "paragraphs":[{"n":1,"label":"QP 1","speaker":"P1","text":"%s","english":%s}]}"""
                .formatted(id, id, language, text, english == null ? "null" : "\"" + english + "\"");
    }

    static String imported(String importId, String english, String german, String note) {
        return """
                {"importId":"%s","site":"QP","study":"UPSIDES","phase":"pre-intervention","project":"Peer support FGDs",
                 "origin":"NVivo 14","importedBy":"lead-qp","at":"2026-12-04T10:00:00Z",
                 "codes":[{"guid":"%s","name":"Support","codable":false,"color":"#336699","description":null,"children":[
                   {"guid":"%s","name":"Lived experience","codable":true,"color":null,"description":"Peers who lived it","children":[]},
                   {"guid":"%s","name":"Trust","codable":true,"color":null,"description":null,"children":[]}]}],
                 "codings":[
                   {"id":"%s","transcriptId":"%s","codeGuid":"%s","coder":"qdpx:cp","firstParagraph":1,"startOffset":10,"lastParagraph":1,"endOffset":25},
                   {"id":"%s","transcriptId":"%s","codeGuid":"%s","coder":"qdpx:cp","firstParagraph":1,"startOffset":0,"lastParagraph":1,"endOffset":5},
                   {"id":"%s","transcriptId":"%s","codeGuid":"%s","coder":"qdpx:cp","firstParagraph":1,"startOffset":10,"lastParagraph":1,"endOffset":900},
                   {"id":"%s","transcriptId":"%s","codeGuid":"%s","coder":"qdpx:cp","firstParagraph":1,"startOffset":4,"lastParagraph":1,"endOffset":10}],
                 "memos":[{"id":"%s","title":"Dynamics","text":"%s","author":"qdpx:cp","transcriptId":"%s"},
                   {"id":"%s","title":"Project note","text":"Coded in two rounds.","author":"qdpx:cp","transcriptId":null}]}"""
                .formatted(importId, SUPPORT, LIVED, TRUST, UUID.randomUUID(), english, LIVED, UUID.randomUUID(), english, SUPPORT,
                        UUID.randomUUID(), english, TRUST, UUID.randomUUID(), german, LIVED, UUID.randomUUID(), note, english, UUID.randomUUID());
    }
}

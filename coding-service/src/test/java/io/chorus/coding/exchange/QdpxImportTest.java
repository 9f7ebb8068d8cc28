package io.chorus.coding.exchange;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.ANALYST_B;
import static io.chorus.coding.CodingFixtures.LEAD_BU;
import static io.chorus.coding.CodingFixtures.LEAD_ULM;
import static io.chorus.coding.CodingFixtures.RESEARCHER_ULM;
import static io.chorus.coding.CodingFixtures.code;
import static io.chorus.coding.CodingFixtures.etag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.PostgresTestResource;
import io.chorus.refi.PositionCounting;
import io.chorus.refi.ProjectWriter;
import io.chorus.refi.QdaProject;
import io.chorus.refi.SourceText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A Chorus export coded in a desktop tool comes back: new selections become codings in place, once, and fill a blind round. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QdpxImportTest {

    static final String SECOND = "Honestly \uD83D\uDE4F the peer worker, because she had lived it.";

    @Inject
    CodingFixtures fixtures;

    @Test
    void selectionsCodedInNvivoComeBackExactlyAndOnlyOnce() throws Exception {
        String transcript = fixtures.release("BU", "What helped you most?", SECOND);
        Response codebook = codebook("Import test");
        String lived = codebook.path("codes[0].id");
        String trust = codebook.path("codes[1].id");
        code(ANALYST_A, transcript, "{\"codeId\":\"" + lived + "\",\"firstParagraph\":1,\"lastParagraph\":1}").then().statusCode(201);

        QdaProject exported = QdpxExportTest.read(export(ANALYST_A, transcript, codebook.path("id")), false);
        byte[] coded = codedInTool(exported, "NVivo 14.24.1 (Windows)", PositionCounting.NVIVO, trust, "the peer worker");

        JsonPath job = finished(ANALYST_A, importFile(ANALYST_A, coded, null));
        assertEquals("done", job.getString("status"));
        assertEquals(true, job.getString("counting").startsWith("UTF-16"), job.prettify());
        assertEquals(1, job.getInt("codingsAdded"), "the coding Chorus exported is not added again");
        assertEquals(2, job.getInt("codings.total"));
        JsonPath codings = given().auth().oauth2(ANALYST_A).get("/api/codings?transcript={t}&code={c}&total=true", transcript, trust).jsonPath();
        assertEquals(1, codings.getInt("total"));
        assertEquals(2, codings.getInt("items[0].firstParagraph"));
        assertEquals(9 + 1 + 1, codings.getInt("items[0].startOffset"), "in code points, the emoji counts one: 'Honestly ' + emoji + ' '");
        assertEquals("the peer worker", new String(SECOND.codePoints().toArray(), codings.getInt("items[0].startOffset"),
                codings.getInt("items[0].endOffset") - codings.getInt("items[0].startOffset")));

        Response again = importFile(ANALYST_A, coded, null);
        again.then().statusCode(202).body("id", equalTo(job.getString("id")));
        assertEquals(1, given().auth().oauth2(ANALYST_A).get("/api/codings?transcript={t}&code={c}&total=true", transcript, trust).jsonPath()
                .getInt("total"), "the same file again adds nothing");
    }

    @Test
    void twoCodersFilesFillABlindRoundAndAgreementIsComputed() throws Exception {
        fixtures.announce("analyst-a", List.of("analyst"), Map.of());
        fixtures.announce("analyst-b", List.of("analyst"), Map.of());
        String transcript = fixtures.release("BU", "What helped you most?", SECOND, "Nobody else listened.");
        Response codebook = codebook("Round import test");
        String lived = codebook.path("codes[0].id");
        String round = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"imported round","codebookId":"%s","assignments":[{"transcriptId":"%s","coders":["analyst-a","analyst-b"]}]}"""
                .formatted(codebook.<String>path("id"), transcript)).post("/api/rounds").path("id");
        QdaProject exported = QdpxExportTest.read(export(ANALYST_A, transcript, codebook.path("id")), false);
        byte[] fromA = codedInTool(exported, "MAXQDA 24 (Release 24.7.0)", PositionCounting.STANDARD, lived, "because she had lived it");
        byte[] fromB = codedInTool(exported, "ATLAS.ti 23.2.3", PositionCounting.STANDARD, lived, "Nobody else listened");
        assertEquals("done", finished(ANALYST_A, importFile(ANALYST_A, fromA, round)).getString("status"));
        assertEquals("done", finished(ANALYST_B, importFile(ANALYST_B, fromB, round)).getString("status"));
        Response current = given().auth().oauth2(ANALYST_A).get("/api/rounds/{id}", round);
        given().auth().oauth2(ANALYST_A).header("If-Match", etag(current)).post("/api/rounds/{id}/closure", round).then().statusCode(200);
        JsonPath agreement = given().auth().oauth2(ANALYST_A).get("/api/rounds/{id}/agreement", round).jsonPath();
        assertEquals(2, agreement.getInt("pooledPresence.units"), "paragraphs 2 and 3 for one code: " + agreement.prettify());
        assertEquals(0.0, agreement.getDouble("pooledPresence.percentAgreement"), 1e-9, "each coded a different paragraph");
    }

    @Test
    void codesTheToolAddedBecomeInductiveCodesOfANewDraftAndTheCodingsTheNamedCoders() throws Exception {
        fixtures.announce("analyst-b", List.of("analyst"), Map.of());
        fixtures.announce("researcher-ulm", List.of(), Map.of("ULM", List.of("site-researcher")));
        String transcript = fixtures.release("BU", "What helped you most?", SECOND);
        Response codebook = codebook("Inductive import test");
        String codebookId = codebook.path("id");
        given().auth().oauth2(ANALYST_A).header("If-Match", etag(codebook)).post("/api/codebooks/{id}/publication", codebookId)
                .then().statusCode(200);
        QdaProject exported = QdpxExportTest.read(export(ANALYST_A, transcript, codebookId), false);
        String peerGuid = "{9F1C2E44-0A6B-4C1D-8E2F-3A4B5C6D7E8F}";
        QdaProject.Code peer = new QdaProject.Code(peerGuid, "Peer support", true, "#0a0", "Support from someone who had lived it."
                + "\n\nExample: the peer worker", List.of());
        QdaProject.Code context = new QdaProject.Code(UUID.randomUUID().toString(), "Context", false, null, null, List.of());
        QdaProject.Code lived = exported.codes().get(0);
        List<QdaProject.Code> codes = new ArrayList<>(exported.codes());
        codes.set(0, new QdaProject.Code(lived.guid(), lived.name(), lived.codable(), lived.color(), lived.description(), List.of(peer)));
        codes.add(context);
        // the analyst also coded the question with the grouping-only code, which Chorus refuses for that coding alone
        QdaProject.Source source = exported.sources().get(0);
        QdaProject.Selection onGrouping = new QdaProject.Selection(UUID.randomUUID().toString(), "question", 7, 28, null, null, null,
                List.of(new QdaProject.Coding(UUID.randomUUID().toString(), context.guid(), null, null)), List.of());
        QdaProject.Source withGrouping = new QdaProject.Source(source.guid(), source.name(), source.kind(), null,
                source.plainTextContent(), null, null, null, List.of(onGrouping), List.of(), List.of(), source.noteRefs());
        QdaProject withNewCode = new QdaProject(exported.name(), exported.origin(), exported.users(), codes, exported.sets(),
                exported.variables(), exported.cases(), List.of(withGrouping), exported.notes());
        byte[] coded = codedInTool(withNewCode, "MAXQDA 24", PositionCounting.STANDARD, peerGuid, "the peer worker");

        // a peer may not write another coder's work; the site's lead, who runs its coding, may
        importFile(ANALYST_A, coded, null, "analyst-b").then().statusCode(403).contentType("application/problem+json");
        importFile(LEAD_BU, coded, null, "nobody-known").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("coder"));
        JsonPath refused = finished(LEAD_BU, importFile(LEAD_BU, coded, null, "researcher-ulm"));
        assertEquals(0, refused.getInt("codingsAdded"));
        assertTrue(refused.getString("skipped[0].reason").contains("researcher-ulm may not code transcripts of BU"), refused.prettify());
        JsonPath elsewhere = finished(LEAD_ULM, importFile(LEAD_ULM, coded, null, "analyst-b"));
        assertEquals(0, elsewhere.getInt("codingsAdded"), "a lead of another site codes nothing at BU");

        JsonPath job = finished(LEAD_BU, importFile(LEAD_BU, coded, null, "analyst-b"));
        assertEquals("done", job.getString("status"), job.prettify());
        assertEquals("lead-bu", job.getString("importedBy"));
        assertEquals("analyst-b", job.getString("coder"));
        assertEquals(1, job.getInt("codingsAdded"), job.prettify());
        assertEquals(2, job.getInt("codesAdded"));
        assertTrue(job.getString("skipped[0].reason").contains("grouping-only"), job.prettify());
        JsonPath draft = given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}", codebookId).jsonPath();
        assertEquals(2, draft.getInt("version"), "a published codebook gets a new draft");
        assertEquals("draft", draft.getString("status"));
        Map<String, Object> added = draft.getMap("codes[0].children[0]");
        assertEquals("Peer support", added.get("name"));
        assertEquals("inductive", added.get("origin"));
        assertEquals("9f1c2e44-0a6b-4c1d-8e2f-3a4b5c6d7e8f", added.get("key"), "the tool's GUID, so a re-import finds it");
        assertEquals("Support from someone who had lived it.", added.get("definition"));
        assertEquals("the peer worker", added.get("example"));
        assertEquals("#00AA00", added.get("colour"));
        JsonPath codings = given().auth().oauth2(ANALYST_A).get("/api/codings?transcript={t}&code={c}&total=true", transcript, added.get("id"))
                .jsonPath();
        assertEquals(1, codings.getInt("total"));
        assertEquals("analyst-b", codings.getString("items[0].coder"));

        JsonPath again = finished(LEAD_BU, importFile(LEAD_BU, coded, null, "analyst-b"));
        assertEquals(job.getString("id"), again.getString("id"));
        JsonPath after = given().auth().oauth2(ANALYST_A).get("/api/codebooks/{id}", codebookId).jsonPath();
        assertEquals(1, after.getList("codes[0].children").size(), "the same file again adds no code");
        assertEquals(3, after.getList("codes").size());
    }

    @Test
    void aHostileArchiveIsRefusedAndAnotherSitesTranscriptIsSkipped() throws Exception {
        ByteArrayOutputStream slip = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(slip)) {
            zip.putNextEntry(new ZipEntry("../../evil.sh"));
            zip.write("x".getBytes());
            zip.closeEntry();
        }
        importFile(ANALYST_A, slip.toByteArray(), null).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/..~1..~1evil.sh")).body("detail", containsString("leaves the archive"));
        importFile(ANALYST_A, "not a zip".getBytes(), null).then().statusCode(422);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("project.qde"));
            zip.write(("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"b\"><Sources><TextSource guid=\"" + UUID.randomUUID()
                    + "\" plainTextPath=\"internal://zeros.txt\"/></Sources></Project>").getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("sources/zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        importFile(ANALYST_A, bomb.toByteArray(), null).then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/sources~1zeros.txt"));
        given().auth().oauth2(ANALYST_A).multiPart("round", "x").post("/api/imports/qdpx").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/file"));

        String transcript = fixtures.release("BU", "They have been there.");
        Response codebook = codebook("Scope import test");
        QdaProject exported = QdpxExportTest.read(export(ANALYST_A, transcript, codebook.path("id")), false);
        byte[] coded = codedInTool(exported, "MAXQDA 24", PositionCounting.STANDARD, codebook.path("codes[0].id"), "been there");
        JsonPath job = finished(RESEARCHER_ULM, importFile(RESEARCHER_ULM, coded, null));
        assertEquals(0, job.getInt("codingsAdded"));
        assertTrue(job.getString("skipped[0].reason").contains("no released transcript you may code"), job.prettify());
        given().auth().oauth2(ANALYST_B).get("/api/imports/{id}", job.getString("id")).then().statusCode(404);
    }

    /** What a tool writes after an analyst coded {@code selected} with {@code codeId}: the export plus one coded selection. */
    static byte[] codedInTool(QdaProject exported, String origin, PositionCounting counting, String codeId, String selected) {
        QdaProject.Source source = exported.sources().get(0);
        SourceText text = new SourceText(source.plainTextContent());
        int start = text.normalized().codePointCount(0, text.normalized().indexOf(selected));
        int end = start + selected.codePointCount(0, selected.length());
        // the export counts code points, which is what the writer takes
        List<QdaProject.Selection> selections = new ArrayList<>(source.selections());
        String user = exported.users().isEmpty() ? null : exported.users().get(0).guid();
        selections.add(new QdaProject.Selection(UUID.randomUUID().toString(), selected, start, end, user, Instant.now(), null,
                List.of(new QdaProject.Coding(UUID.randomUUID().toString(), codeId, user, Instant.now())), List.of()));
        QdaProject.Source codedSource = new QdaProject.Source(source.guid(), source.name(), source.kind(), null, source.plainTextContent(),
                source.creatingUser(), source.created(), source.description(), selections, source.codings(), source.values(),
                source.noteRefs());
        QdaProject project = new QdaProject(exported.name(), origin, exported.users(), exported.codes(), exported.sets(),
                exported.variables(), exported.cases(), List.of(codedSource), exported.notes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectWriter.write(project, counting, out);
        return out.toByteArray();
    }

    static Response codebook(String name) {
        Response created = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"%s","codes":[{"name":"Lived experience"},{"name":"Trust"}]}""".formatted(name)).post("/api/codebooks/imports");
        created.then().statusCode(201);
        return created;
    }

    static byte[] export(String token, String transcript, String codebook) {
        return given().auth().oauth2(token).queryParam("transcript", transcript).queryParam("codebook", codebook).get("/api/exports/qdpx")
                .then().statusCode(200).extract().asByteArray();
    }

    static Response importFile(String token, byte[] file, String round) {
        return importFile(token, file, round, null);
    }

    static Response importFile(String token, byte[] file, String round, String coder) {
        var request = given().auth().oauth2(token).multiPart("file", "coded.qdpx", file, "application/zip");
        if (round != null) {
            request = request.queryParam("round", round);
        }
        return (coder == null ? request : request.queryParam("coder", coder)).post("/api/imports/qdpx");
    }

    static JsonPath finished(String token, Response started) {
        started.then().statusCode(202).header("Location", containsString("/api/imports/"));
        String location = started.getHeader("Location");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String status = given().auth().oauth2(token).get(location).jsonPath().getString("status");
            return status.equals("done") || status.equals("failed");
        });
        return given().auth().oauth2(token).get(location).jsonPath();
    }
}

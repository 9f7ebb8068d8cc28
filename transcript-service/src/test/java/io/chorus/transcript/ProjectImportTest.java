package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.testing.EventSchemas;
import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestTokens;
import io.chorus.refi.PositionCounting;
import io.chorus.refi.ProjectWriter;
import io.chorus.refi.QdaProject;
import io.chorus.refi.QdaProject.Code;
import io.chorus.refi.QdaProject.Coding;
import io.chorus.refi.QdaProject.Selection;
import io.chorus.refi.QdaProject.SourceKind;
import io.chorus.refi.QdaProject.Variable;
import io.chorus.refi.QdaProject.VariableType;
import io.chorus.refi.QdaProject.VariableValue;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A whole project from a desktop tool moves into a site: transcripts by the push path, participants, and codings on the right words. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class ProjectImportTest {

    static final String LEAD = TestTokens.token("lead-pi", List.of("site-lead"), List.of("PI"));
    static final String LEAD_PJ = TestTokens.token("lead-pj", List.of("site-lead"), List.of("PJ"));
    static final String OTHER_SITE = TestTokens.token("researcher-qz", List.of("site-researcher"), List.of("QZ"));
    static final String ADMIN = TestTokens.token("admin", List.of("consortium-admin"), List.of());
    static final String TYPE = "io.chorus.transcript.project-imported.v1";
    static final List<String> LINES = List.of("M: What helped you most?",
            "P1: Honestly \uD83D\uDE4F Maria, the peer worker, because she had lived it.", "she knew.", "", "P2: Trust came later.");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    io.chorus.common.crypto.EventMasterKey master;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void studyExists() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"UPSIDES\",\"phases\":[\"pre-intervention\",\"post-intervention\"]}")
                .put("/api/studies/UPSIDES").then().statusCode(oneOf(200, 201));
    }

    @Test
    void aProjectCodedInNvivoOnWindowsBecomesTranscriptsParticipantsAndCodingsOnTheSameWords() throws Exception {
        String lf = String.join("\n", LINES);
        byte[] file = nvivoProject(String.join("\r\n", LINES), lf);
        String identifiers = "[{\"value\":\"Maria\",\"kind\":\"person\"}]";

        var accepted = given().auth().oauth2(LEAD).multiPart("file", "fgd.qdpx", file, "application/octet-stream")
                .multiPart("identifiers", identifiers).queryParam("study", "UPSIDES").queryParam("phase", "pre-intervention")
                .queryParam("language", "en").post("/api/sites/PI/imports/qdpx").then().statusCode(202).extract();
        String id = accepted.path("id");
        assertEquals("/api/sites/PI/imports/" + id, java.net.URI.create(accepted.header("Location")).getPath());
        JsonPath job = awaitDone("PI", id, LEAD);
        assertEquals("done", job.getString("status"));
        assertEquals(1, job.getInt("sourcesDone"));
        assertEquals(PositionCounting.NVIVO.toString(), job.getString("counting"), "NVivo's UTF-16 counting with CRLF as two, detected");
        assertEquals(1, job.getInt("participants"), "P1 from its case; the case named Maria is never stored");
        assertEquals(4, job.getInt("codingsPlaced"));
        List<Map<String, String>> skipped = job.getList("skipped");
        assertTrue(skipped.stream().anyMatch(s -> s.get("item").equals("case 2 of the file")), skipped.toString());
        assertFalse(job.prettify().contains("Maria"), "the job's report names no one either");
        assertTrue(skipped.stream().anyMatch(s -> s.get("item").startsWith("selection") && s.get("reason").contains("covers no paragraph text")),
                skipped.toString());
        String transcriptId = job.getString("transcripts[0].transcriptId");

        JsonPath transcript = given().auth().oauth2(LEAD).get("/api/sites/PI/transcripts/{id}", transcriptId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("uploaded", transcript.getString("status"), "the workflow starts as for any push");
        assertEquals(List.of("M", "P1", "Unattributed", "P2"), transcript.getList("paragraphs.speaker"),
                "one paragraph per line, as the tool shows it; a line without a speaker is unattributed");
        List<String> texts = transcript.getList("paragraphs.text");
        assertEquals("Honestly \uD83D\uDE4F [name], the peer worker, because she had lived it.", texts.get(1), "pseudonymised at ingest");
        assertFalse(transcript.prettify().contains("Maria"));
        given().auth().oauth2(LEAD).get("/api/sites/PI/participants/P1").then().statusCode(200).body("gender", equalTo("female"))
                .body("age", equalTo(34));
        given().auth().oauth2(LEAD).get("/api/sites/PI/participants/Maria").then().statusCode(404);

        JsonNode event = importedEvent(id);
        Map<String, String> byCode = new java.util.HashMap<>();
        for (JsonNode coding : event.get("codings")) {
            byCode.merge(coding.get("codeGuid").asText(), cut(texts, coding.get("firstParagraph").asInt(), coding.get("startOffset").asInt(),
                    coding.get("lastParagraph").asInt(), coding.get("endOffset").asInt()), (a, b) -> a + "|" + b);
        }
        assertEquals(Map.of(LIVED, "the peer worker|lived it.\nshe knew.", TRUST, "Trust", PERSON, "[name]"), byCode,
                "code points of the stored text, after the emoji, the CRLFs and the replaced name");
        assertEquals("qdpx:cp", event.get("codings").get(0).get("coder").asText());
        assertEquals(2, event.get("codes").get(0).get("children").size());
        assertEquals(1, event.get("memos").size());
        assertEquals(transcriptId, event.get("memos").get(0).get("transcriptId").asText());
        assertFalse(event.get("memos").get(0).get("text").asText().contains("trusted"), "a note on a transcript travels sealed");
        assertEquals("The group trusted [name] at once.", new io.chorus.common.testing.SealedText(master.get())
                .keys(connector.<String>sink("data-keys").received().stream().map(org.eclipse.microprofile.reactive.messaging.Message::getPayload)
                        .toList()).opened(event.toString()).at("/memos/0/text").asText(), "with the transcript's own key");
        assertFalse(event.toString().contains("Maria"), "no identifier and no transcript text in the event");
        assertFalse(event.toString().contains("the peer worker"));

        given().auth().oauth2(LEAD).multiPart("file", "fgd.qdpx", file, "application/octet-stream").multiPart("identifiers", identifiers)
                .queryParam("study", "UPSIDES").queryParam("phase", "pre-intervention").queryParam("language", "en")
                .post("/api/sites/PI/imports/qdpx").then().statusCode(202).body("id", equalTo(id)).body("status", equalTo("done"));
        assertEquals(1, sent(id).size(), "the same import again is the same job, and hands over nothing twice");
        given().auth().oauth2(LEAD).get("/api/sites/PI/transcripts").then().statusCode(200).body("total", equalTo(1));

        given().auth().oauth2(OTHER_SITE).get("/api/sites/PI/imports/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(LEAD_PJ).get("/api/sites/PJ/imports/{id}", id).then().statusCode(404);
    }

    @Test
    void aMaxqdaProjectBecomesTenTranscriptsOfUnattributedParagraphsWithItsWholeCodeTree() throws Exception {
        byte[] file = sample("maxqda-24.qdpx");
        String id = given().auth().oauth2(LEAD_PJ).multiPart("file", "maxqda.qdpx", file, "application/octet-stream")
                .queryParam("study", "UPSIDES").queryParam("phase", "post-intervention").queryParam("language", "en")
                .queryParam("kind", "interview").post("/api/sites/PJ/imports/qdpx").then().statusCode(202).extract().path("id");
        JsonPath job = awaitDone("PJ", id, LEAD_PJ);
        assertEquals("done", job.getString("status"));
        assertEquals(10, job.getInt("sourcesTotal"));
        assertEquals(10, job.getList("transcripts").size(), job.prettify());
        assertEquals(List.of(), job.getList("skipped"));
        String transcriptId = job.getString("transcripts.find { it.name == 'ICLS 2024 3-10' }.transcriptId");
        JsonPath transcript = given().auth().oauth2(LEAD_PJ).get("/api/sites/PJ/transcripts/{id}", transcriptId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Mapping the Complexity of Learning: A Learning Experience Network Analysis Approach for Iterative Design Moves",
                transcript.getString("paragraphs[0].text"));
        assertEquals("Unattributed", transcript.getString("paragraphs[0].speaker"));
        JsonNode event = importedEvent(id);
        assertEquals(18, event.get("codes").size());
        assertEquals(307, count(event.get("codes")));
        assertEquals(0, event.get("codings").size(), "the MAXQDA file has no coded segments");
        given().auth().oauth2(LEAD_PJ).get("/api/sites/PJ/sessions/{s}", transcript.getString("session")).then().statusCode(200)
                .body("kind", equalTo("interview")).body("phase", equalTo("post-intervention"));
    }

    @Test
    void anAtlasTiProjectExportedWithoutItsMediaIsReportedSourceBySourceAndNothingCrashes() throws Exception {
        String id = given().auth().oauth2(LEAD_PJ).multiPart("file", "atlas.qdpx", sample("atlasti-8-standard-project.qdpx"),
                "application/octet-stream").queryParam("study", "UPSIDES").queryParam("phase", "pre-intervention")
                .queryParam("language", "en").post("/api/sites/PJ/imports/qdpx").then().statusCode(202).extract().path("id");
        JsonPath job = awaitDone("PJ", id, LEAD_PJ);
        assertEquals("done", job.getString("status"));
        List<Map<String, String>> skipped = job.getList("skipped");
        assertEquals(6, skipped.stream().filter(s -> s.get("reason").equals("no text in the file")).count(), skipped.toString());
        assertEquals(6, skipped.stream().filter(s -> s.get("item").startsWith("source")
                && s.get("reason").contains("source: Chorus keeps text transcripts only")).count(), "2 PDF, 1 picture, 1 audio and 2 video sources");
        assertEquals(job.getInt("codingsTotal"), job.getInt("codingsPlaced") + job.getInt("codingsSkipped"), "the totals add up");
        assertEquals(job.getInt("codingsSkipped"), (int) job.<Integer>getList("sources.codingsSkipped").stream().mapToInt(i -> i).sum());
        assertEquals(12, job.getList("sources").size(), "every source of the file is accounted for");
        assertEquals(0, job.getList("transcripts").size());
        assertEquals(14, importedEvent(id).get("codes").size(), "the code book still comes over");
    }

    @Test
    void refusalsAreProblemsAndKeepNothing() throws Exception {
        byte[] file = nvivoProject(String.join("\r\n", LINES), String.join("\n", LINES));
        given().auth().oauth2(LEAD_PJ).multiPart("file", "fgd.qdpx", file, "application/octet-stream").queryParam("study", "UPSIDES")
                .queryParam("phase", "pre-intervention").queryParam("language", "en").post("/api/sites/PI/imports/qdpx").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(LEAD).multiPart("file", "fgd.qdpx", file, "application/octet-stream").queryParam("study", "NOPE")
                .queryParam("phase", "pre-intervention").queryParam("language", "en").post("/api/sites/PI/imports/qdpx").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].pointer", equalTo("/study"));
        given().auth().oauth2(LEAD).multiPart("file", "fgd.qdpx", file, "application/octet-stream").queryParam("study", "UPSIDES")
                .queryParam("phase", "formative").queryParam("language", "en").post("/api/sites/PI/imports/qdpx").then()
                .statusCode(400).body("errors[0].pointer", equalTo("/phase"));
        given().auth().oauth2(LEAD).multiPart("file", "fgd.qdpx", file, "application/octet-stream").queryParam("study", "UPSIDES")
                .queryParam("phase", "pre-intervention").post("/api/sites/PI/imports/qdpx").then()
                .statusCode(422).body("errors.pointer", org.hamcrest.Matchers.hasItem("/language"));
        given().auth().oauth2(LEAD).multiPart("file", "fgd.qdpx", file, "application/octet-stream")
                .multiPart("identifiers", "[{\"value\":\"Maria\",\"kind\":\"someone\"}]").queryParam("study", "UPSIDES")
                .queryParam("phase", "pre-intervention").queryParam("language", "en").post("/api/sites/PI/imports/qdpx").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/identifiers"));
        ByteArrayOutputStream slip = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(slip)) {
            zip.putNextEntry(new ZipEntry("../evil.txt"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        given().auth().oauth2(LEAD).multiPart("file", "evil.qdpx", slip.toByteArray(), "application/octet-stream")
                .queryParam("study", "UPSIDES").queryParam("phase", "pre-intervention").queryParam("language", "en")
                .post("/api/sites/PI/imports/qdpx").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/..~1evil.txt")).body("detail", containsString("evil.txt"));
        given().auth().oauth2(LEAD).queryParam("study", "UPSIDES").queryParam("phase", "pre-intervention").queryParam("language", "en")
                .contentType("multipart/form-data").multiPart("other", "x").post("/api/sites/PI/imports/qdpx").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/file"));
        given().auth().oauth2(LEAD).get("/api/sites/PI/imports/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    static final String LIVED = "0b5f1c7e-9a0d-4c51-9a51-3c1e2d4f5a61";
    static final String TRUST = "0b5f1c7e-9a0d-4c51-9a51-3c1e2d4f5a62";
    static final String PERSON = "0b5f1c7e-9a0d-4c51-9a51-3c1e2d4f5a63";
    static final String USER = "39633935-3331-3962-6632-373436373264";

    /** A project as NVivo for Windows writes it: CRLF text, positions in UTF-16 units counting each CR. */
    static byte[] nvivoProject(String asWritten, String lf) {
        String source = "5c0ffee0-0000-4000-8000-000000000001";
        String note = "5c0ffee0-0000-4000-8000-0000000000aa";
        List<Selection> selections = new ArrayList<>();
        selections.add(selection(lf, "the peer worker", "the peer worker", LIVED));
        int lived = cp(lf, lf.indexOf("lived it."));
        selections.add(new Selection(UUID.randomUUID().toString(), "lived", lived, cp(lf, lf.indexOf("she knew.") + 9), USER, null, null,
                List.of(new Coding(UUID.randomUUID().toString(), LIVED, USER, null)), List.of()));
        int p2 = cp(lf, lf.indexOf("P2:"));
        selections.add(new Selection(UUID.randomUUID().toString(), "trust", p2, cp(lf, lf.indexOf("Trust") + 5), USER, null, null,
                List.of(new Coding(UUID.randomUUID().toString(), TRUST, USER, null)), List.of()));
        selections.add(selection(lf, "Maria", "Maria", PERSON));
        selections.add(new Selection(UUID.randomUUID().toString(), "speaker only", p2, p2 + 3, USER, null, null,
                List.of(new Coding(UUID.randomUUID().toString(), TRUST, USER, null)), List.of()));
        Variable gender = new Variable("7a000000-0000-4000-8000-000000000001", "Gender", VariableType.Text, null);
        Variable age = new Variable("7a000000-0000-4000-8000-000000000002", "Age", VariableType.Integer, null);
        QdaProject project = new QdaProject("Peer support FGDs", "NVivo 14.24.1 (Windows)",
                List.of(new QdaProject.User(USER, "cp", null)),
                List.of(new Code("0b5f1c7e-9a0d-4c51-9a51-3c1e2d4f5a60", "Support", false, "#336699", "Where support came from", List.of(
                        new Code(LIVED, "Lived experience", true, null, "Peers who lived it", List.of()),
                        new Code(TRUST, "Trust", true, null, null, List.of()))),
                        new Code(PERSON, "Named person", true, null, null, List.of())),
                List.of(), List.of(gender, age),
                List.of(new QdaProject.Case("7c000000-0000-4000-8000-000000000001", "P1", null, List.of(new VariableValue(gender.guid(),
                        "Female"), new VariableValue(age.guid(), "34")), List.of(source)),
                        new QdaProject.Case("7c000000-0000-4000-8000-000000000002", "Maria", null, List.of(new VariableValue(gender.guid(),
                                "f")), List.of(source))),
                List.of(new QdaProject.Source(source, "FGD 1", SourceKind.TEXT, null, asWritten, USER, null, null, selections, List.of(),
                        List.of(), List.of(note))),
                List.of(new QdaProject.Note(note, "Dynamics", "The group trusted Maria at once.", null, USER, null)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectWriter.write(project, PositionCounting.NVIVO, out);
        return out.toByteArray();
    }

    private static Selection selection(String lf, String text, String name, String code) {
        int start = cp(lf, lf.indexOf(text));
        return new Selection(UUID.randomUUID().toString(), name, start, start + text.codePointCount(0, text.length()), USER, null, null,
                List.of(new Coding(UUID.randomUUID().toString(), code, USER, null)), List.of());
    }

    private static int cp(String text, int charIndex) {
        return text.codePointCount(0, charIndex);
    }

    /** The words a passage covers, its paragraphs joined by line breaks. */
    static String cut(List<String> paragraphs, int first, int startCp, int last, int endCp) {
        StringBuilder words = new StringBuilder();
        for (int n = first; n <= last; n++) {
            String text = paragraphs.get(n - 1);
            int from = n == first ? text.offsetByCodePoints(0, startCp) : 0;
            int to = n == last ? text.offsetByCodePoints(0, endCp) : text.length();
            words.append(n == first ? "" : "\n").append(text, from, to);
        }
        return words.toString();
    }

    private static int count(JsonNode codes) {
        int n = 0;
        for (JsonNode code : codes) {
            n += 1 + count(code.get("children"));
        }
        return n;
    }

    static byte[] sample(String name) throws Exception {
        try (InputStream in = ProjectImportTest.class.getResourceAsStream("/refi-qda/samples/" + name)) {
            return in.readAllBytes();
        }
    }

    static JsonPath awaitDone(String site, String id, String token) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> !List.of("queued", "running").contains(
                given().auth().oauth2(token).get("/api/sites/{site}/imports/{id}", site, id).then().statusCode(200).extract()
                        .<String>path("status")));
        return given().auth().oauth2(token).get("/api/sites/{site}/imports/{id}", site, id).then().statusCode(200).extract().jsonPath();
    }

    private List<String> sent(String importId) {
        return sent(connector.sink("transcript-events"), importId);
    }

    static List<String> sent(io.smallrye.reactive.messaging.memory.InMemorySink<String> sink, String importId) {
        return sink.received().stream()
                .filter(m -> m.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getType().equals(TYPE))
                .filter(m -> importId.equals(m.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getSubject().orElse(null)))
                .map(Message::getPayload).toList();
    }

    private JsonNode importedEvent(String importId) throws Exception {
        return importedEvent(json, connector.sink("transcript-events"), importId);
    }

    static JsonNode importedEvent(ObjectMapper json, io.smallrye.reactive.messaging.memory.InMemorySink<String> sink, String importId)
            throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sent(sink, importId).size() == 1);
        String payload = sent(sink, importId).get(0);
        EventSchemas schema = EventSchemas.load("transcript-service/src/main/resources/META-INF/resources/events/project-imported.schema.json");
        assertEquals(Set.of(), schema.violations(payload));
        return json.readTree(payload);
    }
}

package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestTokens;
import io.chorus.refi.PositionCounting;
import io.chorus.refi.ProjectWriter;
import io.chorus.refi.QdaProject;
import io.chorus.refi.QdaProject.Code;
import io.chorus.refi.QdaProject.Coding;
import io.chorus.refi.QdaProject.Selection;
import io.chorus.refi.QdaProject.SourceKind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, items 2 to 4, on projects shaped like the real ones that failed: an NVivo project whose sources are longer
 * than one transcript holds is imported whole, every coding accounted for; a second import of the same project into
 * another phase moves nothing; a leading "Word:" is a speaker only where the file has turns.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class ProjectImportLimitsTest {

    static final String LEAD = TestTokens.token("lead-pl", List.of("site-lead"), List.of("PL"));
    static final String ADMIN = TestTokens.token("admin", List.of("consortium-admin"), List.of());
    static final String USER = "39633935-3331-3962-6632-373436373299";
    static final String CODE = "0b5f1c7e-9a0d-4c51-9a51-3c1e2d4f5b01";
    static final int LINES = 15_262;

    @BeforeEach
    void studyExists() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"Limits\",\"phases\":[\"pre-intervention\",\"post-intervention\"]}")
                .put("/api/studies/LIMITS").then().statusCode(oneOf(200, 201));
    }

    /** A source's text and the words each selection of it covers, by selection id. */
    record Written(QdaProject.Source source, Map<String, String> words) {
    }

    @Test
    void sourcesLongerThanATranscriptBecomeConsecutivePartsAndEveryCodingIsPlacedOnItsWords() throws Exception {
        Written first = source("Long FGD 1", 152);
        Written second = source("Long FGD 2", 151);
        byte[] file = withByteOrderMarks(project("NVivo project", List.of(first.source(), second.source())));

        JsonPath job = ProjectImportTest.awaitDone("PL", start(file, "pre-intervention"), LEAD);
        assertEquals("done", job.getString("status"), job.prettify());
        assertEquals(PositionCounting.NVIVO.toString(), job.getString("counting"));
        assertEquals(303, job.getInt("codingsTotal"));
        assertEquals(303, job.getInt("codingsPlaced"), job.getList("skipped").toString());
        assertEquals(0, job.getInt("codingsSkipped"));
        assertEquals(List.of(4, 4), job.getList("sources.parts"), "15,262 paragraphs in parts of at most 5,000");
        assertEquals(List.of(152, 151), job.getList("sources.codingsPlaced"));
        assertEquals(8, job.getList("transcripts").size());
        assertEquals(List.of(4998, 5000, 5000, 264), job.getList("transcripts.paragraphs").subList(0, 4),
                "the first part ends before the selection that runs over lines 4,999 to 5,001, so that it lands whole");
        assertEquals("Long FGD 1 (part 2 of 4)", job.getString("transcripts[1].name"));
        assertEquals(job.getString("transcripts[0].session"), job.getString("transcripts[3].session"), "the parts are one session");

        // every coding on exactly the words selected in the tool, whatever part it landed in
        Map<String, List<String>> paragraphs = new HashMap<>();
        for (Map<String, Object> t : job.<Map<String, Object>>getList("transcripts")) {
            paragraphs.put((String) t.get("transcriptId"), given().auth().oauth2(LEAD).get("/api/sites/PL/transcripts/{id}", t.get("transcriptId"))
                    .then().statusCode(200).extract().jsonPath().getList("paragraphs.text"));
        }
        Map<String, String> expected = new HashMap<>(first.words());
        expected.putAll(second.words());
        var event = ProjectImportTest.importedEvent(new com.fasterxml.jackson.databind.ObjectMapper(), connectorSink(),
                job.getString("id"));
        int checked = 0;
        for (var coding : event.get("codings")) {
            List<String> texts = paragraphs.get(coding.get("transcriptId").asText());
            String words = ProjectImportTest.cut(texts, coding.get("firstParagraph").asInt(), coding.get("startOffset").asInt(),
                    coding.get("lastParagraph").asInt(), coding.get("endOffset").asInt());
            assertTrue(expected.containsValue(words), "a coding on words no selection covered: " + words);
            checked++;
        }
        assertEquals(303, checked);
    }

    @Test
    void aSecondImportIntoAnotherPhaseLeavesTheFirstImportsSessionsAsTheyAre() throws Exception {
        Written source = source("FGD again", 3);
        byte[] file = project("Pre and post", List.of(source.source()));
        JsonPath first = ProjectImportTest.awaitDone("PL", start(file, "pre-intervention"), LEAD);
        assertEquals(3, first.getInt("codingsPlaced"));
        String session = first.getString("transcripts[0].session");

        JsonPath second = ProjectImportTest.awaitDone("PL", start(file, "post-intervention"), LEAD);
        assertEquals("done", second.getString("status"));
        assertEquals(0, second.getInt("codingsPlaced"));
        assertEquals(3, second.getInt("codingsSkipped"), "the job says it placed fewer codings than the file holds");
        assertEquals(0, second.getList("transcripts").size());
        String reason = second.getString("sources[0].notImportedBecause");
        assertTrue(reason.contains(first.getString("id")) && reason.contains("pre-intervention"), reason);
        given().auth().oauth2(LEAD).get("/api/sites/PL/sessions/{s}", session).then().statusCode(200)
                .body("phase", org.hamcrest.Matchers.equalTo("pre-intervention"));
        JsonPath firstAgain = given().auth().oauth2(LEAD).get("/api/sites/PL/imports/{id}", first.getString("id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(first.prettify(), firstAgain.prettify(), "the first job is untouched");
    }

    @Test
    void aLeadingWordIsASpeakerOnlyWhereTheSourceHasTurnsAndAnUntitledProjectIsNamedByItsFile() throws Exception {
        String article = String.join("\r\n", "Peer support in Hungary", "Abstract: we studied peer support.",
                "https://youtu.be/dQw4w9WgXcQ", "RQ1: what helps?", "Covid: sessions moved online.", "Polla:elfelejtettem.",
                "The results follow.", "More results.", "Discussion.");
        QdaProject.Source source = new QdaProject.Source(UUID.randomUUID().toString(), "Article", SourceKind.TEXT, null, article, USER, null,
                null, List.of(), List.of(), List.of(), List.of());
        JsonPath job = ProjectImportTest.awaitDone("PL", start(project("Untitled", List.of(source)), "pre-intervention",
                "Hungarian article.qdpx"), LEAD);
        assertEquals("Hungarian article", job.getString("project"), "NVivo's default project name gives way to the file's name");
        JsonPath transcript = given().auth().oauth2(LEAD).get("/api/sites/PL/transcripts/{id}", job.getString("transcripts[0].transcriptId"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Unattributed"), transcript.getList("paragraphs.speaker").stream().distinct().toList());
        assertEquals("https://youtu.be/dQw4w9WgXcQ", transcript.getString("paragraphs[2].text"));
        assertEquals("Polla:elfelejtettem.", transcript.getString("paragraphs[5].text"));
    }

    private String start(byte[] file, String phase) {
        return start(file, phase, "project.qdpx");
    }

    private String start(byte[] file, String phase, String fileName) {
        return given().auth().oauth2(LEAD).multiPart("file", fileName, file, "application/octet-stream").queryParam("study", "LIMITS")
                .queryParam("phase", phase).queryParam("language", "en").post("/api/sites/PL/imports/qdpx").then().statusCode(202)
                .extract().path("id");
    }

    @jakarta.inject.Inject
    @jakarta.enterprise.inject.Any
    io.smallrye.reactive.messaging.memory.InMemoryConnector connector;

    private io.smallrye.reactive.messaging.memory.InMemorySink<String> connectorSink() {
        return connector.sink("transcript-events");
    }

    /**
     * A long focus group as NVivo for Windows writes it: CRLF line ends, turns of numbered speakers with lines that
     * continue them, emoji outside the BMP, and {@code selections} coded words spread over the whole text, one of them
     * running over lines 4,999 to 5,001.
     */
    static Written source(String name, int selections) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            lines.add(i % 3 == 0 ? "and then line " + i + " goes on \uD83D\uDE4F about the ward"
                    : "P" + (i % 7 + 1) + ": line " + i + " says peer support helped \uD83D\uDC4D a lot");
        }
        String lf = String.join("\n", lines);
        List<Selection> selected = new ArrayList<>();
        Map<String, String> words = new HashMap<>();
        for (int k = 0; k < selections; k++) {
            int line = k == 0 ? 4999 : 1 + (int) ((long) k * (LINES - 1) / selections);
            String start = "line " + line + " ";
            int from = lf.indexOf(start + (line % 3 == 0 ? "goes" : "says"));
            int to = k == 0 ? lf.indexOf("line 5001 ") + "line 5001".length() : from + start.length() - 1;
            String id = UUID.randomUUID().toString();
            selected.add(new Selection(id, "s" + k, lf.codePointCount(0, from), lf.codePointCount(0, to), USER, null, null,
                    List.of(new Coding(UUID.randomUUID().toString(), CODE, USER, null)), List.of()));
            words.put(id, lf.substring(from, to).replaceAll("\nP[0-9]: ", "\n"));
        }
        return new Written(new QdaProject.Source(UUID.randomUUID().toString(), name, SourceKind.TEXT, null, String.join("\r\n", lines), USER,
                null, null, selected, List.of(), List.of(), List.of()), words);
    }

    static byte[] project(String name, List<QdaProject.Source> sources) {
        QdaProject project = new QdaProject(name, "NVivo 12.6.1 (Windows)", List.of(new QdaProject.User(USER, "nv", null)),
                List.of(new Code(CODE, "Peer support", true, null, null, List.of())), List.of(), List.of(), List.of(), sources, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectWriter.write(project, PositionCounting.NVIVO, out);
        return out.toByteArray();
    }

    /** The same archive with a UTF-8 byte-order mark before each source's text, as NVivo writes it; positions do not count it. */
    static byte[] withByteOrderMarks(byte[] qdpx) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(qdpx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().endsWith(".txt")) {
                    zip.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                }
                zip.write(in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

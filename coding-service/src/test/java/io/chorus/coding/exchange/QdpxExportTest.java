package io.chorus.coding.exchange;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.LEAD_BU;
import static io.chorus.coding.CodingFixtures.RESEARCHER_ULM;
import static io.chorus.coding.CodingFixtures.code;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.testing.PostgresTestResource;
import io.chorus.refi.ArchiveLimits;
import io.chorus.refi.CountingDetector;
import io.chorus.refi.ProjectReader;
import io.chorus.refi.QdaProject;
import io.chorus.refi.QdaSchemas;
import io.chorus.refi.QdpxArchive;
import io.chorus.refi.SourceText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A selection of released transcripts goes out as a .qdpx a desktop tool opens: valid, in the right positions, site-scoped. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QdpxExportTest {

    static final String SECOND = "Honestly \uD83D\uDE4F the peer worker, because she had lived it.";

    @Inject
    CodingFixtures fixtures;

    @Test
    void transcriptsCodingsMemosAndCasesGoOutValidAndInPlace() throws Exception {
        String transcript = fixtures.release("BU", "What helped you most?", SECOND, "Same for me.");
        Response codebook = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"name":"Export test","codes":[{"name":"Lived experience","definition":"The worker's own story"}]}""")
                .post("/api/codebooks/imports");
        String codebookId = codebook.path("id");
        String codeId = codebook.path("codes[0].id");
        code(ANALYST_A, transcript, "{\"codeId\":\"" + codeId + "\",\"firstParagraph\":2,\"lastParagraph\":2,\"startOffset\":28,"
                + "\"endOffset\":52}").then().statusCode(201);
        code(ANALYST_A, transcript, "{\"codeId\":\"" + codeId + "\",\"firstParagraph\":1,\"lastParagraph\":3}").then().statusCode(201);
        given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON).body("""
                {"target":"transcript","transcriptId":"%s","title":"Lived experience","text":"She came back to this twice."}"""
                .formatted(transcript)).post("/api/memos").then().statusCode(201);

        fixtures.send("io.chorus.transcript.participant-registered.v1", "BU:P2", """
                {"site":"BU","participant":"P2","gender":"male","consent":"GIVEN","version":1,"at":"2020-01-10T10:00:00Z"}""");
        fixtures.send("io.chorus.transcript.participant-withdrawn.v1", "BU:P2", """
                {"site":"BU","participant":"P2","at":"2020-01-11T10:00:00Z"}""");
        fixtures.send("io.chorus.transcript.participant-registered.v1", "BU:P3", """
                {"site":"BU","participant":"P3","gender":"female","age":40,"consent":"GIVEN","version":1,"at":"2020-01-10T10:00:00Z"}""");
        fixtures.send("io.chorus.transcript.participant-updated.v1", "BU:P3", """
                {"site":"BU","participant":"P3","gender":"female","age":41,"role":"peer worker","consent":"GIVEN","version":2,
                 "at":"2020-01-12T10:00:00Z"}""");
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> read(export(ANALYST_A, transcript, codebookId, "standard")
                .asByteArray(), false).cases().stream().anyMatch(c -> c.name().equals("P3") && c.values().size() == 3));

        Response exported = export(ANALYST_A, transcript, codebookId, "standard");
        exported.then().statusCode(200).contentType("application/zip").header("Content-Disposition", containsString(".qdpx"));
        QdaProject project = read(exported.asByteArray(), true);
        assertEquals(List.of("Lived experience"), project.allCodes().stream().map(QdaProject.Code::name).toList());
        assertEquals(codeId, project.allCodes().get(0).guid());
        assertEquals(List.of("analyst-a"), project.users().stream().map(QdaProject.User::name).toList());
        QdaProject.Source source = project.sources().get(0);
        assertEquals(transcript, source.guid());
        String text = source.plainTextContent();
        assertEquals("[1] P2: What helped you most?\n[2] P3: " + SECOND + "\n[3] P1: Same for me.", text);
        SourceText positions = new SourceText(text);
        assertEquals("because she had lived it", positions.between((int) source.selections().get(1).start(),
                (int) source.selections().get(1).end()));
        assertEquals("What helped you most?\n[2] P3: " + SECOND + "\n[3] P1: Same for me.", positions.between(
                (int) source.selections().get(0).start(), (int) source.selections().get(0).end()));
        assertEquals(1, project.notes().size());
        assertEquals(List.of(project.notes().get(0).guid()), source.noteRefs());
        Map<String, String> variables = Map.of(project.variables().get(0).guid(), "site");
        assertEquals("BU", project.cases().get(0).values().stream().filter(v -> variables.containsKey(v.variableGuid())).findFirst()
                .orElseThrow().value());
        Map<String, String> names = new java.util.HashMap<>();
        project.variables().forEach(v -> names.put(v.guid(), v.name()));
        QdaProject.Case p3 = project.cases().stream().filter(c -> c.name().equals("P3")).findFirst().orElseThrow();
        assertEquals(Map.of("gender", "female", "age", "41", "role", "peer worker"), p3.values().stream().collect(
                java.util.stream.Collectors.toMap(v -> names.get(v.variableGuid()), QdaProject.VariableValue::value)), "the newer answers");
        assertEquals(List.of(transcript), p3.sourceGuids());
        assertEquals(false, project.cases().stream().anyMatch(c -> c.name().equals("P2")), "a withdrawn participant has no case");

        QdaProject nvivo = read(export(ANALYST_A, transcript, codebookId, "nvivo").asByteArray(), false);
        QdaProject.Selection afterEmoji = nvivo.sources().get(0).selections().get(1);
        assertEquals(source.selections().get(1).start() + 1, afterEmoji.start(), "NVivo's UTF-16 units: one more after the emoji");
        CountingDetector.Detection detection = CountingDetector.detect(nvivo, Map.of(transcript, positions));
        assertEquals(true, detection.counting().utf16(), "the exported selection names let the import find the counting again");
    }

    @Test
    void siteStaffExportOnlyTheirSiteAndEveryRefusalIsAProblem() {
        String transcript = fixtures.release("BU", "They have been there.");
        String codebook = given().auth().oauth2(ANALYST_A).contentType(ContentType.JSON)
                .body("{\"name\":\"Scope test\",\"codes\":[{\"name\":\"Trust\"}]}").post("/api/codebooks/imports").path("id");
        export(LEAD_BU, transcript, codebook, "standard").then().statusCode(200);
        export(RESEARCHER_ULM, transcript, codebook, "standard").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(RESEARCHER_ULM).queryParam("site", "BU").queryParam("codebook", codebook).get("/api/exports/qdpx").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(ANALYST_A).queryParam("transcript", transcript).get("/api/exports/qdpx").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/codebook"));
        given().auth().oauth2(ANALYST_A).get("/api/exports/qdpx").then().statusCode(400).body("errors[0].pointer", equalTo("/study"));
        export(ANALYST_A, transcript, codebook, "maxqda").then().statusCode(422).body("errors[0].pointer", equalTo("/positions"));
        given().get("/api/exports/qdpx").then().statusCode(401);
    }

    private static Response export(String token, String transcript, String codebook, String positions) {
        return given().auth().oauth2(token).queryParam("transcript", transcript).queryParam("codebook", codebook)
                .queryParam("positions", positions).get("/api/exports/qdpx");
    }

    /** Reads an exported .qdpx, its texts put back into the sources; validates its project file against Project.xsd. */
    static QdaProject read(byte[] qdpx, boolean validate) throws Exception {
        Path file = Files.createTempFile("export-", ".qdpx");
        file.toFile().deleteOnExit();
        Files.write(file, qdpx);
        try (QdpxArchive archive = QdpxArchive.open(file, ArchiveLimits.DEFAULT)) {
            if (validate) {
                try (var qde = archive.open(archive.projectEntry())) {
                    QdaSchemas.validateProject(qde);
                }
            }
            QdaProject project = ProjectReader.read(archive);
            List<QdaProject.Source> sources = project.sources().stream().map(s -> new QdaProject.Source(s.guid(), s.name(), s.kind(),
                    s.plainTextPath(), archive.text(archive.entryFor(s.plainTextPath()).orElseThrow()), s.creatingUser(), s.created(),
                    s.description(), s.selections(), s.codings(), s.values(), s.noteRefs())).toList();
            return new QdaProject(project.name(), project.origin(), project.users(), project.codes(), project.sets(), project.variables(),
                    project.cases(), sources, project.notes());
        }
    }
}

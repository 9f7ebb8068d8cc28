package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestTokens;
import io.chorus.refi.ArchiveLimits;
import io.chorus.refi.ProjectReader;
import io.chorus.refi.QdaProject;
import io.chorus.refi.QdaSchemas;
import io.chorus.refi.QdpxArchive;
import io.chorus.refi.SourceText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A site's members take its transcripts in the original language to a desktop tool; each read is audited; nobody else may. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class OriginalQdpxExportTest {

    static final String PARTNER = TestTokens.token("partner-qx", List.of("partner-system"), List.of("QX"));
    static final String RESEARCHER = TestTokens.token("researcher-qx", List.of("site-researcher"), List.of("QX"));
    static final String ADMIN = TestTokens.token("admin", List.of("consortium-admin"), List.of());
    static final String ORIGINAL = "Sie hat es selbst erlebt \uD83D\uDE4F, deshalb vertraue ich ihr.";

    @Test
    void membersExportTheOriginalsWithSessionAndParticipantVariablesAndEveryReadIsAudited() throws Exception {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"title\":\"UPSIDES\",\"phases\":[\"pre-intervention\"]}")
                .put("/api/studies/UPSIDES").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String session = "s-" + UUID.randomUUID();
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"study":"UPSIDES","phase":"pre-intervention","kind":"focus-group","date":"2019-12-03","durationMinutes":80,
                 "language":"de","participants":["P1"]}""").put("/api/sites/QX/sessions/{s}", session).then().statusCode(201);
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"gender\":\"female\",\"age\":34,\"role\":\"peer worker\"}")
                .put("/api/sites/QX/participants/P1").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String id = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"externalId":"qx-%s","language":"de","session":"%s","paragraphs":[
                  {"speaker":"M","text":"Was hat geholfen?"},{"speaker":"P1","text":"%s"}]}"""
                .formatted(UUID.randomUUID(), session, ORIGINAL)).post("/api/sites/QX/transcripts").then().statusCode(201).extract().path("id");

        byte[] file = given().auth().oauth2(RESEARCHER).queryParam("transcript", id).get("/api/sites/QX/transcripts/qdpx")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Path path = Files.createTempFile("originals-", ".qdpx");
        Files.write(path, file);
        try (QdpxArchive archive = QdpxArchive.open(path, ArchiveLimits.DEFAULT)) {
            try (InputStream qde = archive.open(archive.projectEntry())) {
                QdaSchemas.validateProject(qde);
            }
            QdaProject project = ProjectReader.read(archive);
            assertEquals(1, project.sources().size());
            QdaProject.Source source = project.sources().get(0);
            assertEquals(UUID.fromString(id).toString(), source.guid(), "the GUID coding-service's English export gives it");
            String text = new SourceText(archive.text(archive.entryFor(source.plainTextPath()).orElseThrow())).normalized();
            assertEquals("[1] M: Was hat geholfen?\n[2] P1: " + ORIGINAL, text);
            Map<String, String> variables = project.variables().stream().collect(Collectors.toMap(QdaProject.Variable::guid,
                    QdaProject.Variable::name));
            QdaProject.Case sessionCase = project.cases().stream().filter(c -> c.name().startsWith("qx-")).findFirst().orElseThrow();
            Map<String, String> sessionValues = sessionCase.values().stream().collect(Collectors.toMap(v -> variables.get(v.variableGuid()),
                    QdaProject.VariableValue::value));
            assertEquals("UPSIDES", sessionValues.get("study"));
            assertEquals("pre-intervention", sessionValues.get("phase"));
            assertEquals("2019-12-03", sessionValues.get("date"));
            assertEquals(List.of(source.guid()), sessionCase.sourceGuids());
            QdaProject.Case participant = project.cases().stream().filter(c -> c.name().equals("P1")).findFirst().orElseThrow();
            Map<String, String> participantValues = participant.values().stream().collect(Collectors.toMap(
                    v -> variables.get(v.variableGuid()), QdaProject.VariableValue::value));
            assertEquals(Map.of("gender", "female", "age", "34", "role", "peer worker"), participantValues);
        } finally {
            Files.deleteIfExists(path);
        }
        given().auth().oauth2(ADMIN).get("/api/audit/original-reads?site=QX&username=researcher-qx&size=500").then().statusCode(200)
                .body("items.findAll { it.transcriptId == '" + id + "' }.size()", equalTo(1));

        // the whole site when none is named; other sites' staff and analysts get a 404 and read nothing
        given().auth().oauth2(RESEARCHER).get("/api/sites/QX/transcripts/qdpx").then().statusCode(200);
        given().auth().oauth2(TestTokens.token("analyst", List.of("analyst"), List.of())).queryParam("transcript", id)
                .get("/api/sites/QX/transcripts/qdpx").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("researcher-bu", List.of("site-researcher"), List.of("BU"))).queryParam("transcript", id)
                .get("/api/sites/QX/transcripts/qdpx").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(RESEARCHER).queryParam("transcript", "nope").get("/api/sites/QX/transcripts/qdpx").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(RESEARCHER).queryParam("positions", "words").get("/api/sites/QX/transcripts/qdpx").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/positions"));
        assertTrue(given().auth().oauth2(ADMIN).get("/api/audit/original-reads?site=QX&username=analyst&size=500").jsonPath()
                .getList("items").isEmpty(), "no read by anyone refused");
    }
}

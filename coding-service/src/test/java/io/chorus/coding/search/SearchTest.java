package io.chorus.coding.search;

import io.chorus.coding.CodingFixtures;

import static io.chorus.coding.CodingFixtures.ANALYST_A;
import static io.chorus.coding.CodingFixtures.ANALYST_B;
import static io.chorus.coding.CodingFixtures.LEAD_BU;
import static io.chorus.coding.CodingFixtures.RESEARCHER_ULM;
import static io.chorus.coding.CodingFixtures.code;
import static io.chorus.coding.CodingFixtures.importTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Full-text search: query language, stemming, keyword in context, filters, site scope and the audit of original searches. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SearchTest {

    private static final String ADMIN = TestTokens.token("admin-a", List.of("consortium-admin"), List.of());

    @Inject
    CodingFixtures fixtures;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static Response search(String token, String q, Object... more) {
        RequestSpecification request = as(token).queryParam("q", q);
        for (int i = 0; i < more.length; i += 2) {
            request.queryParam((String) more[i], more[i + 1]);
        }
        return request.get("/api/search");
    }

    @Test
    void englishIsStemmedRankedAndShownInContextWithCodePointOffsets() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String transcript = fixtures.release("BU", "The " + word + " trainings helped 😊 the peer workers a lot.",
                "Nothing about " + word + "x here.", "We trained and trained: " + word + " training, then " + word + " trainings again.");
        Response hits = search(ANALYST_A, word + " training");
        hits.then().statusCode(200).body("total", equalTo(2))
                .body("items.paragraph", contains(3, 1)) // two matches of each word rank paragraph 3 first
                .body("items[1].label", equalTo("BU 1")).body("items[1].speaker", equalTo("P2"))
                .body("items[1].transcriptId", equalTo(transcript)).body("items[1].text", equalTo("english"))
                .body("items[1].before", equalTo("The ")).body("items[1].match", equalTo(word))
                .body("items[1].after", equalTo(" trainings helped 😊 the peer workers a lot."));
        // offsets count code points: the emoji before "peer" is one
        int peer = ("The " + word + " trainings helped 😊 the ").codePointCount(0, ("The " + word + " trainings helped 😊 the ").length());
        search(ANALYST_A, "peer " + word).then().body("items[0].matches.start", hasItem(peer))
                .body("items[0].matches.end", hasItem(peer + 4));
        search(ANALYST_A, "\"" + word + " trainings helped\"").then().body("items.paragraph", contains(1));
        search(ANALYST_A, "\"helped " + word + "\"").then().body("total", equalTo(0));
        search(ANALYST_A, word + " -helped").then().body("items.paragraph", contains(3));
        search(ANALYST_A, word + " AND NOT (helped OR nothing)").then().body("items.paragraph", contains(3));
        search(ANALYST_A, word + "x OR " + word.substring(0, 5) + "*").then().body("total", equalTo(3));
        search(ANALYST_A, word, "page", 1, "size", 1).then().body("items.paragraph", contains(1)).body("total", equalTo(2));
    }

    @Test
    void badQueriesAreRefusedWithThePointerToQ() {
        for (String q : List.of("", "\"unclosed", "(peer", "peer OR", "AND peer", "pe%r*", "\"?!\"")) {
            search(ANALYST_A, q).then().statusCode(422).contentType("application/problem+json").body("errors[0].pointer", equalTo("/q"));
        }
        as(ANALYST_A).get("/api/search").then().statusCode(422).body("errors[0].pointer", equalTo("/q"));
        search(ANALYST_A, "peer", "text", "klingon").then().statusCode(400).contentType("application/problem+json").body("errors[0].pointer", equalTo("/text"));
        search(ANALYST_A, "peer", "coded", "maybe").then().statusCode(422).contentType("application/problem+json").body("errors[0].pointer", equalTo("/coded"));
        as("not-a-token").queryParam("q", "peer").get("/api/search").then().statusCode(401);
    }

    @Test
    void siteStaffFindOnlyTheirSitesTextAndAnotherSiteFilterIsRefused() {
        String word = "zs" + UUID.randomUUID().toString().substring(0, 6);
        fixtures.release("BU", "Butabika says " + word + ".");
        fixtures.release("ULM", "Ulm says " + word + ".");
        search(ANALYST_A, word).then().body("items.site", containsInAnyOrder("BU", "ULM"));
        search(RESEARCHER_ULM, word).then().statusCode(200).body("items.site", contains("ULM")).body("total", equalTo(1));
        search(RESEARCHER_ULM, word, "site", "BU").then().statusCode(403).body("errors[0].pointer", equalTo("/site"));
        search(LEAD_BU, word, "site", "BU").then().body("items.site", contains("BU"));
    }

    @Test
    void filtersBySpeakerRoleStudyPhaseAndCodedPassage() {
        String word = "zf" + UUID.randomUUID().toString().substring(0, 6);
        String session = "fgd-" + word;
        fixtures.send("io.chorus.transcript.session-recorded.v1", "BU/" + session, """
                {"site":"BU","externalId":"%s","study":"search-study","phase":"post","kind":"fgd","date":"2021-09-02",
                 "language":"lg","participants":["P1"],"version":1,"createdAt":"2021-09-02T10:00:00Z","updatedAt":"2021-09-02T10:00:00Z"}"""
                .formatted(session));
        fixtures.send("io.chorus.transcript.participant-registered.v1", "BU/P2", """
                {"site":"BU","participant":"P2","role":"peer support worker","version":1}""");
        String transcript = fixtures.releaseIn("BU", "lg", session, new String[] {"a", "First " + word + "."},
                new String[] {"b", "Second " + word + "."}, new String[] {"c", "Third " + word + "."});
        String codeId = importTemplate("implementation-influences").path("codes[1].children[0].id");
        code(ANALYST_A, transcript, "{\"codeId\":\"%s\",\"firstParagraph\":2,\"lastParagraph\":3}".formatted(codeId)).then().statusCode(201);

        org.awaitility.Awaitility.await().untilAsserted(() ->
                search(ANALYST_A, word, "role", "peer support worker").then().body("items.paragraph", contains(1)));
        search(ANALYST_A, word, "participant", "P3").then().body("items.paragraph", contains(2));
        search(ANALYST_A, word, "study", "search-study", "phase", "post").then().body("total", equalTo(3));
        search(ANALYST_A, word, "phase", "pre").then().body("total", equalTo(0));
        search(ANALYST_A, word, "code", codeId).then().body("items.paragraph", containsInAnyOrder(2, 3));
        search(ANALYST_A, word, "code", codeId, "coded", "outside").then().body("items.paragraph", contains(1));
    }

    /** Issue 30: the retention end of the study, or a withdrawal, leaves no original to search and no query that found it. */
    @Test
    void originalsErasedAtTheirStudysRetentionEndAreSearchableNoMoreAndTheQueriesThatFoundAWithdrawnTranscriptAreRedacted() {
        String word = "ret" + UUID.randomUUID().toString().substring(0, 6);
        String transcript = fixtures.releaseIn("ULM", "de", null, new String[] {"Die Begleiter " + word + " halfen.", "The peers " + word + " helped."});
        search(RESEARCHER_ULM, word, "text", "original").then().statusCode(200).body("total", equalTo(1));
        fixtures.send("io.chorus.transcript.originals-erased.v1", transcript, """
                {"transcriptId":"%s","site":"ULM","study":"S","paragraphs":1,"version":9,"at":"2031-01-01T00:00:00Z"}""".formatted(transcript));
        org.awaitility.Awaitility.await().untilAsserted(() ->
                search(RESEARCHER_ULM, word, "text", "original").then().statusCode(200).body("total", equalTo(0)));
        search(ANALYST_A, word).then().body("items.transcriptId", hasItem(transcript)); // the English stays

        String other = "wd" + UUID.randomUUID().toString().substring(0, 6);
        String withdrawn = fixtures.releaseIn("ULM", "de", null, new String[] {"Ich sage " + other + ".", "I say " + other + "."});
        search(RESEARCHER_ULM, other, "text", "original").then().body("total", equalTo(1));
        fixtures.send("io.chorus.transcript.withdrawn.v1", withdrawn, """
                {"transcriptId":"%s","site":"ULM","externalId":"x","reason":"group withdrew","version":9,"at":"2031-01-01T00:00:00Z"}"""
                .formatted(withdrawn));
        org.awaitility.Awaitility.await().untilAsserted(() -> as(ADMIN).queryParam("username", "researcher-ulm").queryParam("size", 500)
                .get("/api/audit/original-searches").then()
                .body("items.findAll { it.transcripts.contains('" + withdrawn + "') }.query", contains("[withdrawn]")));

        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update original_search_audit set hits = hits + 1").executeUpdate()), "nothing else of the audit changes");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from original_search_audit").executeUpdate());
        as(ADMIN).queryParam("username", "researcher-ulm").get("/api/audit/original-searches").then()
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(3)); // and no row goes
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    void originalsAreSearchedInTheirLanguageByMembersOnlyAndEverySearchIsAudited() {
        String word = "zo" + UUID.randomUUID().toString().substring(0, 6);
        fixtures.releaseIn("BU", "de", null, new String[] {"Die Peers " + word + " halfen den Kliniken sehr.", "The peers " + word + " helped."},
                new String[] {"Wir hatten keine Zeit.", "We had no time."});
        fixtures.releaseIn("ULM", "de", null, new String[] {"In Ulm " + word + " die Klinik.", "In Ulm " + word + " the clinic."});

        // German stemming: "Klinik" finds "Kliniken"; only the caller's own site
        Response found = search(LEAD_BU, "Klinik " + word, "text", "original");
        found.then().statusCode(200).body("total", equalTo(1)).body("items[0].site", equalTo("BU")).body("items[0].text", equalTo("original"))
                .body("items[0].language", equalTo("de")).body("items.match", everyItem(not(empty())));
        String transcript = found.path("items[0].transcriptId");
        search(LEAD_BU, "Kliniken", "text", "original", "site", "ULM").then().statusCode(403).body("errors[0].pointer", equalTo("/site"));
        search(ANALYST_B, "Kliniken", "text", "original").then().statusCode(403).body("errors[0].pointer", equalTo("/text"));
        search(ANALYST_A, "Kliniken " + word).then().body("total", equalTo(0)); // the English has no such word

        Response audit = as(ADMIN).queryParam("username", "lead-bu").get("/api/audit/original-searches");
        audit.then().statusCode(200).body("items[0].username", equalTo("lead-bu")).body("items[0].sites", contains("BU"))
                .body("items[0].query", equalTo("Klinik " + word)).body("items[0].hits", equalTo(1))
                .body("items[0].transcripts", contains(transcript));
        as(LEAD_BU).get("/api/audit/original-searches").then().statusCode(403);
        int before = as(ADMIN).get("/api/audit/original-searches").path("total");
        search(RESEARCHER_ULM, word, "text", "original").then().statusCode(200).body("items.site", contains("ULM"));
        assertEquals(before + 1, (int) as(ADMIN).get("/api/audit/original-searches").path("total"));
        as(ADMIN).queryParam("site", "ULM").get("/api/audit/original-searches").then().body("items[0].username", equalTo("researcher-ulm"));
    }

    @Test
    void hitsExportAsCsvAndXlsxWithFormulasKeptAsText() throws Exception {
        String word = "ze" + UUID.randomUUID().toString().substring(0, 6);
        fixtures.release("BU", "=SUM(1) " + word + " starts like a formula.", "Plain " + word + ", \\\"quoted\\\".");
        String csv = as(ANALYST_A).queryParam("q", word).get("/api/search/export").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("Paragraph,Site,Transcript,Study,Phase,Speaker,Speaker role,Before,Match,After,Score", lines.get(0));
        assertEquals(4, lines.size(), "header, two hits and the note: " + csv);
        org.junit.jupiter.api.Assertions.assertTrue(lines.stream().anyMatch(l -> l.startsWith("BU 1,BU,") && l.contains(",'=SUM(1) ," + word + ",")),
                "a cell starting with = is kept as text: " + csv);
        org.junit.jupiter.api.Assertions.assertTrue(lines.stream().anyMatch(l -> l.contains(",Plain ," + word + ",\", \"\"quoted\"\".\",")), csv);

        byte[] xlsx = as(ANALYST_A).queryParam("q", word).queryParam("format", "xlsx").get("/api/search/export").then().statusCode(200)
                .extract().asByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertEquals("Match", sheet.getRow(1).getCell(8).getStringCellValue());
            assertEquals(word, sheet.getRow(2).getCell(8).getStringCellValue());
            assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, sheet.getRow(2).getCell(7).getCellType());
        }
        as(ANALYST_A).queryParam("q", word).queryParam("format", "pdf").get("/api/search/export").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/format"));
        as(RESEARCHER_ULM).queryParam("q", word).get("/api/search/export").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(word + ",")));
    }
}

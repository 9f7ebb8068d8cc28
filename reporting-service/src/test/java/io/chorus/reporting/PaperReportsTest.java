package io.chorus.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.common.testing.PostgresTestResource;
import io.chorus.common.testing.TestEvents;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The paper's tables on a small, hand-countable study (expected values worked out in the comments):
 * BU pre (2019, LIC), DS pre (2019, LIC until Tanzania's re-banding on 2020-07-01) and DS post (2021, LMIC).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class PaperReportsTest {

    static final String ANALYST = TestTokens.token("analyst", List.of("analyst"), List.of());
    static final String ADMIN = TestTokens.token("admin", List.of("consortium-admin"), List.of());
    static final String LEAD_BU = TestTokens.token("lead-bu", List.of("site-lead"), List.of("BU"));
    static final String LEAD_UKE = TestTokens.token("lead-uke", List.of("site-lead"), List.of("UKE"));
    static final String PARTNER_BU = TestTokens.token("partner-bu", List.of("partner-system"), List.of("BU"));

    static final String STUDY = "study-" + UUID.randomUUID().toString().substring(0, 8);
    static final String BOOK = UUID.randomUUID().toString();
    static final String P = UUID.randomUUID().toString();
    static final String A = UUID.randomUUID().toString();
    static final String B = UUID.randomUUID().toString();
    static final String C = UUID.randomUUID().toString();
    static final String T1 = UUID.randomUUID().toString();
    static final String T2 = UUID.randomUUID().toString();
    static final String T3 = UUID.randomUUID().toString();
    static final String T4 = UUID.randomUUID().toString();
    static final String T2_A = UUID.randomUUID().toString();

    @Inject
    @Any
    InMemoryConnector connector;

    @BeforeAll
    static void decimalsAsDoubles() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
    }

    void transcriptEvent(String type, String key, String payload) {
        connector.source("transcript-events").send(TestEvents.incoming(TestEvents.envelope(type, "transcript", key, payload)));
    }

    void codingEvent(String type, String key, String payload) {
        connector.source("coding-events").send(TestEvents.incoming(TestEvents.envelope(type, "coding", key, payload)));
    }

    void session(String site, String id, String phase, String date, String group, String participants) {
        transcriptEvent("io.chorus.transcript.session-recorded.v1", site + "/" + id, """
                {"site":"%s","externalId":"%s","study":"%s","phase":"%s","kind":"focus-group","date":"%s","durationMinutes":90,
                 "language":"en","participantGroup":"%s","participants":[%s],"version":1,
                 "createdAt":"2019-01-01T00:00:00Z","updatedAt":"2019-01-01T00:00:00Z"}""".formatted(site, id, STUDY, phase, date, group, participants));
    }

    void participant(String site, String number, String gender, int age, String role) {
        transcriptEvent("io.chorus.transcript.participant-registered.v1", site + "/" + number, """
                {"site":"%s","participant":"%s","gender":"%s","age":%d,"role":"%s","professionalBackground":"nurse",
                 "previousPeerSupportExperience":true,"consent":"given","version":1,"at":"2019-01-01T00:00:00Z"}"""
                .formatted(site, number, gender, age, role));
    }

    void release(String id, String site, String session, String... english) {
        StringBuilder paragraphs = new StringBuilder();
        for (int n = 1; n <= english.length; n++) {
            paragraphs.append(n > 1 ? "," : "").append("""
                    {"n":%d,"label":"%s %d","speaker":"P%d","text":"original %d","english":"%s"}""".formatted(n, site, n, n, n, english[n - 1]));
        }
        transcriptEvent("io.chorus.transcript.released.v1", id, """
                {"transcriptId":"%s","site":"%s","externalId":"%s","language":"lg","version":1,"releasedAt":"2021-06-01T00:00:00Z",
                 "releasedBy":"lead","session":"%s","paragraphs":[%s]}""".formatted(id, site, id, session, paragraphs));
    }

    void coded(String codingId, String transcript, String site, String code, int first, int last, String valence, String round, String coder) {
        codingEvent("io.chorus.coding.passage-coded.v1", codingId, """
                {"codingId":"%s","transcriptId":"%s","site":"%s","codeId":"%s","codebookId":"%s","coder":"%s","roundId":%s,
                 "firstParagraph":%d,"lastParagraph":%d,"startOffset":null,"endOffset":null,"valence":%s,"weight":null,
                 "revision":0,"codedAt":"2021-07-01T00:00:00Z"}""".formatted(codingId, transcript, site, code, BOOK, coder,
                round == null ? "null" : "\"" + round + "\"", first, last, valence == null ? "null" : "\"" + valence + "\""));
    }

    void loadStudy() {
        codingEvent("io.chorus.coding.codebook-published.v1", BOOK, """
                {"codebookId":"%s","name":"Implementation influences","version":1,"publishedAt":"2021-01-01T00:00:00Z","publishedBy":"analyst",
                 "codes":[{"id":"%s","key":"1","parentId":null,"name":"Societal level","codable":true,"origin":"deductive","frameworkRef":null},
                  {"id":"%s","key":"1.1","parentId":"%s","name":"MH policy","codable":true,"origin":"deductive","frameworkRef":"CFIR-2.4"},
                  {"id":"%s","key":"1.2","parentId":"%s","name":"PSW policy","codable":true,"origin":"deductive","frameworkRef":null},
                  {"id":"%s","key":"2","parentId":null,"name":"Training","codable":true,"origin":"deductive","frameworkRef":null}]}"""
                .formatted(BOOK, P, A, P, B, P, C));
        participant("BU", "P1", "female", 34, "PSW");
        participant("BU", "P2", "male", 40, "MHW");
        session("BU", "bu-pre", "pre-intervention", "2019-11-05", "MHW", "\"P1\",\"P2\"");
        session("DS", "ds-pre", "pre-intervention", "2019-06-01", "MHW", "");
        session("DS", "ds-post", "post-intervention", "2021-03-01", "MHW", "");
        release(T1, "BU", "bu-pre", "There is no policy for paying them.", "They have been there; patients believe them.");
        release(T2, "DS", "ds-pre", "The ministry has no plan.", "Nothing changes.");
        release(T3, "DS", "ds-post", "Training helped a lot.");
        release(T4, "DS", "ds-post", "Policy now names peer workers.");
        // T1: A on 1 (barrier), B on 1-2 (facilitator): they overlap on paragraph 1
        coded(UUID.randomUUID().toString(), T1, "BU", A, 1, 1, "barrier", null, "analyst");
        coded(UUID.randomUUID().toString(), T1, "BU", B, 1, 2, "facilitator", null, "analyst");
        // T2: A on 1-2 (barrier). T3: C on 1. T4: two coders' round codings of A, then a consensus of B only
        coded(T2_A, T2, "DS", A, 1, 2, "barrier", null, "analyst");
        coded(UUID.randomUUID().toString(), T3, "DS", C, 1, 1, null, null, "analyst");
        String round = UUID.randomUUID().toString();
        coded(UUID.randomUUID().toString(), T4, "DS", A, 1, 1, null, round, "analyst-a");
        coded(UUID.randomUUID().toString(), T4, "DS", A, 1, 1, null, round, "analyst-b");
        codingEvent("io.chorus.coding.consensus-reached.v1", T4, """
                {"transcriptId":"%s","site":"DS","roundId":"%s","codebookId":"%s","decidedBy":"analyst-a","decidedAt":"2021-08-01T00:00:00Z",
                 "codings":[{"codingId":"%s","codeId":"%s","firstParagraph":1,"lastParagraph":1,"startOffset":null,"endOffset":null,
                 "valence":"facilitator","weight":null}]}""".formatted(T4, round, BOOK, UUID.randomUUID(), B));
        codingEvent("io.chorus.coding.construct-rated.v1", "DS", """
                {"site":"DS","codeId":"%s","codebookId":"%s","frameworkRef":"CFIR-2.4","phase":null,"rating":"-1","ratedBy":"analyst",
                 "ratedAt":"2021-09-01T00:00:00Z"}""".formatted(A, BOOK));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}", STUDY, BOOK).then()
                        .body("rows.find { it.code == 'Societal level' }.documents", equalTo(3))
                        .body("rows.find { it.code == 'PSW policy' }.documents", equalTo(2)));
    }

    @Test
    void thePapersTablesFromTheEventStream() throws Exception {
        loadStudy();
        // documents: BU 1 (T1), DS 3 (T2-T4). "Societal level" rolls up A and B: T1, T2, T4 (T4 counts its consensus B,
        // not the round's A). Shares: BU 1/1, DS 2/3, overall 3/4; passages BU 2 (A+B), DS 2 (T2 A, T4 B).
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}&by=site", STUDY, BOOK).then()
                .statusCode(200)
                .body("rows.code", equalTo(List.of("Societal level", "MH policy", "PSW policy", "Training")))
                .body("rows[0].level", equalTo(1)).body("rows[1].level", equalTo(2))
                .body("rows[0].documents", equalTo(3)).body("rows[0].share", closeTo(0.75, 1e-9))
                .body("rows[0].sites", equalTo(2)).body("rows[0].passages", equalTo(4))
                .body("rows[0].'BU.share'", closeTo(1.0, 1e-9)).body("rows[0].'DS.share'", closeTo(2.0 / 3, 1e-9))
                .body("rows[0].'DS.passages'", equalTo(2))
                .body("rows[1].'DS.documents'", equalTo(1))
                .body("rows[3].'DS.share'", closeTo(1.0 / 3, 1e-9));
        // income as of the session date: T1 and T2 are LIC (2019), T3 and T4 LMIC (2021)
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}&by=income", STUDY, BOOK).then()
                .body("rows[0].'LIC.documents'", equalTo(2)).body("rows[0].'LIC.share'", closeTo(1.0, 1e-9))
                .body("rows[0].'LMIC.documents'", equalTo(1)).body("rows[0].'LMIC.share'", closeTo(0.5, 1e-9));
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}&level=2", STUDY, BOOK).then()
                .body("rows.code", equalTo(List.of("MH policy", "PSW policy")));
        // facilitators and barriers: MH policy barrier at BU (T1) and DS (T2); PSW policy facilitator at BU and DS (T4's consensus)
        given().auth().oauth2(ANALYST).get("/api/reports/facilitators-barriers?study={s}&codebook={b}&by=income", STUDY, BOOK).then()
                .body("rows.find { it.code == 'MH policy' }.barriers", equalTo(2))
                .body("rows.find { it.code == 'MH policy' }.'LIC.barriers'", equalTo(2))
                .body("rows.find { it.code == 'PSW policy' }.'LMIC.facilitators'", equalTo(1))
                .body("rows.find { it.code == 'Societal level' }.facilitators", equalTo(2));
        // pre/post at DS for "Societal level": pre 1 of 1 document, post 1 of 2: change -0.5
        given().auth().oauth2(ANALYST).get("/api/reports/pre-post?study={s}&codebook={b}", STUDY, BOOK).then()
                .body("rows.find { it.code == 'Societal level' && it.site == 'DS' }.'pre.share'", closeTo(1.0, 1e-9))
                .body("rows.find { it.code == 'Societal level' && it.site == 'DS' }.'post.share'", closeTo(0.5, 1e-9))
                .body("rows.find { it.code == 'Societal level' && it.site == 'DS' }.change", closeTo(-0.5, 1e-9));
        given().auth().oauth2(ANALYST).get("/api/reports/co-occurrence?study={s}&codebook={b}", STUDY, BOOK).then()
                .body("rows", org.hamcrest.Matchers.hasSize(1)).body("rows[0].codeA", org.hamcrest.Matchers.anyOf(
                        equalTo("MH policy"), equalTo("PSW policy"))).body("rows[0].passages", equalTo(1));
        given().auth().oauth2(ANALYST).get("/api/reports/cfir-ratings?codebook={b}", BOOK).then()
                .body("rows[0].frameworkRef", equalTo("CFIR-2.4")).body("rows[0].DS", equalTo("-1"));
        given().auth().oauth2(ANALYST).get("/api/reports/participants?study={s}&site=BU", STUDY).then()
                .body("rows[0].n", equalTo(2)).body("rows[0].meanAge", closeTo(37.0, 1e-9)).body("rows[0].ageRange", equalTo("34-40"))
                .body("rows[0].female", equalTo(1)).body("rows[0].male", equalTo(1)).body("rows[0].sessionDates", equalTo("2019-11-05"));
        given().auth().oauth2(ANALYST).get("/api/reports/participants-by-role?study={s}", STUDY).then()
                .body("rows.role", equalTo(List.of("MHW", "PSW"))).body("rows[1].female", equalTo(1));
        // the paper's Table 2 in one call: sites by name (DS first when asked), focus groups, N, roles, genders, totals
        given().auth().oauth2(ANALYST).get("/api/reports/participants-by-site?study={s}&order=DS", STUDY).then().statusCode(200)
                .body("rows.site", equalTo(List.of("Dar es Salaam (Muhimbili National Hospital)", "Butabika / Kampala", "Total")))
                .body("rows[0].focusGroups", equalTo(2)).body("rows[0].n", equalTo(0))
                .body("rows[1].focusGroups", equalTo(1)).body("rows[1].n", equalTo(2)).body("rows[1].'role.PSW'", equalTo(1))
                .body("rows[1].'role.MHW'", equalTo(1)).body("rows[1].'gender.female'", equalTo(1)).body("rows[1].'gender.male'", equalTo(1))
                .body("rows[2].focusGroups", equalTo(3)).body("rows[2].n", equalTo(2)).body("rows[2].'gender.not stated'", equalTo(0))
                .body("columns.label", org.hamcrest.Matchers.hasItems("Focus groups", "N", "MHW", "PSW", "Female", "Male", "Not stated"));
        given().auth().oauth2(ANALYST).get("/api/reports/participants-by-site?study={s}", STUDY).then().statusCode(200)
                .body("rows.siteCode", equalTo(java.util.Arrays.asList("BU", "DS", null)));
        given().auth().oauth2(ANALYST).get("/api/reports/participants?study={s}&site=BU", STUDY).then()
                .body("rows[0].peerSupportNotStated", equalTo(0));
        given().auth().oauth2(ANALYST).get("/api/reports/participants-by-role?study={s}&role=not stated", STUDY).then().statusCode(200)
                .body("rows", org.hamcrest.Matchers.hasSize(0));
        given().auth().oauth2(ANALYST).get("/api/reports/participants-by-role?study={s}&role=nobody", STUDY).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/role"));
        given().auth().oauth2(ANALYST).get("/api/reports/participants?study={s}&site=XX", STUDY).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/site"));
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?codebook=not-a-codebook").then().statusCode(422)
                .body("errors[0].parameter", equalTo("codebook"));
        // strength of theme, largest share first, with its denominator
        List<Number> shares = given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}&sort=share", STUDY, BOOK)
                .then().statusCode(200).body("rows[0].ofDocuments", equalTo(4)).body("columns.label", org.hamcrest.Matchers.hasItem("Of documents"))
                .extract().path("rows.share");
        for (int i = 1; i < shares.size(); i++) {
            assertTrue(shares.get(i - 1).doubleValue() >= shares.get(i).doubleValue(), "sorted by share: " + shares);
        }

        // quotes: labels, English for everyone, the original only for the site's own staff
        given().auth().oauth2(ANALYST).get("/api/reports/quotes?code={p}&site=BU", P).then()
                .body("rows.label", equalTo(List.of("BU 1", "BU 1-2")))
                .body("rows[0].english", equalTo("There is no policy for paying them."))
                .body("rows[0].original", nullValue()).body("rows[0].participantLabel", equalTo("[#1, Butabika / Kampala, PSW]"));
        given().auth().oauth2(LEAD_BU).get("/api/reports/quotes?code={p}", P).then()
                .body("rows.site", equalTo(List.of("BU", "BU"))).body("rows[0].original", equalTo("original 1"));
        given().auth().oauth2(ADMIN).get("/api/audit/original-reads?username=lead-bu").then().statusCode(200)
                .body("items.transcriptId", hasItem(T1)).body("items[0].subject", equalTo(TestTokens.subjectOf("lead-bu")))
                .body("items[0].language", equalTo("lg"));
        given().auth().oauth2(LEAD_BU).get("/api/audit/original-reads").then().statusCode(403);
        // the role of a quote is its speaker's: both BU quotes start with P1, a peer support worker
        given().auth().oauth2(ANALYST).get("/api/reports/quotes?code={p}&role=PSW", P).then().body("rows.label", equalTo(List.of("BU 1", "BU 1-2")));
        given().auth().oauth2(ANALYST).get("/api/reports/quotes?code={p}&role=MHW", P).then().body("rows.label", equalTo(List.of()));

        // site staff: their own site's columns; totals over only one other site (DS) are withheld; partners: nothing
        given().auth().oauth2(LEAD_BU).get("/api/reports/code-frequency?study={s}&codebook={b}", STUDY, BOOK).then()
                .body("columns.key", hasItem("BU.documents")).body("columns.key", not(hasItem("DS.documents")))
                .body("rows[0].'BU.documents'", equalTo(1))
                .body("rows[0].documents", nullValue()).body("rows[0].share", nullValue()).body("rows[0].sites", nullValue())
                .body("notes[0]", containsString("at least 3 sites other than your own"))
                // withheld cells are named, so a reader tells them from missing data
                .body("withheld.find { it.row == 0 }.columns", hasItems("documents", "share", "sites"))
                .body("withheld.columns.flatten()", not(hasItem("BU.documents")));
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}", STUDY, BOOK).then()
                .body("withheld", org.hamcrest.Matchers.empty());
        given().auth().oauth2(LEAD_BU).get("/api/reports/code-frequency?study={s}&codebook={b}&by=phase", STUDY, BOOK).then()
                .body("rows[0].'pre-intervention.documents'", nullValue()).body("rows[0].'post-intervention.documents'", nullValue());
        given().auth().oauth2(LEAD_BU).get("/api/reports/facilitators-barriers?study={s}&codebook={b}", STUDY, BOOK).then()
                .body("rows[0].barriers", nullValue()).body("rows[0].'BU.barriers'", equalTo(1));
        given().auth().oauth2(LEAD_BU).get("/api/reports/co-occurrence?study={s}&codebook={b}", STUDY, BOOK).then()
                .body("rows.passages", everyItem(nullValue()));
        String withheldCsv = given().auth().oauth2(LEAD_BU).get("/api/reports/code-frequency?study={s}&codebook={b}&format=csv", STUDY, BOOK)
                .then().statusCode(200).extract().asString();
        assertTrue(withheldCsv.contains("\r\nSocietal level,1,,,,,"), withheldCsv);
        assertTrue(withheldCsv.contains("Note: Figures covering other sites are withheld"), withheldCsv);
        byte[] withheldXlsx = given().auth().oauth2(LEAD_BU).get("/api/reports/code-frequency?study={s}&codebook={b}&format=xlsx", STUDY, BOOK)
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(withheldXlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertEquals(null, sheet.getRow(2).getCell(4), "the withheld total is an empty cell");
            assertTrue(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue().startsWith("Note: Figures covering other sites"));
        }
        given().auth().oauth2(LEAD_BU).get("/api/reports/code-frequency?study={s}&codebook={b}&by=phase&format=svg", STUDY, BOOK).then()
                .statusCode(200).body(containsString("Note: Figures covering other sites"))
                .body(containsString("Grey: withheld or no value"));
        for (String report : List.of("code-frequency", "facilitators-barriers", "co-occurrence", "participants", "quotes")) {
            given().auth().oauth2(LEAD_BU).get("/api/reports/" + report + "?site=DS&code=" + P).then().statusCode(403)
                    .contentType("application/problem+json").body("errors[0].pointer", equalTo("/site"));
        }
        given().auth().oauth2(PARTNER_BU).get("/api/reports/code-frequency").then().statusCode(403);

        // formats
        String csv = given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}&format=csv", STUDY, BOOK)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("Code,Level,Framework,Coded passages,Documents,Share of documents,Sites,"), csv);
        assertTrue(csv.contains("\r\nSocietal level,1,,4,3,0.7500,2,"), csv);
        byte[] xlsx = given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}&format=xlsx", STUDY, BOOK)
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("Societal level", workbook.getSheetAt(0).getRow(2).getCell(0).getStringCellValue());
            assertEquals(3.0, workbook.getSheetAt(0).getRow(2).getCell(4).getNumericCellValue());
        }
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}&format=svg", STUDY, BOOK).then()
                .statusCode(200).contentType(containsString("image/svg+xml")).body(containsString("viewBox=\"0 0 900 "))
                .body(containsString("Societal level"));
        byte[] png = given().auth().oauth2(ANALYST).get("/api/reports/facilitators-barriers?study={s}&codebook={b}&by=income&format=png",
                STUDY, BOOK).then().statusCode(200).contentType("image/png").extract().asByteArray();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(900, image.getWidth());
        byte[] pdf = given().auth().oauth2(ANALYST).get("/api/reports/participants-by-role?study={s}&format=pdf", STUDY).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        byte[] withBom = given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}&format=csv&bom=true",
                STUDY, BOOK).then().statusCode(200).extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 'C'), List.of(withBom[0], withBom[1], withBom[2], withBom[3]));
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?format=gif").then().statusCode(422)
                .contentType("application/problem+json");

        // a recoding changes the tables: T2's MH policy coding is removed
        codingEvent("io.chorus.coding.coding-removed.v1", T2_A, """
                {"codingId":"%s","transcriptId":"%s","site":"DS","codeId":"%s","reason":"removed","consensus":false,
                 "removedAt":"2021-10-01T00:00:00Z"}""".formatted(T2_A, T2, A));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}", STUDY, BOOK).then()
                        .body("rows[0].documents", equalTo(2)).body("rows[1].'DS.documents'", equalTo(0)));

        // a participant withdraws: their words are never quoted again
        transcriptEvent("io.chorus.transcript.paragraphs-withdrawn.v1", T1, """
                {"transcriptId":"%s","site":"BU","participant":"P1","paragraphs":[1],"mode":"redacted","version":2,
                 "at":"2022-01-01T00:00:00Z"}""".formatted(T1));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST).get("/api/reports/quotes?code={p}&site=BU", P).then()
                        .body("rows.english", equalTo(List.of("They have been there; patients believe them."))));

        // the study's retention ends: the site's own staff read no original in a quote any more, the English stays
        given().auth().oauth2(LEAD_BU).get("/api/reports/quotes?code={p}&site=BU", P).then().statusCode(200)
                .body("rows.original", everyItem(org.hamcrest.Matchers.not(equalTo("[original erased]"))));
        transcriptEvent("io.chorus.transcript.originals-erased.v1", T1, """
                {"transcriptId":"%s","site":"BU","study":"%s","paragraphs":2,"version":3,"at":"2031-01-01T00:00:00Z"}""".formatted(T1, STUDY));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(LEAD_BU).get("/api/reports/quotes?code={p}&site=BU", P).then()
                        .body("rows.original", everyItem(equalTo("[original erased]")))
                        .body("rows.english", equalTo(List.of("They have been there; patients believe them."))));
    }

    @Test
    void siteStaffSeeCrossSiteTotalsOfThreeOrMoreOtherSites() {
        String book = UUID.randomUUID().toString();
        String code = UUID.randomUUID().toString();
        String study = "disclosure-" + UUID.randomUUID().toString().substring(0, 8);
        codingEvent("io.chorus.coding.codebook-published.v1", book, """
                {"codebookId":"%s","name":"Disclosure","version":1,"publishedAt":"2021-01-01T00:00:00Z","publishedBy":"analyst",
                 "codes":[{"id":"%s","key":"1","parentId":null,"name":"Trust","codable":true,"origin":"inductive","frameworkRef":null}]}"""
                .formatted(book, code));
        List<String> sites = List.of("BU", "ZZA", "ZZB", "ZZC");
        for (String site : sites) {
            String session = "disc-" + site + "-" + study;
            transcriptEvent("io.chorus.transcript.session-recorded.v1", site + "/" + session, """
                    {"site":"%s","externalId":"%s","study":"%s","phase":"pre-intervention","kind":"focus-group","date":"2020-01-10",
                     "durationMinutes":60,"language":"en","participantGroup":"MHW","participants":[],"version":1,
                     "createdAt":"2020-01-10T00:00:00Z","updatedAt":"2020-01-10T00:00:00Z"}""".formatted(site, session, study));
            String transcript = UUID.randomUUID().toString();
            release(transcript, site, session, "We trust them.");
            coded(UUID.randomUUID().toString(), transcript, site, code, 1, 1, "facilitator", null, "analyst");
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}", study, book).then()
                        .body("rows[0].documents", equalTo(4)));
        given().auth().oauth2(LEAD_BU).get("/api/reports/code-frequency?study={s}&codebook={b}", study, book).then()
                .body("rows[0].documents", equalTo(4)).body("rows[0].sites", equalTo(4)).body("rows[0].'BU.documents'", equalTo(1))
                .body("notes", hasSize(0));
        given().auth().oauth2(LEAD_BU).get("/api/reports/facilitators-barriers?study={s}&codebook={b}&by=income", study, book).then()
                .body("rows[0].facilitators", equalTo(4))
                .body("rows[0].'LIC.facilitators'", equalTo(1))
                .body("rows[0].'unknown.facilitators'", equalTo(3));
        // no study, or a sub-population filter: figures that a subtraction from another could narrow to one site
        given().auth().oauth2(LEAD_BU).get("/api/reports/code-frequency?codebook={b}", book).then()
                .body("rows[0].'BU.documents'", equalTo(1)).body("rows[0].documents", nullValue()).body("notes", hasSize(1));
        given().auth().oauth2(LEAD_BU).get("/api/reports/code-frequency?study={s}&codebook={b}&phase=pre-intervention", study, book)
                .then().body("rows[0].documents", nullValue());
    }

    @Test
    void theImplementationMeasure() {
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body("{\"items\":[3,2,2,1,3,2,2,1]}")
                .put("/api/sites/BU/implementation-measure?phase=m1").then().statusCode(200);
        given().auth().oauth2(LEAD_UKE).contentType(ContentType.JSON).body("{\"items\":[1,1,1,1,1,1,1,1]}")
                .put("/api/sites/UKE/implementation-measure?phase=m1").then().statusCode(200);
        given().auth().oauth2(LEAD_UKE).contentType(ContentType.JSON).body("{\"items\":[1,1,1,1,1,1,1,1]}")
                .put("/api/sites/BU/implementation-measure?phase=m1").then().statusCode(403);
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body("{\"items\":[4,1,1,1,1,1,1,1]}")
                .put("/api/sites/BU/implementation-measure?phase=m1").then().statusCode(422).body("errors[0].pointer", equalTo("/items/0"));
        given().auth().oauth2(LEAD_BU).contentType(ContentType.JSON).body("{\"items\":[1,1,1]}")
                .put("/api/sites/BU/implementation-measure?phase=m1").then().statusCode(422);
        // BU: sum 16, mean item 2; UKE: 8 and 1. Groups by income: HIC (UKE) 1.0, LIC (BU) 2.0; by prior peer support both "yes": 1.5
        given().auth().oauth2(ANALYST).get("/api/reports/implementation-measure?phase=m1").then()
                .body("rows.find { it.site == 'BU' }.sum", closeTo(16.0, 1e-9))
                .body("rows.find { it.site == 'UKE' }.meanItem", closeTo(1.0, 1e-9))
                .body("rows.find { it.site == 'group: LIC' }.item1", closeTo(3.0, 1e-9))
                .body("rows.find { it.site == 'group: HIC' }.sum", closeTo(8.0, 1e-9));
        given().auth().oauth2(ANALYST).get("/api/reports/implementation-measure?phase=m1&groupBy=priorPeerSupport").then()
                .body("rows.find { it.site == 'group: prior peer support' }.meanItem", closeTo(1.5, 1e-9));
        given().auth().oauth2(LEAD_BU).get("/api/reports/implementation-measure?phase=m1").then()
                .body("rows.site", equalTo(List.of("BU", "group: HIC", "group: LIC")))
                .body("rows.find { it.site == 'group: LIC' }.sum", closeTo(16.0, 1e-9))
                .body("rows.find { it.site == 'group: HIC' }.item1", nullValue())
                .body("rows.find { it.site == 'group: HIC' }.sum", nullValue())
                .body("notes", hasSize(1));
    }

    @Test
    void aSiteAnnouncedByTheIdentityServiceIsCountedUnderItsBandOnTheSessionDate() {
        String study = "ke-" + UUID.randomUUID().toString().substring(0, 8);
        String transcript = UUID.randomUUID().toString();
        transcriptEvent("io.chorus.transcript.session-recorded.v1", "KE/ke-1", """
                {"site":"KE","externalId":"ke-1","study":"%s","phase":"pre","kind":"focus-group","date":"2013-05-01",
                 "language":"sw","participants":[],"version":1,"createdAt":"2013-05-01T00:00:00Z","updatedAt":"2013-05-01T00:00:00Z"}"""
                .formatted(study));
        release(transcript, "KE", "ke-1", "Habari.");
        coded(UUID.randomUUID().toString(), transcript, "KE", C, 1, 1, null, null, "analyst");
        codingEvent("io.chorus.coding.codebook-published.v1", BOOK + "-ke", """
                {"codebookId":"%s","name":"Implementation influences","version":1,"publishedAt":"2021-01-01T00:00:00Z","publishedBy":"analyst",
                 "codes":[{"id":"%s","key":"2","parentId":null,"name":"Training","codable":true,"origin":"deductive","frameworkRef":null}]}"""
                .formatted(BOOK, C));
        String path = "/api/reports/code-frequency?study=" + study + "&by=income&codebook=" + BOOK;
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST).get(path).then().body("rows.find { it.code == 'Training' }.'unknown.documents'", equalTo(1)));
        // Kenya: low income until mid-2014, lower-middle after; the 2013 session counts as LIC
        connector.source("identity-events").send(TestEvents.incoming(TestEvents.envelope("io.chorus.identity.site-registered.v1",
                "site", "KE", """
                {"code":"KE","name":"Nairobi","country":"KE","incomeLevels":[{"band":"LIC","from":"1900-01-01"},
                 {"band":"LMIC","from":"2014-07-01"}],"languages":["sw"],"priorPeerSupportExperience":true,"version":1,
                 "updatedAt":"2026-11-22T10:00:00Z"}""")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST).get(path).then().body("rows.find { it.code == 'Training' }.'LIC.documents'", equalTo(1))
                        .body("rows.find { it.code == 'Training' }.'unknown.documents'", nullValue()));
        // the Kenyan session names no participant group: its role is not stated, and role=not stated selects it
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study=" + study + "&by=role&codebook=" + BOOK).then()
                .statusCode(200).body("rows.find { it.code == 'Training' }.'not stated.documents'", equalTo(1));
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study=" + study + "&role=not stated&codebook=" + BOOK).then()
                .statusCode(200).body("rows.find { it.code == 'Training' }.documents", equalTo(1));
    }

    @Test
    void aPhasesReportCountsItsAssignedCodebookAndUnknownFiltersAreRefused() {
        String study = "scoped-" + UUID.randomUUID().toString().substring(0, 8);
        String pilotBook = UUID.randomUUID().toString();
        String mainBook = UUID.randomUUID().toString();
        String transcript = UUID.randomUUID().toString();
        for (String[] book : new String[][] {{pilotBook, "Pilot themes", "Pilot theme"}, {mainBook, "Main themes", "Stigma"}}) {
            codingEvent("io.chorus.coding.codebook-published.v1", book[0], """
                    {"codebookId":"%s","name":"%s","version":1,"publishedAt":"2021-01-01T00:00:00Z","publishedBy":"analyst",
                     "codes":[{"id":"%s","key":"1","parentId":null,"name":"%s","codable":true,"origin":"deductive","frameworkRef":null}]}"""
                    .formatted(book[0], book[1], UUID.randomUUID(), book[2]));
        }
        transcriptEvent("io.chorus.transcript.session-recorded.v1", "BU/" + study, """
                {"site":"BU","externalId":"%s","study":"%s","phase":"main","kind":"interview","date":"2021-05-01",
                 "language":"en","participants":[],"version":1,"createdAt":"2021-05-01T00:00:00Z","updatedAt":"2021-05-01T00:00:00Z"}"""
                .formatted(study, study));
        release(transcript, "BU", study, "Nobody talks about it.");
        String unscoped = "/api/reports/code-frequency?study=" + study + "&phase=main";
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(ANALYST).get(unscoped).then()
                .statusCode(200).body("rows.code", hasItems("Pilot theme", "Stigma")));

        codingEvent("io.chorus.coding.phase-codebook-assigned.v1", study + "/main", """
                {"study":"%s","phase":"main","codebookId":"%s","assignedBy":"analyst","assignedAt":"2021-04-01T00:00:00Z"}"""
                .formatted(study, mainBook));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(ANALYST).get(unscoped).then()
                .statusCode(200).body("rows.code", equalTo(List.of("Stigma"))).body("filters.codebook", equalTo(mainBook)));
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study={s}&codebook={b}", study, pilotBook.toUpperCase()).then()
                .statusCode(200).body("rows.code", equalTo(List.of("Pilot theme")));
        given().auth().oauth2(ANALYST).get("/api/reports/facilitators-barriers?study={s}&phase=main", study).then()
                .statusCode(200).body("rows.code", equalTo(List.of("Stigma")));

        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?study=no-such-study").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/study"));
        given().auth().oauth2(ANALYST).get("/api/reports/participants?study={s}&phase=no-such-phase", study).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/phase"));
        given().auth().oauth2(ANALYST).get("/api/reports/code-frequency?codebook={b}", UUID.randomUUID()).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/codebook"));
    }
}

package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.RawHttp;
import io.chorus.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class TranscriptFormatsAndBadInputTest {

    static final String PARTNER = TestTokens.token("partner-bu", List.of("partner-system"), List.of("BU"));
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final ObjectMapper JSON = new ObjectMapper();

    static long total() {
        return given().auth().oauth2(PARTNER).get("/api/sites/BU/transcripts").then().extract().jsonPath().getLong("total");
    }

    @TestHTTPResource("/api/sites/BU/transcripts/documents?externalId=huge&language=en")
    URI pushUri;

    /** The server refuses an oversize body from its announced length, before reading it (Expect: 100-continue). */
    int oversize(String body) {
        RawHttp.Reply reply = RawHttp.announce(pushUri, "POST " + pushUri.getRawPath() + "?" + pushUri.getRawQuery()
                + " HTTP/1.1\r\nAuthorization: Bearer " + PARTNER + "\r\nContent-Type: text/plain", body.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(reply.header("content-type").startsWith("application/problem+json"), reply.toString());
        return reply.status();
    }

    @Test
    void plainTextTurnsBecomeNumberedParagraphs() {
        String text = "M: What would peer support bring?\nP3: They have been there.\n   Patients believe them.\n\nP9: And staff learn.\n";
        given().auth().oauth2(PARTNER).contentType("text/plain; charset=UTF-8").body(text)
                .post("/api/sites/BU/transcripts/documents?externalId=txt-" + UUID.randomUUID() + "&language=en")
                .then().statusCode(201)
                .body("paragraphs.speaker", contains("M", "P3", "P9"))
                .body("paragraphs[1].text", equalTo("They have been there.\nPatients believe them."))
                .body("paragraphs[2].label", equalTo("BU 3"));
    }

    @Test
    void aDocxHasOneTurnPerWordParagraph() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : List.of("M: Karibu. Tuanze.", "P2: Wafanyakazi rika wanaelewa.", "P4: Ndiyo.")) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(out);
            docx = out.toByteArray();
        }
        String externalId = "docx-" + UUID.randomUUID();
        given().auth().oauth2(PARTNER).contentType(DOCX).body(docx)
                .post("/api/sites/BU/transcripts/documents?externalId=" + externalId + "&language=sw")
                .then().statusCode(201).body("paragraphs.speaker", contains("M", "P2", "P4"))
                .body("paragraphs[1].text", equalTo("Wafanyakazi rika wanaelewa."));
        given().auth().oauth2(PARTNER).contentType(DOCX).body(docx)
                .post("/api/sites/BU/transcripts/documents?externalId=" + externalId + "&language=sw")
                .then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void aDocumentInsideTheJsonPushIsPseudonymisedToo() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("M: Tell us about the ward in Mbarara.");
            document.createParagraph().createRun().setText("P2: Nurse Akello helped me every day.");
            document.write(out);
            docx = out.toByteArray();
        }
        String content = java.util.Base64.getEncoder().encodeToString(docx);
        String body = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"externalId":"doc-json-%s","language":"en","title":"Ward visit in Mbarara","document":{"format":"docx","content":"%s"},
                 "identifiers":[{"value":"Akello","kind":"staff"},{"value":"Mbarara","kind":"place"}]}"""
                .formatted(UUID.randomUUID(), content)).post("/api/sites/BU/transcripts").then().statusCode(201)
                .body("title", equalTo("Ward visit in [place]"))
                .body("paragraphs[0].text", equalTo("Tell us about the ward in [place]."))
                .body("paragraphs[1].text", equalTo("Nurse [name] helped me every day.")).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("Akello") || body.contains("Mbarara"));
        String text = java.util.Base64.getEncoder().encodeToString("M: hi".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("""
                {"externalId":"doc-both","language":"en","document":{"format":"text","content":"%s"},
                 "paragraphs":[{"speaker":"M","text":"hi"}]}""".formatted(text)).post("/api/sites/BU/transcripts")
                .then().statusCode(422).body("errors[0].pointer", equalTo("/document"));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON)
                .body("{\"externalId\":\"doc-b64\",\"language\":\"en\",\"document\":{\"format\":\"text\",\"content\":\"%%%\"}}")
                .post("/api/sites/BU/transcripts").then().statusCode(422).body("errors[0].pointer", equalTo("/document/content"));
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"externalId\":\"doc-none\",\"language\":\"en\"}")
                .post("/api/sites/BU/transcripts").then().statusCode(422).body("errors[0].pointer", equalTo("/paragraphs"));
    }

    @Test
    void publishedExcerptsOfASiteMakeARealisticTranscript() throws IOException {
        JsonNode excerpts;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/published-excerpts.json")) {
            excerpts = JSON.readTree(in).path("excerpts");
        }
        ObjectNode push = JSON.createObjectNode().put("externalId", "excerpts-" + UUID.randomUUID()).put("language", "en");
        ArrayNode paragraphs = push.putArray("paragraphs");
        excerpts.forEach(e -> {
            if (e.path("siteCode").asText().equals("BU")) {
                paragraphs.addObject().put("speaker", "P").put("text", e.path("text").asText());
            }
        });
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(push.toString())
                .post("/api/sites/BU/transcripts").then().statusCode(201)
                .body("paragraphs.size()", equalTo(paragraphs.size()))
                .body("paragraphs.label", hasItem("BU " + paragraphs.size()))
                .body("paragraphs[0].text", equalTo(paragraphs.get(0).path("text").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "site", "version", "id", "history", "reviewers", "translatedBy"})
    void massAssignmentFieldsAreRejected(String field) {
        long before = total();
        String body = "{\"externalId\":\"mass-" + field + "\",\"language\":\"en\",\"" + field + "\":\"x\","
                + "\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"x\"}]}";
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(body).post("/api/sites/BU/transcripts")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].pointer", equalTo("/" + field));
        given().auth().oauth2(PARTNER).get("/api/sites/BU/transcripts").then().body("total", equalTo((int) before));
    }

    @Test
    void badBodiesGetAClearFourHundredAndChangeNothing() {
        long before = total();
        byte[] invalidUtf8 = {'M', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        given().auth().oauth2(PARTNER).contentType("text/plain").body(invalidUtf8)
                .post("/api/sites/BU/transcripts/documents?externalId=bad-utf8&language=en")
                .then().statusCode(400).contentType("application/problem+json");
        byte[] invalidUtf8Json = ("{\"externalId\":\"j\",\"language\":\"en\",\"paragraphs\":[{\"speaker\":\"M\",\"text\":\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = {(byte) 0xFF, '"', '}', ']', '}'};
        byte[] json = new byte[invalidUtf8Json.length + tail.length];
        System.arraycopy(invalidUtf8Json, 0, json, 0, invalidUtf8Json.length);
        System.arraycopy(tail, 0, json, invalidUtf8Json.length, tail.length);
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(json).post("/api/sites/BU/transcripts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(PARTNER).contentType("text/plain").body("no speaker here\nM: then one")
                .post("/api/sites/BU/transcripts/documents?externalId=no-speaker&language=en").then().statusCode(422);
        given().auth().oauth2(PARTNER).contentType("text/plain").body("M: fine")
                .post("/api/sites/BU/transcripts/documents?language=en").then().statusCode(422)
                .body("errors.pointer", hasItem("/externalId"));
        given().auth().oauth2(PARTNER).contentType(DOCX).body("PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.UTF_8))
                .post("/api/sites/BU/transcripts/documents?externalId=bad-docx&language=en").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(PARTNER).contentType("application/xml").body("<t/>").post("/api/sites/BU/transcripts")
                .then().statusCode(415);
        RawHttp.Reply untyped = RawHttp.send(pushUri, "POST /api/sites/BU/transcripts/documents?externalId=empty&language=en HTTP/1.1"
                + "\r\nAuthorization: Bearer " + PARTNER, null);
        assertEquals(415, untyped.status(), untyped.toString());
        assertTrue(untyped.body().contains("\"pointer\":\"/Content-Type\""), untyped.toString());
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("[1, 2]").post("/api/sites/BU/transcripts")
                .then().statusCode(400).contentType("application/problem+json");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 5001; i++) {
            many.append("P1: turn ").append(i).append('\n');
        }
        given().auth().oauth2(PARTNER).contentType("text/plain").body(many.toString())
                .post("/api/sites/BU/transcripts/documents?externalId=too-many&language=en").then().statusCode(413)
                .body("errors[0].pointer", equalTo("/paragraphs"));
        assertEquals(413, oversize("M: " + "x".repeat(11 * 1024 * 1024)));
        given().auth().oauth2(PARTNER).get("/api/sites/BU/transcripts").then().body("total", equalTo((int) before));
    }

    static byte[] zip(String documentXml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                    + "wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write(documentXml.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void hostileDocxFilesAreRefusedWithoutHarm() throws IOException {
        long before = total();
        byte[] bomb = zip("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + " ".repeat(50 * 1024 * 1024) + "</w:body></w:document>");
        org.junit.jupiter.api.Assertions.assertTrue(bomb.length < 1024 * 1024, "the bomb is small on the wire");
        given().auth().oauth2(PARTNER).contentType(DOCX).body(bomb)
                .post("/api/sites/BU/transcripts/documents?externalId=bomb&language=en").then().statusCode(422)
                .contentType("application/problem+json");
        byte[] xxe = zip("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>M: &x;</w:t>"
                + "</w:r></w:p></w:body></w:document>");
        String answer = given().auth().oauth2(PARTNER).contentType(DOCX).body(xxe)
                .post("/api/sites/BU/transcripts/documents?externalId=xxe&language=en").then().statusCode(422).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(answer.contains("root:"), "no file content leaks");
        given().auth().oauth2(PARTNER).get("/api/sites/BU/transcripts").then().body("total", equalTo((int) before));
    }
}

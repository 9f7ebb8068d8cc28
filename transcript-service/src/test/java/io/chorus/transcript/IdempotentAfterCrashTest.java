package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestTokens;
import io.chorus.transcript.store.AppliedRequests;
import io.chorus.transcript.transcript.repository.TranscriptRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 27 on MongoDB: the key of the request that changes a document is written into that document in the same write,
 * so a crash between the write and the stored answer leaves a claim that is not taken over: a blind retry of a push is
 * told to look the result up and stores no second transcript.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class IdempotentAfterCrashTest {

    static final String PARTNER = TestTokens.token("service-account-partner-ic", List.of("partner-system"), List.of("IC"));

    @Inject
    TranscriptRepository repository;

    @Test
    void aRetriedPushAfterACrashBetweenTheWriteAndTheStoredAnswerStoresNothingTwice() {
        String key = UUID.randomUUID().toString();
        String body = "{\"externalId\":\"crash-" + key + "\",\"language\":\"en\",\"paragraphs\":[{\"speaker\":\"P1\",\"text\":\"Once.\"}]}";
        String id = given().auth().oauth2(PARTNER).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/sites/IC/transcripts").then().statusCode(201).extract().path("id");
        Document stored = repository.collection().find(Filters.eq("_id", id)).first();
        assertTrue(stored.getList(AppliedRequests.FIELD, String.class).stream().anyMatch(k -> k.endsWith(" " + key)),
                "the push's key is in the document it wrote");

        // what a crash after the write and before the answer was stored leaves: a claim of a process that died
        var keys = repository.database().getCollection("idempotency_keys");
        assertEquals(1, keys.updateOne(Filters.regex("_id", " " + key + "$"), Updates.combine(Updates.set("status", 0),
                Updates.unset("body"), Updates.set("runner", "gone"), Updates.set("createdAt", new Date(System.currentTimeMillis() - 60_000))))
                .getModifiedCount());
        given().auth().oauth2(PARTNER).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/sites/IC/transcripts").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("took effect"));
        assertEquals(1, repository.collection().countDocuments(Filters.eq("site", "IC")), "one transcript, not two");
    }
}

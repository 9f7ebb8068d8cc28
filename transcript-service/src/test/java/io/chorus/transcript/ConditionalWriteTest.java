package io.chorus.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.http.ConditionalRequests;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.rest.Versions;
import io.chorus.common.testing.MongoTestResource;
import io.chorus.common.testing.TestTokens;
import io.chorus.transcript.study.repository.Study;
import io.chorus.transcript.study.repository.StudyRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 27: an If-Match on a create-or-replace PUT holds atomically with the write. Two writers that read the same
 * ETag cannot both replace the record: the second one's condition is checked again against the record its write is
 * conditioned on, so it gets 412 instead of overwriting the first one's change.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class ConditionalWriteTest {

    static final String ADMIN = TestTokens.token("admin", List.of("consortium-admin"), List.of());

    @Inject
    StudyRepository studies;

    @Inject
    ObjectMapper json;

    @Test
    void aWriteThatLandsBetweenTheCheckAndTheWriteMakesTheConditionalWriterFail() {
        String code = "CW-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"title\":\"First\",\"phases\":[\"pre\"]}")
                .put("/api/studies/{code}", code).then().statusCode(201);
        Study read = studies.find(code).orElseThrow();
        String etag = ConditionalRequests.digestOf(json, read).getValue();

        // writer A checked its If-Match against `read`; writer B's change lands before A's write
        AtomicBoolean otherWriterDone = new AtomicBoolean();
        Instant now = Instant.now();
        ProblemException refused = assertThrows(ProblemException.class, () -> studies.documents().upsert(code,
                () -> read, current -> {
                    if (otherWriterDone.compareAndSet(false, true)) {
                        Study other = new Study(code, "B's title", List.of("pre"), read.withdrawal(), null, null, 0, null, null)
                                .stamped(current.version() + 1, current.createdAt(), now);
                        assertEquals(true, studies.documents().update(code, other, current.version(), List.of()));
                    }
                    return new Study(code, "A's title", List.of("pre"), read.withdrawal(), null, null, 0, null, null)
                            .stamped(current.version() + 1, current.createdAt(), now);
                }, Study::version, study -> List.of(), Versions.stillNamed("\"" + etag + "\"", json)));
        assertEquals(412, refused.status());
        assertEquals("B's title", studies.find(code).orElseThrow().title(), "B's change is kept, not overwritten by A");
    }

    @Test
    void overHttpAStaleETagIs412AndTheCurrentOneReplaces() {
        String code = "CH-" + UUID.randomUUID().toString().substring(0, 8);
        String first = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"title\":\"One\",\"phases\":[\"pre\"]}")
                .put("/api/studies/{code}", code).then().statusCode(201).extract().header("ETag");
        String second = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", first)
                .body("{\"title\":\"Two\",\"phases\":[\"pre\"]}").put("/api/studies/{code}", code).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", first).body("{\"title\":\"Three\",\"phases\":[\"pre\"]}")
                .put("/api/studies/{code}", code).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", second).body("{\"title\":\"Three\",\"phases\":[\"pre\"]}")
                .put("/api/studies/{code}", code).then().statusCode(oneOf(200));
    }
}

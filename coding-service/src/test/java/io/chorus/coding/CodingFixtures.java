package io.chorus.coding;

import static io.restassured.RestAssured.given;

import io.chorus.coding.event.CodingEventRelay;
import io.chorus.common.testing.EventSchemas;
import io.chorus.common.testing.TestEvents;
import io.chorus.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Released transcripts, tokens and published events for the coding-service suites. */
@ApplicationScoped
public class CodingFixtures {

    public static final String ANALYST_A = TestTokens.token("analyst-a", List.of("analyst"), List.of());
    public static final String ANALYST_B = TestTokens.token("analyst-b", List.of("analyst"), List.of());
    public static final String LEAD_BU = TestTokens.token("lead-bu", List.of("site-lead"), List.of("BU"));
    public static final String LEAD_ULM = TestTokens.token("lead-ulm", List.of("site-lead"), List.of("ULM"));
    public static final String RESEARCHER_ULM = TestTokens.token("researcher-ulm", List.of("site-researcher"), List.of("ULM"));
    public static final String PARTNER_BU = TestTokens.token("partner-bu", List.of("partner-system"), List.of("BU"));

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    CodingEventRelay relay;

    /** Releases a transcript with the given English paragraphs (numbered from 1) and waits until it can be coded. */
    public String release(String site, String... english) {
        String[][] paragraphs = new String[english.length][];
        for (int n = 1; n <= english.length; n++) {
            paragraphs[n - 1] = new String[] {"original " + n, english[n - 1]};
        }
        return releaseIn(site, "lg", null, paragraphs);
    }

    /** Releases a transcript in a language, of a session, with {original, English} paragraphs spoken by P2, P3, P1, P2... */
    public String releaseIn(String site, String language, String session, String[]... originalAndEnglish) {
        String id = UUID.randomUUID().toString();
        StringBuilder paragraphs = new StringBuilder();
        for (int n = 1; n <= originalAndEnglish.length; n++) {
            paragraphs.append(n > 1 ? "," : "").append("""
                    {"n":%d,"label":"%s %d","speaker":"P%d","text":"%s","english":"%s"}""".formatted(
                    n, site, n, n % 3 + 1, originalAndEnglish[n - 1][0], originalAndEnglish[n - 1][1]));
        }
        String payload = """
                {"transcriptId":"%s","site":"%s","externalId":"fgd-%s","language":"%s","version":1,
                 "releasedAt":"2020-01-15T10:00:00Z","releasedBy":"lead","paragraphs":[%s],"session":%s}"""
                .formatted(id, site, id, language, paragraphs, session == null ? "null" : "\"" + session + "\"");
        connector.source("transcript-events").send(TestEvents.incoming(
                TestEvents.envelope("io.chorus.transcript.released.v1", "transcript", id, payload)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(ANALYST_A).get("/api/transcripts/{id}", id).then().statusCode(200));
        return id;
    }

    @Inject
    jakarta.persistence.EntityManager em;

    private static int announcements;

    /** Announces a person's roles as identity does, and waits until coding-service holds them. */
    public void announce(String username, List<String> consortiumRoles, java.util.Map<String, List<String>> siteRoles) {
        int version = ++announcements + 1000;
        String payload;
        try {
            payload = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("username", username,
                    "consortiumRoles", consortiumRoles, "siteRoles", siteRoles, "version", version, "at", "2026-12-01T10:00:00Z"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        connector.source("identity-events").send(TestEvents.incoming(
                TestEvents.envelope("io.chorus.identity.person-roles-changed.v1", "person", username, payload)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select count(*) from coder where username = ?1 and version = ?2")
                        .setParameter(1, username).setParameter(2, version).getSingleResult()).toString().equals("1"));
    }

    @Inject
    io.chorus.common.crypto.EventKeys keys;

    /** A record of the key topic, sent and waited for: the key channel runs on a thread of its own. */
    public void key(io.chorus.common.crypto.KeyRecord record) {
        try {
            connector.source("data-keys").send(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(record));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String probe = io.chorus.common.crypto.FieldCipher.PREFIX + record.keyId() + ":AAAA";
        org.awaitility.Awaitility.await().until(() -> {
            try {
                keys.open(probe);
                return true;
            } catch (io.chorus.common.crypto.KeyRing.KeyNotYetKnown notYet) {
                return false;
            } catch (IllegalArgumentException arrived) {
                return true; // the key is there; the probe itself opens to nothing
            }
        });
    }

    public void send(String type, String aggregateId, String payload) {
        connector.source("transcript-events").send(TestEvents.incoming(
                TestEvents.envelope(type, "transcript", aggregateId, payload)));
    }

    /** Publishes the outbox and returns the payloads of the given type published so far, each checked against its schema. */
    public List<String> published(String type) {
        while (relay.publishPending() > 0) {
            // drain
        }
        InMemorySink<String> sink = connector.sink("coding-events");
        List<String> payloads = new ArrayList<>();
        for (Message<String> message : sink.received()) {
            OutgoingCloudEventMetadata<?> cloudEvent = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
            if (cloudEvent.getType().equals(type)) {
                String name = type.substring("io.chorus.coding.".length(), type.length() - ".v1".length());
                Set<String> violations = EventSchemas.load("coding-service/src/main/resources/META-INF/resources/events/" + name + ".schema.json")
                        .violations(message.getPayload());
                if (!violations.isEmpty()) {
                    throw new AssertionError(type + " violates its schema: " + violations + " in " + message.getPayload());
                }
                payloads.add(message.getPayload());
            }
        }
        return payloads;
    }

    /** Agreement figures are compared as doubles, which RestAssured would otherwise read as floats. */
    public static void readDecimalsAsDoubles() {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    public static Response importTemplate(String name) {
        return given().auth().oauth2(ANALYST_A).post("/api/codebooks/templates/{name}", name);
    }

    public static String etag(Response response) {
        return response.getHeader("ETag");
    }

    public static Response code(String token, String transcriptId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/transcripts/{id}/codings", transcriptId);
    }
}

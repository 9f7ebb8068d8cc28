package io.chorus.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The demo's studies, sessions and participants, and the coding of every excerpt with the published
 * codebook of its paper (resources/demo/demo-coding.json). Each step is skipped when already done.
 */
final class DemoStudies {

    private final ChorusClient client;
    private final JsonNode plan;
    private final Map<String, String> codebookIds = new java.util.TreeMap<>();

    DemoStudies(ChorusClient client) {
        this.client = client;
        try (InputStream in = DemoStudies.class.getResourceAsStream("/demo/demo-coding.json")) {
            this.plan = ChorusClient.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The study of the excerpts' paper (registered once), their participants, and the session the transcript records. */
    void recordSession(String site, String externalId, List<JsonNode> excerpts) {
        JsonNode first = excerpts.get(0);
        String source = first.path("source").asText();
        String phase = first.path("phase").asText();
        JsonNode study = plan.path("studies").path(source);
        ObjectNode studyBody = ChorusClient.JSON.createObjectNode().put("title", study.path("title").asText());
        TreeSet<String> phases = new TreeSet<>();
        DemoData.excerpts().path("excerpts").forEach(e -> {
            if (e.path("source").asText().equals(source)) {
                phases.add(e.path("phase").asText());
            }
        });
        phases.forEach(studyBody.putArray("phases")::add);
        expect(client.put("transcript-service", "/api/studies/" + source, client.userToken("admin"), studyBody), "study " + source);
        String partner = client.partnerToken(site);
        TreeSet<String> participants = new TreeSet<>();
        for (JsonNode excerpt : excerpts) {
            if (!excerpt.path("participant").isNull()) {
                String number = "P" + excerpt.path("participant").asText();
                participants.add(number);
                ObjectNode body = ChorusClient.JSON.createObjectNode();
                if (!excerpt.path("participantRole").isNull()) {
                    body.put("role", excerpt.path("participantRole").asText());
                }
                expect(client.put("transcript-service", "/api/sites/" + site + "/participants/" + number, partner, body),
                        "participant " + number);
            }
        }
        ObjectNode session = ChorusClient.JSON.createObjectNode().put("study", source).put("phase", phase)
                .put("kind", "focus-group").put("date", plan.path("sessionDates").path(phase).asText()).put("language", "en");
        if (study.has("participantGroup")) {
            session.put("participantGroup", study.path("participantGroup").asText());
        }
        participants.forEach(session.putArray("participants")::add);
        expect(client.put("transcript-service", "/api/sites/" + site + "/sessions/" + externalId, partner, session),
                "session " + externalId);
    }

    /** Imports and publishes each paper's codebook, then codes every excerpt of transcripts not coded yet. */
    int code(Map<String, String> released, Map<String, List<JsonNode>> excerptsOf) {
        String analyst = client.userToken("analyst");
        Map<String, Map<String, String>> codesByBook = new HashMap<>();
        int coded = 0;
        for (Map.Entry<String, String> transcript : released.entrySet()) {
            List<JsonNode> excerpts = excerptsOf.get(transcript.getKey());
            String codebook = plan.path("studies").path(excerpts.get(0).path("source").asText()).path("codebook").asText();
            Map<String, String> codes = codesByBook.computeIfAbsent(codebook, book -> publishedCodebook(book, analyst));
            String id = transcript.getValue();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (client.get("coding-service", "/api/transcripts/" + id, analyst).status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("transcript " + id + " did not reach coding-service");
                }
                sleep();
            }
            if (client.get("coding-service", "/api/transcripts/" + id + "/codings?size=1", analyst).body().path("total").asLong() > 0) {
                continue;
            }
            for (int i = 0; i < excerpts.size(); i++) {
                JsonNode excerpt = excerpts.get(i);
                ObjectNode coding = ChorusClient.JSON.createObjectNode().put("codeId", codeFor(excerpt, codes))
                        .put("firstParagraph", i + 1).put("lastParagraph", i + 1);
                if (!excerpt.path("valence").isNull()) {
                    coding.put("valence", excerpt.path("valence").asText());
                }
                ChorusClient.Reply reply = client.post("coding-service", "/api/transcripts/" + id + "/codings", analyst, coding);
                if (reply.status() != 201) {
                    throw new IllegalStateException("demo coding failed: " + reply.status() + " " + reply.body());
                }
                coded++;
            }
        }
        return coded;
    }

    Map<String, String> codebooks() {
        return Map.copyOf(codebookIds);
    }

    private String codeFor(JsonNode excerpt, Map<String, String> codes) {
        if (excerpt.path("source").asText().equals("krumm2022")) {
            String bySubtheme = codes.get("name:" + excerpt.path("subtheme").asText());
            return bySubtheme != null ? bySubtheme : codes.get("name:" + excerpt.path("theme").asText());
        }
        return codes.get("key:" + plan.path("themeCodes").path(excerpt.path("theme").asText()).asText());
    }

    /** The template's codebook, imported and published if it is not yet; its codes by "key:" and "name:". */
    private Map<String, String> publishedCodebook(String template, String analyst) {
        String title = null;
        for (JsonNode t : client.get("coding-service", "/api/codebooks/templates", analyst).body()) {
            if (t.path("name").asText().equals(template)) {
                title = t.path("title").asText();
            }
        }
        String id = null;
        for (JsonNode book : client.get("coding-service", "/api/codebooks?size=200", analyst).body().path("items")) {
            // the demo's own codebook is published; a draft of the same name belongs to someone else
            if (book.path("name").asText().equals(title) && book.path("status").asText().equals("published")) {
                id = book.path("id").asText();
            }
        }
        if (id == null) {
            id = client.post("coding-service", "/api/codebooks/templates/" + template, analyst, "").body().path("id").asText();
        }
        codebookIds.put(template, id);
        ChorusClient.Reply book = client.get("coding-service", "/api/codebooks/" + id, analyst);
        if (book.body().path("status").asText().equals("draft")) {
            expect(client.post("coding-service", "/api/codebooks/" + id + "/publication", analyst, "", book.etag()), "publish " + template);
        }
        Map<String, String> codes = new HashMap<>();
        collect(book.body().path("codes"), codes);
        return codes;
    }

    private static void collect(JsonNode codes, Map<String, String> into) {
        for (JsonNode code : codes) {
            into.put("key:" + code.path("key").asText(), code.path("id").asText());
            into.put("name:" + code.path("name").asText(), code.path("id").asText());
            collect(code.path("children"), into);
        }
    }

    private static void expect(ChorusClient.Reply reply, String what) {
        if (reply.status() != 200 && reply.status() != 201) {
            throw new IllegalStateException("demo " + what + " failed: " + reply.status() + " " + reply.body());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

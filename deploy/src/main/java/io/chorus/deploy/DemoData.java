package io.chorus.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Demo content from the published UPSIDES excerpts (resources/demo, see its README for provenance):
 * one transcript per site, study and phase, pushed by the site's partner system, back-checked and
 * released by its site lead after two reviews, exactly as a real site would. Loading twice changes nothing.
 */
public final class DemoData {

    private DemoData() {
    }

    /** @param codebooks the ids of the published codebooks the excerpts are coded with, by template name */
    /** @param transcriptIds the released demo transcripts' ids, in the order of the excerpts file */
    public record Loaded(int transcripts, int paragraphs, Map<String, String> codebooks, List<String> transcriptIds) {
    }

    public static Loaded load(ChorusClient client, Consumer<String> progress) {
        Map<String, ObjectNode> transcripts = new LinkedHashMap<>();
        Map<String, String> sites = new LinkedHashMap<>();
        Map<String, List<JsonNode>> excerptsOf = new LinkedHashMap<>();
        DemoStudies studies = new DemoStudies(client);
        for (JsonNode excerpt : excerpts().path("excerpts")) {
            String site = excerpt.path("siteCode").asText();
            String externalId = "demo-" + excerpt.path("source").asText() + "-" + excerpt.path("phase").asText() + "-" + site.toLowerCase();
            excerptsOf.computeIfAbsent(externalId, id -> new java.util.ArrayList<>()).add(excerpt);
            ObjectNode transcript = transcripts.computeIfAbsent(externalId, id -> {
                ObjectNode t = ChorusClient.JSON.createObjectNode();
                t.put("externalId", id);
                t.put("session", id);
                t.put("language", "en");
                t.put("title", "Published excerpts, " + excerpt.path("source").asText() + ", " + excerpt.path("phase").asText());
                t.putArray("paragraphs");
                return t;
            });
            sites.put(externalId, site);
            ObjectNode paragraph = ((ArrayNode) transcript.get("paragraphs")).addObject();
            paragraph.put("speaker", excerpt.path("participant").isNull() ? "P" : "P" + excerpt.path("participant").asText());
            paragraph.put("text", excerpt.path("text").asText());
        }
        int paragraphs = 0;
        Map<String, String> released = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> entry : transcripts.entrySet()) {
            String site = sites.get(entry.getKey());
            studies.recordSession(site, entry.getKey(), excerptsOf.get(entry.getKey()));
            ChorusClient.Reply pushed = client.post("transcript-service", "/api/sites/" + site + "/transcripts",
                    client.partnerToken(site), entry.getValue());
            if (pushed.status() != 200 && pushed.status() != 201) {
                throw new IllegalStateException("demo push of " + entry.getKey() + " failed: " + pushed.status() + " " + pushed.body());
            }
            String id = pushed.body().get("id").asText();
            releaseThroughTheWorkflow(client, site, id, pushed.body().path("status").asText());
            paragraphs += entry.getValue().get("paragraphs").size();
            released.put(entry.getKey(), id);
        }
        progress.accept("demo data: " + transcripts.size() + " transcripts with " + paragraphs
                + " published excerpts pushed by partner systems, back-checked, reviewed twice and released");
        int codings = studies.code(released, excerptsOf);
        progress.accept("demo data: the three published codebooks imported and published, " + codings
                + " excerpts coded with the code of their paper's theme");
        return new Loaded(transcripts.size(), paragraphs, studies.codebooks(), List.copyOf(released.values()));
    }

    /**
     * The excerpts are English, so the site lead's back-check also stands for the translation; two
     * members of the translation team review; the site lead releases. Steps already done are skipped.
     */
    private static void releaseThroughTheWorkflow(ChorusClient client, String site, String id, String status) {
        String base = "/api/sites/" + site + "/transcripts/" + id;
        String lead = client.userToken("lead-" + site.toLowerCase());
        if (status.equals("uploaded")) {
            expectOk(client.post("transcript-service", base + "/back-check", lead, ""), id);
            status = "translated";
        }
        if (status.equals("translated")) {
            for (String reviewer : List.of("translator-a", "translator-b")) {
                ChorusClient.Reply reviewed = client.post("transcript-service", base + "/reviews", client.userToken(reviewer), "");
                if (reviewed.status() != 409) {
                    expectOk(reviewed, id);
                }
            }
        }
        expectOk(client.post("transcript-service", base + "/release", lead, ""), id);
    }

    private static void expectOk(ChorusClient.Reply reply, String id) {
        if (reply.status() != 200) {
            throw new IllegalStateException("demo workflow step for " + id + " failed: " + reply.status() + " " + reply.body());
        }
    }

    /** The published excerpts' texts, in the file's order. */
    public static List<String> excerptTexts() {
        List<String> texts = new java.util.ArrayList<>();
        excerpts().path("excerpts").forEach(e -> texts.add(e.path("text").asText()));
        return texts;
    }

    public static List<String> sitesWithExcerpts() {
        java.util.Set<String> sites = new java.util.TreeSet<>();
        excerpts().path("excerpts").forEach(e -> sites.add(e.path("siteCode").asText()));
        return List.copyOf(sites);
    }

    static JsonNode excerpts() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/published-excerpts.json")) {
            return ChorusClient.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

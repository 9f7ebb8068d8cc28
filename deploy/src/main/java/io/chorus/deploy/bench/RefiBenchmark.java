package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.chorus.deploy.ChorusClient;
import io.chorus.refi.ArchiveLimits;
import io.chorus.refi.ParagraphLayout;
import io.chorus.refi.PositionCounting;
import io.chorus.refi.ProjectReader;
import io.chorus.refi.ProjectWriter;
import io.chorus.refi.QdaProject;
import io.chorus.refi.QdpxArchive;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The REFI-QDA import at the size QualCoder fails at: four two-hour focus groups (900 turns, about 18,000 words each,
 * some with emoji) are released into coding-service's read model, exported as a .qdpx through the API, coded as NVivo
 * writes it (1,000 new coded selections, positions in UTF-16 units) and imported back through the API with a real
 * Keycloak token: the export time, the upload check (until 202), the job until done, and the repeat import (P7 of
 * {@code ./platform bench}).
 */
final class RefiBenchmark {

    static final int TRANSCRIPTS = 4;
    static final int TURNS = 900;
    static final int CODES = 40;
    static final String[] WORDS = ("the peer worker helped me because she had lived it and nobody else listened to what we said about "
            + "clinic waiting times money transport family trust stigma nurse doctor appointment medicine support group felt "
            + "really hard sometimes when my sister drove I could not afford bus fare community leaders church phone").split(" ");

    private static long characters;

    private RefiBenchmark() {
    }

    static void run(BenchContext context, BenchResults results) throws Exception {
        int codings = 1_000;
        ChorusClient client = context.client();
        String analyst = client.userToken("analyst");
        List<String> transcripts = seed(context.jdbcUrl("chorus_coding"));
        String codes = IntStream.rangeClosed(1, CODES).mapToObj(i -> "{\"name\":\"Theme " + i + "\"}").collect(Collectors.joining(","));
        JsonNode codebook = client.post("coding-service", "/api/codebooks/imports", analyst,
                "{\"name\":\"bench-refi\",\"codes\":[" + codes + "]}").body();

        String query = transcripts.stream().map(t -> "transcript=" + t).collect(Collectors.joining("&"));
        long exportStart = System.nanoTime();
        byte[] exported = client.download("coding-service", "/api/exports/qdpx?codebook=" + codebook.path("id").asText() + "&" + query,
                analyst);
        double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
        byte[] coded = codedAsNvivo(exported, codings, new Random(13));

        long start = System.nanoTime();
        ChorusClient.Reply accepted = client.postFile("coding-service", "/api/imports/qdpx", analyst, "coded.qdpx", coded);
        double checkSeconds = (System.nanoTime() - start) / 1e9;
        if (accepted.status() != 202) {
            throw new IllegalStateException("import answered " + accepted.status() + ": " + accepted.body());
        }
        JsonNode job = finished(client, analyst, accepted.body().path("id").asText());
        double importSeconds = (System.nanoTime() - start) / 1e9;

        long againStart = System.nanoTime();
        JsonNode again = client.postFile("coding-service", "/api/imports/qdpx", analyst, "coded.qdpx", coded).body();
        double againSeconds = (System.nanoTime() - againStart) / 1e9;
        if (!"done".equals(job.path("status").asText()) || job.path("codingsAdded").asInt() != codings
                || !again.path("id").asText().equals(job.path("id").asText())) {
            throw new IllegalStateException("the import did not add every coding once: " + job);
        }
        System.out.printf("REFI-QDA: %d transcripts x %d turns (%,d characters), %d codes, file %,d bytes; counting %s%n",
                TRANSCRIPTS, TURNS, characters, CODES, coded.length, job.path("counting").asText());
        results.value("P7", "P7.export", "export of the study as .qdpx", "s", exportSeconds, null, null);
        results.value("P7", "P7.upload-checked", "import: upload checked, 202 answered", "s", checkSeconds, null, null);
        results.value("P7", "P7.import", "import: " + codings + " codings, until the job is done", "s", importSeconds, "< 10 s",
                importSeconds < 10);
        results.value("P7", "P7.again", "the same file again (the same job)", "s", againSeconds, null, null);
        wholeProject(client, coded, codings, results);
    }

    /**
     * The same coded file moved into site BU as a whole project (issue 13, flow 3): four transcripts by the push path and
     * the codings placed on them; handed to coding-service by event; applied once the four are released.
     */
    static void wholeProject(ChorusClient client, byte[] coded, int codings, BenchResults results) throws InterruptedException {
        client.put("transcript-service", "/api/studies/BENCH", client.userToken("admin"),
                "{\"title\":\"bench-refi\",\"phases\":[\"pre-intervention\"]}");
        String lead = client.userToken("lead-bu");
        String analyst = client.userToken("analyst");
        long start = System.nanoTime();
        ChorusClient.Reply accepted = client.postFile("transcript-service",
                "/api/sites/BU/imports/qdpx?study=BENCH&phase=pre-intervention&language=en", lead, "project.qdpx", coded);
        if (accepted.status() != 202) {
            throw new IllegalStateException("project import answered " + accepted.status() + ": " + accepted.body());
        }
        String id = accepted.body().path("id").asText();
        JsonNode job = until(() -> client.get("transcript-service", "/api/sites/BU/imports/" + id, lead).body(),
                j -> !List.of("queued", "running").contains(j.path("status").asText()));
        double importSeconds = (System.nanoTime() - start) / 1e9;
        if (!"done".equals(job.path("status").asText()) || job.path("codingsPlaced").asInt() != codings) {
            throw new IllegalStateException("the project import did not place every coding: " + job);
        }
        until(() -> client.get("coding-service", "/api/project-imports/" + id, analyst).body(),
                v -> v.path("codings").path("waiting").asInt() == codings);
        double handedSeconds = (System.nanoTime() - start) / 1e9;
        long releaseStart = System.nanoTime();
        for (JsonNode transcript : job.path("transcripts")) {
            String path = "/api/sites/BU/transcripts/" + transcript.path("transcriptId").asText();
            client.post("transcript-service", path + "/back-check", lead, "{}");
            client.post("transcript-service", path + "/reviews", client.userToken("translator-a"), "{}");
            client.post("transcript-service", path + "/reviews", client.userToken("translator-b"), "{}");
            client.post("transcript-service", path + "/release", lead, "{}");
        }
        double workflowSeconds = (System.nanoTime() - releaseStart) / 1e9;
        JsonNode applied = until(() -> client.get("coding-service", "/api/project-imports/" + id, analyst).body(),
                v -> v.path("codings").path("waiting").asInt() == 0);
        double appliedSeconds = (System.nanoTime() - releaseStart) / 1e9;
        results.value("P7", "P7.project-import", "whole project into a site: 4 transcripts, " + codings + " codings placed", "s",
                importSeconds, "< 10 s", importSeconds < 10);
        results.value("P7", "P7.project-handed", "... and waiting in coding-service", "s", handedSeconds, null, null);
        results.value("P7", "P7.project-workflow", "back-check, two reviews and release of the 4", "s", workflowSeconds, null, null);
        results.value("P7", "P7.project-applied", "... until every coding is applied", "s", appliedSeconds, null, null);
        if (applied.path("codings").path("applied").asInt() != codings) {
            throw new IllegalStateException("not every imported coding was applied: " + applied);
        }
    }

    private static JsonNode until(java.util.function.Supplier<JsonNode> poll, java.util.function.Predicate<JsonNode> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (true) {
            JsonNode value = poll.get();
            if (done.test(value) || System.nanoTime() > deadline) {
                return value;
            }
            Thread.sleep(50);
        }
    }

    /** Four released transcripts straight into coding-service's read model, as its release consumer would write them. */
    static List<String> seed(String url) throws Exception {
        Random random = new Random(7);
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "chorus", "chorus")) {
            db.setAutoCommit(false);
            try (PreparedStatement transcript = db.prepareStatement("insert into released_transcript (id, site, external_id, language, "
                    + "version, released_at) values (?, 'BU', ?, 'en', 1, now())");
                    PreparedStatement paragraph = db.prepareStatement("insert into transcript_paragraph (transcript_id, n, label, speaker, "
                            + "english) values (?, ?, ?, ?, ?)")) {
                for (int t = 1; t <= TRANSCRIPTS; t++) {
                    String id = UUID.randomUUID().toString();
                    ids.add(id);
                    transcript.setString(1, id);
                    transcript.setString(2, "bench-refi-fg-" + t);
                    transcript.executeUpdate();
                    for (int n = 1; n <= TURNS; n++) {
                        String text = turn(random);
                        characters += text.length();
                        paragraph.setString(1, id);
                        paragraph.setInt(2, n);
                        paragraph.setString(3, "BU " + n);
                        paragraph.setString(4, n % 7 == 1 ? "M" : "P" + (1 + random.nextInt(8)));
                        paragraph.setString(5, text);
                        paragraph.addBatch();
                    }
                    paragraph.executeBatch();
                }
            }
            db.commit();
        }
        return ids;
    }

    private static String turn(Random random) {
        StringBuilder text = new StringBuilder();
        int words = 8 + random.nextInt(30);
        for (int w = 0; w < words; w++) {
            text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            if (random.nextInt(40) == 0) {
                text.append(" \uD83D\uDE4F");
            }
        }
        return text.append('.').toString();
    }

    /** The export as NVivo on Windows writes it back after an analyst coded {@code codings} word spans with the codes. */
    static byte[] codedAsNvivo(byte[] exported, int codings, Random random) throws Exception {
        Path file = Files.createTempFile("bench-export-", ".qdpx");
        try {
            Files.write(file, exported);
            QdaProject project;
            List<QdaProject.Source> sources = new ArrayList<>();
            try (QdpxArchive archive = QdpxArchive.open(file, ArchiveLimits.DEFAULT)) {
                project = ProjectReader.read(archive);
                for (QdaProject.Source source : project.sources()) {
                    sources.add(new QdaProject.Source(source.guid(), source.name(), source.kind(), null,
                            archive.text(archive.entryFor(source.plainTextPath()).orElseThrow()), null, null, null, new ArrayList<>(),
                            List.of(), List.of(), source.noteRefs()));
                }
            }
            List<String> codeGuids = project.allCodes().stream().map(QdaProject.Code::guid).toList();
            for (int i = 0; i < codings; i++) {
                QdaProject.Source source = sources.get(i % sources.size());
                ParagraphLayout layout = ParagraphLayout.parse(source.plainTextContent());
                ParagraphLayout.Placed paragraph = layout.paragraph(1 + random.nextInt(layout.paragraphs().size()));
                int[] words = wordStarts(paragraph.text());
                int first = random.nextInt(words.length);
                int last = Math.min(words.length - 1, first + random.nextInt(6));
                int end = wordEnd(paragraph.text(), words[last]);
                int[] placed = layout.place(new ParagraphLayout.Span(paragraph.number(), words[first], paragraph.number(), end));
                source.selections().add(new QdaProject.Selection(UUID.randomUUID().toString(), "selection " + i, placed[0], placed[1], null,
                        null, null, List.of(new QdaProject.Coding(UUID.randomUUID().toString(), codeGuids.get(random.nextInt(codeGuids.size())),
                                null, null)), List.of()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ProjectWriter.write(new QdaProject(project.name(), "NVivo 14.24.1 (Windows)", project.users(), project.codes(), project.sets(),
                    project.variables(), project.cases(), sources, project.notes()), PositionCounting.NVIVO, out);
            return out.toByteArray();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Code point offsets where a word starts (not the emoji, which stand alone). */
    private static int[] wordStarts(String text) {
        int[] cps = text.codePoints().toArray();
        return IntStream.range(0, cps.length).filter(i -> Character.isLetter(cps[i]) && (i == 0 || cps[i - 1] == ' ')).toArray();
    }

    private static int wordEnd(String text, int start) {
        int[] cps = text.codePoints().toArray();
        int end = start;
        while (end < cps.length && Character.isLetter(cps[end])) {
            end++;
        }
        return end;
    }

    private static JsonNode finished(ChorusClient client, String token, String id) throws InterruptedException {
        return until(() -> client.get("coding-service", "/api/imports/" + id, token).body(),
                job -> job.path("status").asText().equals("done") || job.path("status").asText().equals("failed"));
    }
}

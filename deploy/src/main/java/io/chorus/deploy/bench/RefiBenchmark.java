package io.chorus.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.chorus.deploy.ChorusClient;
import io.chorus.deploy.Platform;
import io.chorus.deploy.PlatformSettings;
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
 * Keycloak token. Prints the export time, the upload check (until 202), the job until done, and the repeat import.
 * Starts its own embedded platform: {@code ./platform bench-refi [codings]}.
 */
public final class RefiBenchmark {

    static final int TRANSCRIPTS = 4;
    static final int TURNS = 900;
    static final int CODES = 40;
    static final String[] WORDS = ("the peer worker helped me because she had lived it and nobody else listened to what we said about "
            + "clinic waiting times money transport family trust stigma nurse doctor appointment medicine support group felt "
            + "really hard sometimes when my sister drove I could not afford bus fare community leaders church phone").split(" ");

    private static long characters;

    private RefiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int codings = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("chorus-refi-bench");
        try (Platform platform = new Platform(PlatformSettings.withFreePorts(root, state, root.resolve("deploy/target/keycloak-bench")),
                line -> System.out.println("[bench platform] " + line))) {
            platform.start();
            ChorusClient client = new ChorusClient(platform.settings());
            String analyst = client.userToken("analyst");
            List<String> transcripts = seed("jdbc:postgresql://localhost:" + platform.settings().port(PlatformSettings.POSTGRES)
                    + "/chorus_coding");
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

            System.out.printf("%nREFI-QDA bench: %d transcripts x %d turns (%,d characters), %d codes, file %,d bytes (export %,d bytes)%n",
                    TRANSCRIPTS, TURNS, characters, CODES, coded.length, exported.length);
            System.out.printf("%-58s %7.2f s%n", "export of the study as .qdpx", exportSeconds);
            System.out.printf("%-58s %7.2f s%n", "import: upload checked, 202 answered", checkSeconds);
            System.out.printf("%-58s %7.2f s   (goal < 10 s)%n", "import: " + codings + " codings, until the job is done", importSeconds);
            System.out.printf("%-58s %7.2f s   (same job: %s)%n", "the same file again", againSeconds,
                    again.path("id").asText().equals(job.path("id").asText()));
            System.out.printf("job: status %s, counting %s, sources %d/%d, codings %d/%d, added %d, skipped %d%n",
                    job.path("status").asText(), job.path("counting").asText(), job.path("sources").path("done").asInt(),
                    job.path("sources").path("total").asInt(), job.path("codings").path("done").asInt(),
                    job.path("codings").path("total").asInt(), job.path("codingsAdded").asInt(), job.path("skipped").size());
            if (!"done".equals(job.path("status").asText()) || job.path("codingsAdded").asInt() != codings) {
                throw new IllegalStateException("the import did not add every coding: " + job);
            }
            wholeProject(client, coded, codings);
        }
    }

    /**
     * The same coded file moved into site BU as a whole project (issue 13, flow 3): four transcripts by the push path and
     * the codings placed on them; handed to coding-service by event; applied once the four are released.
     */
    static void wholeProject(ChorusClient client, byte[] coded, int codings) throws InterruptedException {
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
        System.out.printf("%nWhole project into site BU (transcript-service, then coding-service by event):%n");
        System.out.printf("%-58s %7.2f s   (goal < 10 s)%n", "4 sources as transcripts, " + codings + " codings placed", importSeconds);
        System.out.printf("%-58s %7.2f s%n", "... and waiting in coding-service", handedSeconds);
        System.out.printf("%-58s %7.2f s%n", "back-check, two reviews and release of the 4", workflowSeconds);
        System.out.printf("%-58s %7.2f s   (applied %d, skipped %d)%n", "... until every coding is applied", appliedSeconds,
                applied.path("codings").path("applied").asInt(), applied.path("codings").path("skipped").asInt());
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

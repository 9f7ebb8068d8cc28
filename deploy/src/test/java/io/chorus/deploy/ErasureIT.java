package io.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chorus.client.coding.api.CodebooksApi;
import io.chorus.client.coding.api.CodingApi;
import io.chorus.client.coding.model.CodeView;
import io.chorus.client.coding.model.CodebookView;
import io.chorus.client.coding.model.NewCoding;
import io.chorus.client.reporting.api.AdministrationApi;
import io.chorus.client.reporting.api.ReportsApi;
import io.chorus.client.reporting.model.RebuildStatus;
import io.chorus.common.crypto.DataKey;
import io.chorus.common.crypto.FieldCipher;
import io.chorus.common.crypto.MasterKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 30: a withdrawal reaches every copy. Canary words in one participant's original and English text are released,
 * coded, searched, quoted, exported, kept in an Idempotency-Key answer and in a dead letter; after the withdrawal no
 * store of the platform holds them readably, not even the events Kafka keeps, and a rebuild of reporting from Kafka
 * brings none back.
 */
@ExtendWith(EmbeddedPlatform.class)
class ErasureIT {

    static final String SITE = "ULM";
    /** What the README promises: a withdrawn text is unreadable everywhere within this time. */
    static final Duration PROMISED = Duration.ofSeconds(60);

    final ChorusClient client = EmbeddedPlatform.client();
    final String partner = client.partnerToken(SITE);
    final String lead = client.userToken("lead-ulm");
    final String analyst = client.userToken("analyst");

    @Test
    void aParticipantsWithdrawalLeavesNoReadableWordOfTheirsAnywhere() throws Exception {
        Planted planted = plant(null);
        withdrawAndScan(planted, "participant", "/participants/" + planted.participant() + "/withdrawal", "",
                "t-" + planted.transcriptId() + "-s-" + java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(planted.participant().getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, client.get("transcript-service", "/api/sites/" + SITE + "/transcripts/" + planted.transcriptId(), lead).status(),
                "the rest of the transcript stays");
    }

    @Test
    void aTranscriptsWithdrawalLeavesNoReadableWordOfItAnywhere() throws Exception {
        Planted planted = plant(null);
        withdrawAndScan(planted, "transcript", "/transcripts/" + planted.transcriptId() + "/withdrawal",
                "{\"reason\":\"the group withdrew consent\"}", "t-" + planted.transcriptId());
    }

    @Test
    void aStudysRetentionEndLeavesNoReadableOriginalAnywhereAndKeepsTheEnglish() throws Exception {
        OwnStudy study = OwnStudy.register(client, "Retention ended");
        String admin = client.userToken("admin");
        Api.transcripts(io.chorus.client.transcript.api.StudiesApi::new, admin).putStudy(study.code(),
                new io.chorus.client.transcript.model.StudyData().title("Retention ended").phases(java.util.List.of(OwnStudy.PHASE))
                        .originalsKeptUntil(java.time.LocalDate.of(2020, 12, 31)), null);
        Planted planted = plant(study.session(client, SITE));
        Instant end = Instant.now();
        var erased = Api.transcripts(io.chorus.client.transcript.api.StudiesApi::new, admin).eraseStudyOriginals(study.code(), null);
        assertEquals(1, erased.getOriginalsErased().getTranscripts(), erased.toString());
        CanaryScan scan = new CanaryScan(EmbeddedPlatform.settings());
        Map<String, Integer> found = scan.find(Set.of(planted.original()));
        while (!found.isEmpty() && Duration.between(end, Instant.now()).compareTo(PROMISED) < 0) {
            Thread.sleep(2000);
            found = scan.find(Set.of(planted.original()));
        }
        System.out.printf("[erasure] retention end: 0 readable originals after %.1f s; left: %s%n",
                Duration.between(end, Instant.now()).toMillis() / 1000.0, found);
        assertEquals(Map.of(), found, "readable originals " + PROMISED.toSeconds() + " s after the retention end");
        assertTrue(scan.find(Set.of(planted.english())).containsKey("postgresql chorus_coding.public.transcript_paragraph"), "the English stays");
        assertTrue(scan.keysWithMaterial("t-" + planted.transcriptId() + "-s-").stream().noneMatch(id -> id.endsWith("-o")),
                "no key of an original is left on the key topic");
    }

    /** Issue 30: a site lead asks once and gets everything Chorus holds on the participant, gathered from two services. */
    @Test
    void aSiteLeadGetsEverythingHeldOnTheParticipantInOneArchive() throws Exception {
        Planted planted = plant(null);
        var participants = Api.transcripts(io.chorus.client.transcript.api.ParticipantsApi::new, lead);
        Api.assertRefused(404, () -> Api.transcripts(io.chorus.client.transcript.api.ParticipantsApi::new, client.userToken("lead-bu"))
                .requestParticipantData(SITE, planted.participant(), null));
        var requested = participants.requestParticipantData(SITE, planted.participant(), null);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                "ready".equals(String.valueOf(participants.getParticipantDataRequest(SITE, planted.participant(), requested.getId()).getStatus())));
        String archivePath = participants.getParticipantDataRequest(SITE, planted.participant(), requested.getId()).getArchive();
        JsonNode archive;
        String summary;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(client.download("transcript-service", archivePath, lead)))) {
            Map<String, String> files = new java.util.HashMap<>();
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
            archive = ChorusClient.JSON.readTree(files.get("participant.json"));
            summary = files.get("summary.html");
        }
        assertEquals(37, archive.at("/questionnaire/age").asInt());
        assertEquals("given", archive.at("/consent/status").asText());
        assertTrue(archive.at("/paragraphs/0/original").asText().contains(planted.original()), archive.toString());
        assertTrue(archive.at("/paragraphs/0/english").asText().contains(planted.english()));
        assertEquals(1, archive.path("codings").size(), "the coding on their paragraph, from coding-service");
        assertEquals("She keeps saying " + planted.english() + ".", archive.at("/memos/0/text").asText(), "the memo, opened");
        assertTrue(archive.at("/quotes/0/english").asText().contains(planted.english()), "the quote that uses it");
        assertTrue(summary.contains(planted.original()) && summary.contains(planted.english()), "the readable summary");
        assertEquals(1, participants.getParticipantDataRequest(SITE, planted.participant(), requested.getId()).getDeliveries().size(),
                "the delivery is recorded");
    }

    record Planted(String participant, String transcriptId, String original, String english, String pushKey, String push, UUID codebook) {
        Set<String> words() {
            return Set.of(original, english);
        }
    }

    /** The canaries, released and put everywhere a user's work takes them; each place is checked to hold them. */
    private Planted plant(String session) throws Exception {
        String participant = "E" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String original = "Zaunkoenig" + UUID.randomUUID().toString().substring(0, 8);
        String english = "wrenbird" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, client.put("transcript-service", "/api/sites/" + SITE + "/participants/" + participant, partner,
                "{\"gender\":\"female\",\"age\":37}").status());
        String pushKey = UUID.randomUUID().toString();
        String push = """
                {"externalId":"erasure-%s","language":"de",%s"paragraphs":[{"speaker":"M","text":"Was hat sich verändert?"},
                  {"speaker":"%s","text":"Seit dem Genesungsbegleiter sage ich %s."}]}""".formatted(UUID.randomUUID(),
                session == null ? "" : "\"session\":\"" + session + "\",", participant, original);
        ChorusClient.Reply pushed = client.postIdempotent("transcript-service", "/api/sites/" + SITE + "/transcripts", partner, push, pushKey);
        assertEquals(201, pushed.status(), pushed.body().toString());
        String id = pushed.body().path("id").asText();
        ChorusClient.Reply replayed = client.postIdempotent("transcript-service", "/api/sites/" + SITE + "/transcripts", partner, push, pushKey);
        assertTrue(replayed.body().toString().contains(original), "the kept answer shows the words");
        String base = "/api/sites/" + SITE + "/transcripts/" + id;
        assertEquals(200, client.post("transcript-service", base + "/back-check", lead, "").status());
        assertEquals(200, client.put("transcript-service", base + "/translation", client.userToken("researcher-bu"), """
                {"paragraphs":[{"n":1,"english":"What has changed?"},{"n":2,"english":"Since the peer worker I say %s."}]}"""
                .formatted(english)).status());
        assertEquals(200, client.post("transcript-service", base + "/reviews", client.userToken("translator-a"), "").status());
        assertEquals(200, client.post("transcript-service", base + "/reviews", client.userToken("translator-b"), "").status());
        assertEquals(200, client.post("transcript-service", base + "/release", lead, "").status());
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(200,
                client.get("coding-service", "/api/transcripts/" + id, analyst).status()));

        CodebooksApi codebooks = Api.coding(CodebooksApi::new, analyst);
        CodebookView codebook = codebooks.importCodebookTemplate("implementation-influences", null);
        codebooks.publishCodebook(codebook.getId(), codebooks.getCodebookWithHttpInfo(codebook.getId()).getHeaders().get("etag").get(0), null);
        CodeView code = CodableTranscript.codable(codebook.getCodes()).findFirst().orElseThrow();
        Api.coding(CodingApi::new, analyst).createCoding(id, new NewCoding().codeId(code.getId()).firstParagraph(2).lastParagraph(2), null);
        assertTrue(client.get("coding-service", "/api/search?q=" + english, analyst).body().toString().contains(english), "searchable");
        assertEquals(201, client.post("coding-service", "/api/memos", analyst, ChorusClient.JSON.createObjectNode().put("target", "passage")
                .put("transcriptId", id).put("firstParagraph", 2).put("lastParagraph", 2).put("title", "Striking")
                .put("text", "She keeps saying " + english + ".").toString()).status(), "a memo quotes the words");
        assertTrue(client.get("coding-service", "/api/search?text=original&q=" + original, lead).body().toString().contains(original),
                "the site searches its original (and the audit keeps the query)");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertTrue(Api.reporting(ReportsApi::new, analyst)
                .getQuotesReport(null, code.getId().toString(), null, null, null, null, null, null, null, null, null).toString()
                .contains(english), "quoted"));
        assertTrue(exported(id, codebook.getId()).contains(english), "exported");
        Planted planted = new Planted(participant, id, original, english, pushKey, push, codebook.getId());
        deadLetterCarrying(planted);

        Map<String, Integer> before = new CanaryScan(EmbeddedPlatform.settings()).find(planted.words());
        System.out.println("[erasure] before the withdrawal the canaries are found in " + before);
        for (String place : Set.of("mongodb chorus-transcripts.transcripts", "mongodb chorus-transcripts.idempotency_keys",
                "postgresql chorus_coding.public.transcript_paragraph", "postgresql chorus_coding.public.original_search_audit", "postgresql chorus_coding.public.memo", "postgresql chorus_coding.public.dead_letter (sealed, its key still on chorus.keys)",
                "kafka chorus.transcripts (sealed, its key still on chorus.keys)")) {
            assertTrue(before.containsKey(place), "the scan finds the planted words in " + place + ": " + before);
        }
        assertTrue(before.keySet().stream().noneMatch(place -> place.startsWith("kafka chorus.transcripts") && !place.contains("sealed")),
                "no event carries the words in clear: " + before);
        return planted;
    }

    /** An event about the transcript that no consumer can apply, carrying the participant's sealed words, as a forged or broken one would. */
    private void deadLetterCarrying(Planted planted) throws Exception {
        MasterKey master = MasterKey.parse(EmbeddedPlatform.settings().eventsMasterKey());
        String keyId = "t-" + planted.transcriptId() + "-s-" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(planted.participant().getBytes(StandardCharsets.UTF_8));
        DataKey english = master.unwrap(keyId, Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> wrappedOnKeyTopic(keyId), w -> w != null));
        DataKey original = master.unwrap(keyId + "-o", Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> wrappedOnKeyTopic(keyId + "-o"), w -> w != null));
        ObjectNode payload = ChorusClient.JSON.createObjectNode().put("transcriptId", planted.transcriptId()).put("site", SITE)
                .put("version", "not a number");
        payload.putArray("paragraphs").addObject().put("n", 2).put("text", FieldCipher.seal(planted.original(), original))
                .put("english", FieldCipher.seal(planted.english(), english));
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatform.settings().kafkaBootstrap());
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>("chorus.transcripts", planted.transcriptId(), payload.toString());
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", eventId.getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", "io.chorus.transcript.released.v1".getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/erasure-it".getBytes(StandardCharsets.UTF_8))
                    .add("ce_subject", planted.transcriptId().getBytes(StandardCharsets.UTF_8))
                    .add("ce_aggregatetype", "transcript".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        String admin = client.userToken("admin");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(
                client.get("coding-service", "/api/admin/dead-letters?size=500", admin).body().toString().contains(eventId)));
    }

    private static String wrappedOnKeyTopic(String keyId) throws Exception {
        Properties properties = new Properties();
        properties.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedPlatform.settings().kafkaBootstrap());
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(properties,
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.StringDeserializer())) {
            var partition = new org.apache.kafka.common.TopicPartition(ServiceSpec.KEY_TOPIC, 0);
            consumer.assign(java.util.List.of(partition));
            consumer.seekToBeginning(java.util.List.of(partition));
            long end = consumer.endOffsets(java.util.List.of(partition)).get(partition);
            String wrapped = null;
            while (consumer.position(partition) < end) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode key = ChorusClient.JSON.readTree(record.value());
                    if (keyId.equals(key.path("keyId").asText())) {
                        wrapped = key.path("wrapped").asText(null);
                    }
                }
            }
            return wrapped;
        }
    }

    private String exported(String transcriptId, UUID codebook) throws Exception {
        byte[] qdpx = client.download("coding-service", "/api/exports/qdpx?transcript=" + transcriptId + "&codebook=" + codebook, analyst);
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(qdpx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    /** @param keys the start of the ids of the data keys the withdrawal destroys */
    private void withdrawAndScan(Planted planted, String path, String withdrawalPath, String body, String keys) throws Exception {
        Instant withdrawal = Instant.now();
        ChorusClient.Reply withdrawn = client.post("transcript-service", "/api/sites/" + SITE + withdrawalPath, lead, body);
        assertEquals(200, withdrawn.status(), withdrawn.body().toString());
        CanaryScan scan = new CanaryScan(EmbeddedPlatform.settings());
        Map<String, Integer> found = scan.find(planted.words());
        while (!found.isEmpty() && Duration.between(withdrawal, Instant.now()).compareTo(PROMISED) < 0) {
            Thread.sleep(2000);
            found = scan.find(planted.words());
        }
        Duration took = Duration.between(withdrawal, Instant.now());
        System.out.printf("[erasure] %s withdrawal: 0 readable occurrences after %.1f s (scan: every MongoDB collection, PostgreSQL "
                + "table, Kafka record and service log); left: %s%n", path, took.toMillis() / 1000.0, found);
        assertEquals(Map.of(), found, "readable copies of the withdrawn words " + PROMISED.toSeconds() + " s after the withdrawal");
        assertEquals(Set.of(), scan.keysWithMaterial(keys), "the key topic holds no record of a destroyed key's material: it was compacted away");
        assertTrue(scan.keysDestroyed(keys) >= 2, "the destruction marks stay, so that a replay knows the keys are gone");

        ChorusClient.Reply retried = client.postIdempotent("transcript-service", "/api/sites/" + SITE + "/transcripts", partner,
                planted.push(), planted.pushKey());
        assertTrue(retried.status() == 410 || !retried.body().toString().contains(planted.original()), "a retry shows no withdrawn word");
        if (path.equals("participant")) {
            assertTrue(!exported(planted.transcriptId(), planted.codebook()).contains(planted.english()), "an export has them no more");
        }

        AdministrationApi admin = Api.reporting(AdministrationApi::new, client.userToken("admin"));
        String rebuild = admin.startRebuildWithHttpInfo(null).getData().getId();
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"running".equals(String.valueOf(admin.getRebuild(rebuild).getState())));
        RebuildStatus finished = admin.getRebuild(rebuild);
        assertEquals("done", String.valueOf(finished.getState()), finished.toString());
        Map<String, Integer> afterRebuild = scan.find(planted.words());
        System.out.println("[erasure] after reporting's rebuild from Kafka: " + afterRebuild);
        assertEquals(Map.of(), afterRebuild, "a replay of the kept events brings no withdrawn word back");
        assertEquals(0, admin.getReconciliation().getDifferences(), "the rebuilt read models agree with their facts");
    }
}

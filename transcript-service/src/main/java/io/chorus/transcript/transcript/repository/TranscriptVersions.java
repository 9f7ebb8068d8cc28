package io.chorus.transcript.transcript.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** The paragraphs of each released version, kept when a revision replaces them. */
@ApplicationScoped
public class TranscriptVersions {

    public record Version(int version, java.time.Instant at, List<Transcript.Paragraph> paragraphs) {
    }

    @Inject
    TranscriptRepository transcripts;

    private com.mongodb.client.MongoCollection<Document> collection() {
        return transcripts.database().getCollection("transcript_versions");
    }

    /** Idempotent: keeping the same version twice stores it once. */
    public void keep(Transcript t) {
        Document snapshot = new Document("_id", t.id() + ":" + t.version()).append("transcriptId", t.id())
                .append("version", t.version()).append("at", Date.from(t.updatedAt()))
                .append("paragraphs", t.paragraphs().stream().map(p -> new Document("n", p.n()).append("speaker", p.speaker())
                        .append("text", p.text()).append("english", p.english())).toList());
        collection().replaceOne(Filters.eq("_id", snapshot.get("_id")), snapshot, new ReplaceOptions().upsert(true));
    }

    public List<Version> list(String transcriptId) {
        return collection().find(Filters.eq("transcriptId", transcriptId)).sort(Sorts.ascending("version"))
                .map(TranscriptVersions::toVersion).into(new ArrayList<>());
    }

    public Optional<Version> find(String transcriptId, int version) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", transcriptId + ":" + version)).first())
                .map(TranscriptVersions::toVersion);
    }

    public void deleteAll(String transcriptId) {
        collection().deleteMany(Filters.eq("transcriptId", transcriptId));
    }

    /** Withdrawal reaches kept versions too. */
    public void redact(String transcriptId, String speaker, String replacement, boolean remove) {
        for (Document d : collection().find(Filters.eq("transcriptId", transcriptId)).into(new ArrayList<>())) {
            List<Document> paragraphs = d.getList("paragraphs", Document.class).stream()
                    .filter(p -> !(remove && speaker.equals(p.getString("speaker"))))
                    .map(p -> speaker.equals(p.getString("speaker"))
                            ? new Document(p).append("text", replacement).append("english", p.getString("english") == null ? null : replacement)
                            : p).toList();
            collection().updateOne(Filters.eq("_id", d.get("_id")), new Document("$set", new Document("paragraphs", paragraphs)));
        }
    }

    /** A study's retention end reaches kept versions too: every original text is replaced. */
    public void replaceOriginals(String transcriptId, String replacement) {
        for (Document d : collection().find(Filters.eq("transcriptId", transcriptId)).into(new ArrayList<>())) {
            List<Document> paragraphs = d.getList("paragraphs", Document.class).stream()
                    .map(p -> p.getString("text") == null ? p : new Document(p).append("text", replacement)).toList();
            collection().updateOne(Filters.eq("_id", d.get("_id")), new Document("$set", new Document("paragraphs", paragraphs)));
        }
    }

    private static Version toVersion(Document d) {
        return new Version(d.getInteger("version"), d.getDate("at").toInstant(), d.getList("paragraphs", Document.class).stream()
                .map(p -> new Transcript.Paragraph(p.getInteger("n"), p.getString("speaker"), p.getString("text"), p.getString("english")))
                .toList());
    }
}

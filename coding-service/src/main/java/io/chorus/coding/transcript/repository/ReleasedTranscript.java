package io.chorus.coding.transcript.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "released_transcript")
public class ReleasedTranscript extends PanacheEntityBase {

    @Id
    public String id;

    public String site;

    @Column(name = "external_id")
    public String externalId;

    public String language;

    public int version;

    /** External id of the recorded session, which gives the study and phase. */
    public String session;

    /** The transcript's title, such as its source's name in the desktop tool it came from; exports name it so. */
    public String title;

    @Column(name = "released_at")
    public Instant releasedAt;

    @ElementCollection
    @CollectionTable(name = "transcript_paragraph", joinColumns = @JoinColumn(name = "transcript_id"))
    @OrderBy("n")
    public List<Paragraph> paragraphs = new ArrayList<>();

    public boolean isEnglishOriginal() {
        return io.chorus.common.text.Languages.isEnglish(language);
    }

    /** The English of a paragraph as an event carries it: the translation, or the original of an English transcript. */
    public String englishOf(String text, String english) {
        return english != null ? english : isEnglishOriginal() ? text : null;
    }

    public Paragraph paragraph(int n) {
        return paragraphs.stream().filter(p -> p.n == n).findFirst().orElse(null);
    }

    @Embeddable
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReleasedParagraph")
    public static class Paragraph {
        public int n;
        public String label;
        public String speaker;
        /** The English text codings point into; the original language stays in transcript-service, with its site. */
        public String english;

        public Paragraph() {
        }

        public Paragraph(int n, String label, String speaker, String english) {
            this.n = n;
            this.label = label;
            this.speaker = speaker;
            this.english = english;
        }

        public String codedText() {
            return english;
        }
    }
}

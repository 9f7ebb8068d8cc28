package io.chorus.coding.round.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "round_assignment")
public class RoundAssignment extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** When the coder marked the transcript done; null while they are still coding it. */
    @Column(name = "done_at")
    public Instant doneAt;

    @Embeddable
    public record Key(@Column(name = "round_id") UUID roundId, @Column(name = "transcript_id") String transcriptId,
            String coder) implements Serializable {
    }

    public static boolean exists(UUID roundId, String transcriptId, String coder) {
        return findByIdOptional(new Key(roundId, transcriptId, coder)).isPresent();
    }
}

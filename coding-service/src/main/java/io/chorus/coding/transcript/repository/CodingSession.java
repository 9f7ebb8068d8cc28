package io.chorus.coding.transcript.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The study, phase, kind, date and language of a recorded session, as transcript-service announced it. */
@Entity
@Table(name = "coding_session")
public class CodingSession extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public String study;
    public String phase;
    public String kind;

    @Column(name = "session_date")
    public java.time.LocalDate date;

    public String language;

    @Embeddable
    public record Key(String site, @Column(name = "external_id") String externalId) implements Serializable {
    }
}

package io.chorus.coding.transcript.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A pseudonymous participant's questionnaire, as transcript-service announced it: the variables of their case. */
@Entity
@Table(name = "coding_participant")
public class CodingParticipant extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public String gender;
    public Integer age;
    public String role;

    @Column(name = "professional_background")
    public String professionalBackground;

    @Column(name = "years_of_experience")
    public Integer yearsOfExperience;

    @Column(name = "previous_peer_support")
    public Boolean previousPeerSupportExperience;

    public int version;

    @Embeddable
    public record Key(String site, String number) implements Serializable {
    }
}

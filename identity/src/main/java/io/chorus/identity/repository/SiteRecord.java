package io.chorus.identity.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "site")
public class SiteRecord extends PanacheEntityBase {

    @Id
    public String code;

    public String name;
    public String country;

    /** JSON: [{"band": "LIC", "from": "2019-01-01"}, ...], oldest first. */
    @Column(name = "income_history")
    public String incomeHistory;

    /** Comma-separated BCP 47 tags. */
    public String languages;

    @Column(name = "prior_peer_support")
    public boolean priorPeerSupport;

    public int version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

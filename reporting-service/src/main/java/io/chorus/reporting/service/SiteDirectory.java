package io.chorus.reporting.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.event.EventRouter;
import io.chorus.reporting.event.consumed.SiteAnnounced;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** The consortium's sites with their income band history; seeded from reference/sites.json into an empty table. */
@ApplicationScoped
public class SiteDirectory {

    static final LocalDate SINCE_EVER = LocalDate.of(1900, 1, 1);

    @Inject
    Sql sql;

    @Inject
    ObjectMapper json;

    @Transactional
    void seed(@Observes StartupEvent startup) {
        // instances starting together seed once: the second waits here, then finds the sites
        sql.single("select 1 from pg_advisory_xact_lock(hashtext('seed sites'))");
        if (((Number) sql.single("select count(*) from site")).longValue() > 0) {
            return;
        }
        try (InputStream in = getClass().getResourceAsStream("/reference/sites.json")) {
            for (JsonNode site : json.readTree(in).path("sites")) {
                String code = site.path("code").asText();
                sql.update("insert into site (code, name, country, prior_peer_support) values (?1, ?2, ?3, ?4)", code,
                        site.path("name").asText(), site.path("country").asText(), site.path("priorPeerSupportExperience").asBoolean());
                if (site.has("incomeLevelHistory")) {
                    for (JsonNode band : site.path("incomeLevelHistory")) {
                        LocalDate from = band.has("from") ? LocalDate.parse(band.path("from").asText()) : SINCE_EVER;
                        sql.update("insert into site_income values (?1, ?2, ?3)", code, from, band.path("level").asText());
                    }
                } else {
                    sql.update("insert into site_income values (?1, ?2, ?3)", code, SINCE_EVER, site.path("incomeLevel").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reference/sites.json is unreadable", e);
        }
    }

    public static final String CONSUMER = "reporting-service/identity-events";

    @Inject
    CodeCells cells;

    @Inject
    jakarta.persistence.EntityManager em;

    private EventRouter router;

    @jakarta.annotation.PostConstruct
    void routes() {
        router = EventRouter.forConsumer(CONSUMER).onEvent(SiteAnnounced.class, this::announced);
    }

    @Transactional
    public void apply(io.chorus.common.event.EventEnvelope event) {
        router.apply(em, json, event);
    }

    /** A site as the identity service announced it; its transcripts are recounted under their (possibly new) bands. */
    private void announced(SiteAnnounced site) {
        Object version = sql.single("select version from site where code = ?1", site.code());
        if (!EventRouter.isNewer((Number) version, site.version())) {
            return;
        }
        sql.update("delete from site where code = ?1", site.code());
        sql.update("insert into site (code, name, country, prior_peer_support, version) values (?1, ?2, ?3, ?4, ?5)", site.code(),
                site.name(), site.country(), site.priorPeerSupportExperience(), site.version());
        for (SiteAnnounced.Band band : site.incomeLevels()) {
            sql.update("insert into site_income values (?1, ?2, ?3)", site.code(), band.from(), band.band());
        }
        for (Object[] row : sql.rows("select transcript_id from transcript_fact where site = ?1", site.code())) {
            cells.refresh((String) row[0]);
        }
    }

    /** The site's income band on a date ('' if the site is unknown). */
    public String bandOn(String site, LocalDate date) {
        Object band = sql.single("select band from site_income where site = ?1 and valid_from <= ?2 order by valid_from desc limit 1",
                site, date);
        return band == null ? "" : (String) band;
    }
}

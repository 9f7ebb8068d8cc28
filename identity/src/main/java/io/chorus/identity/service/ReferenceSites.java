package io.chorus.identity.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.identity.repository.SiteRecord;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Registers the consortium's reference sites into an empty table, announced like any registration. */
@ApplicationScoped
public class ReferenceSites {

    static final LocalDate SINCE_EVER = LocalDate.of(1900, 1, 1);

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Transactional
    void seed(@Observes StartupEvent startup) throws IOException {
        // instances starting together seed once: the second waits here, then finds the sites
        SiteRecord.getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext('seed sites'))").getResultList();
        if (SiteRecord.count() > 0) {
            return;
        }
        try (InputStream in = getClass().getResourceAsStream("/reference/sites.json")) {
            for (JsonNode site : json.readTree(in).path("sites")) {
                List<SiteService.IncomeBand> bands = new ArrayList<>();
                if (site.has("incomeLevelHistory")) {
                    for (JsonNode band : site.path("incomeLevelHistory")) {
                        bands.add(new SiteService.IncomeBand(band.path("level").asText(),
                                band.has("from") ? LocalDate.parse(band.path("from").asText()) : SINCE_EVER));
                    }
                } else {
                    bands.add(new SiteService.IncomeBand(site.path("incomeLevel").asText(), SINCE_EVER));
                }
                List<String> languages = new ArrayList<>();
                site.path("languages").forEach(l -> languages.add(l.asText()));
                SiteRecord record = new SiteRecord();
                record.code = site.path("code").asText();
                record.name = site.path("name").asText();
                record.country = site.path("country").asText();
                record.incomeHistory = json.writeValueAsString(bands);
                record.languages = String.join(",", languages);
                record.priorPeerSupport = site.path("priorPeerSupportExperience").asBoolean();
                record.version = 1;
                record.updatedAt = Instant.now();
                record.persist();
                audit.publish(AuditLog.SITE_REGISTERED, "site", record.code, new SiteService.Site(record.code, record.name,
                        record.country, bands, languages, record.priorPeerSupport, record.version, record.updatedAt));
                audit.record("reference-data", "site-registered", record.code, "site:" + record.code, Map.of("name", record.name));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

package io.chorus.identity.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chorus.common.problem.ProblemException;
import io.chorus.identity.keycloak.KeycloakDirectory;
import io.chorus.identity.repository.SiteRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sites, mirrored as Keycloak groups so membership flows into tokens, and announced to the other services. */
@ApplicationScoped
@Transactional
public class SiteService {

    public record IncomeBand(@NotNull @Pattern(regexp = "HIC|UMIC|LMIC|LIC") String band, @NotNull LocalDate from) {
    }

    public record SiteData(@NotBlank @Size(max = 200) String name, @NotNull @Pattern(regexp = "[A-Z]{2}") String country,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull IncomeBand> incomeLevels,
            @NotNull @Size(max = 10) List<@Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*") String> languages,
            @NotNull Boolean priorPeerSupportExperience) {
    }

    public record Site(String code, String name, String country, List<IncomeBand> incomeLevels, List<String> languages,
            boolean priorPeerSupportExperience, int version, Instant updatedAt) {
    }

    public record Registered(Site site, boolean created) {
    }

    @Inject
    KeycloakDirectory keycloak;

    @Inject
    AuditLog audit;

    @Inject
    AccessRules rules;

    @Inject
    ObjectMapper json;

    public Registered register(String code, SiteData data) {
        return register(code, data, null);
    }

    /**
     * The same, under the precondition of a conditional request (null for none). The site's row is locked before the
     * precondition is checked, so a second writer that sent the same ETag waits for the first and then sees its change:
     * a 412, never a lost update.
     */
    public Registered register(String code, SiteData data, java.util.function.Predicate<Site> precondition) {
        List<IncomeBand> bands = data.incomeLevels().stream().sorted((a, b) -> a.from().compareTo(b.from())).toList();
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).from().equals(bands.get(i - 1).from())) {
                throw ProblemException.invalid("/incomeLevels", "Two income bands start on " + bands.get(i).from());
            }
        }
        SiteRecord site = SiteRecord.findById(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (precondition != null && (site == null || !precondition.test(view(site)))) {
            throw ProblemException.preconditionFailed();
        }
        boolean created = site == null;
        if (created) {
            site = new SiteRecord();
            site.code = code;
        }
        site.name = data.name();
        site.country = data.country();
        site.incomeHistory = write(bands);
        site.languages = String.join(",", data.languages());
        site.priorPeerSupport = data.priorPeerSupportExperience();
        site.version++;
        site.updatedAt = Instant.now();
        site.persist();
        keycloak.ensureSiteGroup(code);
        Site view = view(site);
        audit.publish(created ? AuditLog.SITE_REGISTERED : AuditLog.SITE_UPDATED, "site", code, view);
        audit.record(rules.actor(), created ? "site-registered" : "site-updated", code, "site:" + code,
                Map.of("name", data.name(), "incomeLevels", bands.stream().map(b -> b.band() + " from " + b.from()).toList()));
        return new Registered(view, created);
    }

    public Site get(String code) {
        return view(find(code));
    }

    public List<Site> list() {
        return SiteRecord.<SiteRecord>listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(this::view).toList();
    }

    public SiteRecord find(String code) {
        return SiteRecord.<SiteRecord>findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Site '" + code + "'"));
    }

    private Site view(SiteRecord site) {
        try {
            List<IncomeBand> bands = json.readValue(site.incomeHistory, new TypeReference<>() { });
            List<String> languages = site.languages.isEmpty() ? List.of() : Arrays.asList(site.languages.split(","));
            return new Site(site.code, site.name, site.country, bands, languages, site.priorPeerSupport, site.version, site.updatedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}

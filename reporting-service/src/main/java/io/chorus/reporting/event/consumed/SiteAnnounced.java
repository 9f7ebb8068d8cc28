package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What reporting reads of io.chorus.identity.site-registered.v1 and site-updated.v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SiteAnnounced(String code, String name, String country, List<Band> incomeLevels, boolean priorPeerSupportExperience,
        int version) {

    public static final Set<String> TYPES = Set.of("io.chorus.identity.site-registered.v1", "io.chorus.identity.site-updated.v1");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Band(String band, LocalDate from) {
    }
}

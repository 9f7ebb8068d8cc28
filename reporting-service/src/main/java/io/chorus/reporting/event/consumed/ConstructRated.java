package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** What reporting reads of io.chorus.coding.construct-rated.v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConstructRated(String site, String codeId, String phase, String rating, String ratedBy, Instant ratedAt) {

    public static final String TYPE = "io.chorus.coding.construct-rated.v1";
}

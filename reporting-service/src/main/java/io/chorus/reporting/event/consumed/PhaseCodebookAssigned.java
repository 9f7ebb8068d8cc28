package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What reporting reads of io.chorus.coding.phase-codebook-assigned.v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhaseCodebookAssigned(String study, String phase, String codebookId) {

    public static final String TYPE = "io.chorus.coding.phase-codebook-assigned.v1";
}

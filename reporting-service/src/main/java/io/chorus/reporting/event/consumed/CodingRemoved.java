package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What reporting reads of io.chorus.coding.coding-removed.v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CodingRemoved(String codingId) {

    public static final String TYPE = "io.chorus.coding.coding-removed.v1";
}

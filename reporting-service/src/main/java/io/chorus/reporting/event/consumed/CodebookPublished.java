package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What reporting reads of io.chorus.coding.codebook-published.v1: the tree that codes roll up in. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CodebookPublished(String codebookId, String name, int version, List<Code> codes) {

    public static final String TYPE = "io.chorus.coding.codebook-published.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Code(String id, String parentId, String name, boolean codable, String frameworkRef) {
    }
}

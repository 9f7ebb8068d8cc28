package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** What reporting reads of io.chorus.coding.code-changed.v1: renames and moves change the tree, merges and splits move codings. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CodeChanged(String codebookId, String codeId, String change, String name, String parentId, String into,
        Map<String, String> assignments) {

    public static final String TYPE = "io.chorus.coding.code-changed.v1";
}

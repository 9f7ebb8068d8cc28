package io.chorus.reporting.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** What reporting reads of io.chorus.coding.code-changed.v1: merges and splits move codings to other codes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CodeChanged(String codeId, String change, String into, Map<String, String> assignments) {

    public static final String TYPE = "io.chorus.coding.code-changed.v1";
}

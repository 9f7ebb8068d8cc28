package io.chorus.reporting.event.consumed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** What reporting reads of io.chorus.coding.agreement-measured.v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgreementMeasured(String roundId, String transcriptId, String site, Double percentAgreement, Double cohenKappa,
        Double fleissKappa, Double krippendorffAlpha, Instant measuredAt) {

    public static final String TYPE = "io.chorus.coding.agreement-measured.v1";
}

package io.chorus.coding.round.agreement;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The agreement coefficients of one block (one code, one transcript, or everything). A coefficient is
 * null when it is undefined for the data: too few coders, no variation, or no units.
 *
 * @param units              paragraph units (or paragraph x code units overall) two or more coders rated
 * @param percentAgreement   share of agreeing coder pairs over the units two or more coders rated (Gwet 2014)
 * @param cohenKappa         Cohen's kappa, exactly two coders, over the units both rated
 * @param fleissKappa        Fleiss' kappa, three or more coders, over the units two or more coders rated (Gwet 2014)
 * @param krippendorffAlpha  Krippendorff's alpha, nominal, over the units two or more coders rated
 * @param unitizingAlpha     Krippendorff's unitizing alpha (u-alpha) over code-point spans
 * @param segments           MAXQDA-style segment agreement, exactly two coders
 * @param completeUnits      percent agreement and Fleiss' kappa over the units every coder rated only
 * @param intervals          a standard error and 95 % interval per coefficient above, by its name (percentAgreement,
 *                           cohenKappa, fleissKappa, krippendorffAlpha); none for u-alpha and segment agreement
 */
public record Coefficients(@Schema(description = "Units two or more coders rated") int units,
        @Schema(description = "Agreeing coder pairs over the units two or more coders rated (Gwet 2014)") Double percentAgreement,
        @Schema(description = "Cohen's kappa, two coders, over the units both rated") Double cohenKappa,
        @Schema(description = "Fleiss' kappa, three or more coders, over the units two or more coders rated (Gwet 2014)") Double fleissKappa,
        @Schema(description = "Krippendorff's alpha, nominal, over the units two or more coders rated") Double krippendorffAlpha,
        Double unitizingAlpha, SegmentAgreement segments,
        @Schema(description = "Percent agreement and Fleiss' kappa over the units every coder rated only (DKPro)") CompleteUnits completeUnits,
        @Schema(description = "Standard error and 95 % interval of each coefficient above, by its name; none for unitizingAlpha "
                + "and segments") Map<String, VariableAgreement.Interval> intervals) {

    /** Percent agreement and Fleiss' kappa over the units every coder rated, as DKPro Statistics computes them. */
    @Schema(name = "CompleteUnitPresence")
    public record CompleteUnits(int units, Double percentAgreement, Double fleissKappa) {
    }
}

package io.chorus.coding.agreement;

/**
 * The agreement coefficients of one block (one code, one transcript, or everything). A coefficient is
 * null when it is undefined for the data: too few coders, no variation, or no units.
 *
 * @param units              paragraph units (or paragraph x code units overall) compared by the nominal measures
 * @param percentAgreement   share of complete units on which all coders agree
 * @param cohenKappa         Cohen's kappa, exactly two coders
 * @param fleissKappa        Fleiss' kappa, three or more coders
 * @param krippendorffAlpha  Krippendorff's alpha, nominal, missing values allowed
 * @param unitizingAlpha     Krippendorff's unitizing alpha (u-alpha) over code-point spans
 * @param segments           MAXQDA-style segment agreement, exactly two coders
 */
public record Coefficients(int units, Double percentAgreement, Double cohenKappa, Double fleissKappa,
        Double krippendorffAlpha, Double unitizingAlpha, SegmentAgreement segments) {
}

package io.chorus.reporting.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The disclosure rules for site staff of BU, on hand-made site sets (minimum 3 other sites). */
class DisclosureTest {

    static final Set<String> BU = Set.of("BU");

    @Test
    void aMeasureGroupIsWithheldWhenSubtractingANestedGroupLeavesTooFewOtherSites() {
        Set<String> lic = Set.of("BU", "DS", "KE", "TZ", "UG");
        Set<String> prior = Set.of("BU", "DS", "KE", "TZ");
        // LIC minus prior leaves UG alone: both would let BU's lead work out UG's scores
        assertFalse(Disclosure.showsGroup(lic, List.of(prior, Set.of("ULM")), BU, 3));
        assertFalse(Disclosure.showsGroup(prior, List.of(lic), BU, 3));
        // with four sites outside the nested group, both may be shown
        Set<String> wider = Set.of("BU", "DS", "KE", "TZ", "UG", "RW", "ET", "ZM");
        assertTrue(Disclosure.showsGroup(wider, List.of(prior), BU, 3));
        assertTrue(Disclosure.showsGroup(BU, List.of(prior), BU, 3), "one's own site only is always shown");
        assertFalse(Disclosure.showsGroup(Set.of("BU", "DS"), List.of(), BU, 3));
    }

    @Test
    void aCodeFigureNeedsOneStudyWithoutSubPopulationsAndEnoughOtherSitesInsideAndOutside() {
        Disclosure comparable = new Disclosure(BU, 3, true, 4, Map.of("HIC", 3L, "LIC", 1L), Map.of("HIC", 1L, "LIC", 3L));
        assertTrue(comparable.showsTotal());
        assertFalse(comparable.shows("HIC"), "the study total minus HIC leaves one other site");
        assertFalse(comparable.shows("LIC"));
        assertTrue(comparable.shows("LMIC"), "no other site in it");
        Disclosure filtered = new Disclosure(BU, 3, false, 4, Map.of("HIC", 4L), Map.of("HIC", 0L));
        assertFalse(filtered.showsTotal());
        assertFalse(filtered.shows("HIC"));
        assertTrue(Disclosure.everything().shows("HIC"));
    }
}

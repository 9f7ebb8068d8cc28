package io.chorus.coding.round.agreement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;

/**
 * Builds agreement studies from codings and hands them to DKPro Statistics. How units are built is
 * documented in docs/research.md ("How agreement is computed"); in short:
 * <ul>
 * <li>Nominal measures (percent, Cohen, Fleiss, Krippendorff's alpha): one unit per paragraph that at
 * least one coder coded with any code; per code the value is 1 if the coder's codings of that code touch
 * the paragraph, else 0. Overall, every such paragraph is one unit per code used by anyone. Paragraphs
 * nobody coded are left out, so large uncoded stretches cannot inflate agreement. A coder who has not
 * coded a document at all gives missing values there, which only Krippendorff's alpha can use.</li>
 * <li>Unitizing alpha: each document is a continuum of code points (English text, paragraphs in
 * order); a coder's spans of one code are merged where they overlap.</li>
 * <li>Segment agreement: MAXQDA's procedure, see {@link SegmentAgreement}.</li>
 * </ul>
 */
public final class AgreementCalculator {

    private AgreementCalculator() {
    }

    /** Spans of several coders that were matched as the same coding of the same code. */
    public record Cluster(String document, String code, List<Span> spans, boolean agreed) {
    }

    public record Result(Coefficients overall, Map<String, Coefficients> perCode, List<Cluster> clusters) {
    }

    public static Result compute(List<Document> documents, List<String> coders, double threshold) {
        Set<String> codes = documents.stream().flatMap(d -> d.spans().stream()).map(Span::code)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Document> complete = documents.stream().filter(d -> codedByAll(d, coders)).toList();
        List<Cluster> clusters = new ArrayList<>();
        for (Document document : complete) {
            clusters.addAll(clusters(document, coders, threshold));
        }
        BinaryAgreement pooled = new BinaryAgreement(coders.size());
        Map<String, Coefficients> perCode = new LinkedHashMap<>();
        Map<String, Double> unitizing = unitizingAlpha(complete, coders);
        List<Coverage> coverages = documents.stream().map(d -> Coverage.of(d, coders)).toList();
        Map<String, List<Cluster>> clustersByCode = clusters.stream().collect(Collectors.groupingBy(Cluster::code));
        for (String code : codes) {
            BinaryAgreement ofCode = new BinaryAgreement(coders.size());
            for (Coverage coverage : coverages) {
                coverage.addUnits(code, ofCode, pooled);
            }
            perCode.put(code, with(ofCode.coefficients(), unitizing.get(code),
                    segments(clustersByCode.getOrDefault(code, List.of()), coders, threshold)));
        }
        Coefficients overall = with(pooled.coefficients(), unitizing.get(null), segments(clusters, coders, threshold));
        return new Result(overall, perCode, clusters);
    }

    /**
     * DKPro's percent agreement, Cohen's or Fleiss' kappa (both over the units every coder rated) and nominal
     * Krippendorff's alpha; a null value is missing. The reference the one-pass {@link BinaryAgreement} is tested against.
     */
    public static Coefficients nominal(List<Object[]> rows, int coders) {
        List<Object[]> pairable = rows.stream().filter(r -> present(r) >= 2).toList();
        List<Object[]> complete = pairable.stream().filter(r -> present(r) == r.length).toList();
        CodingAnnotationStudy full = study(complete, coders);
        Double percent = complete.isEmpty() ? null : safe(() -> new PercentageAgreement(full).calculateAgreement());
        Double cohen = coders == 2 && !complete.isEmpty() ? safe(() -> new CohenKappaAgreement(full).calculateAgreement()) : null;
        Double fleiss = coders > 2 && !complete.isEmpty() ? safe(() -> new FleissKappaAgreement(full).calculateAgreement()) : null;
        Double alpha = pairable.isEmpty() ? null : safe(() -> new KrippendorffAlphaAgreement(study(pairable, coders),
                new NominalDistanceFunction()).calculateAgreement());
        return new Coefficients(pairable.size(), percent, cohen, fleiss, alpha, null, null,
                new Coefficients.CompleteUnits(complete.size(), percent, fleiss), java.util.Map.of());
    }

    /**
     * Unitizing alpha per code (key = code) and over all codes (key = null); documents are laid end to end. Each code's
     * alpha comes from a study of that code's units alone (the same continuum), which gives DKPro's category agreement of
     * the whole study without scanning every other code's units for each code; the overall alpha is DKPro's
     * 1 − Σ observed / Σ expected over those codes' disagreements (UnitizingPerCodeTest checks both against one study).
     */
    public static Map<String, Double> unitizingAlpha(List<Document> documents, List<String> coders) {
        Map<String, Double> alphas = new HashMap<>();
        long length = documents.stream().mapToLong(Document::length).sum();
        if (length == 0 || coders.size() < 2) {
            return alphas;
        }
        Map<String, UnitizingAnnotationStudy> byCode = new TreeMap<>();
        long offset = 0;
        for (Document document : documents) {
            for (int rater = 0; rater < coders.size(); rater++) {
                String coder = coders.get(rater);
                Map<String, List<Span>> spans = document.spans().stream().filter(s -> s.coder().equals(coder))
                        .collect(Collectors.groupingBy(Span::code));
                for (Map.Entry<String, List<Span>> entry : spans.entrySet()) {
                    UnitizingAnnotationStudy ofCode = byCode.computeIfAbsent(entry.getKey(),
                            code -> new UnitizingAnnotationStudy(coders.size(), 0, length));
                    for (long[] interval : merged(entry.getValue())) {
                        ofCode.addUnit(offset + interval[0], interval[1] - interval[0], rater, entry.getKey());
                    }
                }
            }
            offset += document.length();
        }
        if (byCode.isEmpty()) {
            return alphas;
        }
        double observed = 0;
        double expected = 0;
        for (Map.Entry<String, UnitizingAnnotationStudy> entry : byCode.entrySet()) {
            CategoryDisagreement ofCode = new CategoryDisagreement(entry.getValue());
            alphas.put(entry.getKey(), safe(() -> ofCode.calculateCategoryAgreement(entry.getKey())));
            observed += ofCode.observed(entry.getKey());
            expected += ofCode.expected(entry.getKey());
        }
        double disagreement = observed / expected;
        alphas.put(null, safe(() -> 1 - disagreement));
        return alphas;
    }

    /** DKPro's disagreements of one category, which its overall unitizing alpha sums over the categories. */
    private static final class CategoryDisagreement extends KrippendorffAlphaUnitizingAgreement {
        CategoryDisagreement(UnitizingAnnotationStudy study) {
            super(study);
        }

        double observed(String code) {
            return calculateObservedCategoryDisagreement(code);
        }

        double expected(String code) {
            return calculateExpectedCategoryDisagreement(code);
        }
    }

    /**
     * Matches spans of the same code across coders: a span joins the group whose first span it overlaps
     * most (at least {@code threshold}) if that group has no span of its coder yet. A group is agreed
     * when every coder is in it.
     */
    public static List<Cluster> clusters(Document document, List<String> coders, double threshold) {
        List<Cluster> result = new ArrayList<>();
        Map<String, List<Span>> byCode = document.spans().stream().filter(s -> coders.contains(s.coder()))
                .collect(Collectors.groupingBy(Span::code, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Span>> entry : byCode.entrySet()) {
            List<List<Span>> groups = new ArrayList<>();
            entry.getValue().stream().sorted(Comparator.comparingLong(Span::start).thenComparingLong(Span::end)
                    .thenComparing(Span::coder)).forEach(span -> {
                        List<Span> best = null;
                        double bestOverlap = 0;
                        for (List<Span> group : groups) {
                            boolean coderIn = group.stream().anyMatch(s -> s.coder().equals(span.coder()));
                            double overlap = span.overlap(group.get(0));
                            if (!coderIn && overlap >= threshold && overlap > bestOverlap) {
                                best = group;
                                bestOverlap = overlap;
                            }
                        }
                        if (best == null) {
                            best = new ArrayList<>();
                            groups.add(best);
                        }
                        best.add(span);
                    });
            for (List<Span> group : groups) {
                result.add(new Cluster(document.id(), entry.getKey(), List.copyOf(group), group.size() == coders.size()));
            }
        }
        return result;
    }

    static SegmentAgreement segments(List<Cluster> clusters, List<String> coders, double threshold) {
        if (coders.size() != 2) {
            return null;
        }
        int agreements = 0;
        int disagreements = 0;
        for (Cluster cluster : clusters) {
            if (cluster.agreed()) {
                agreements += cluster.spans().size();
            } else {
                disagreements += cluster.spans().size();
            }
        }
        int codes = (int) clusters.stream().map(Cluster::code).distinct().count();
        return SegmentAgreement.of(threshold, agreements, disagreements, codes);
    }

    /** Which paragraphs each coder touched with each code, computed once per document. */
    private record Coverage(BitSet coded, List<Map<String, BitSet>> byCoder, List<Boolean> present) {

        static Coverage of(Document document, List<String> coders) {
            BitSet coded = new BitSet();
            List<Map<String, BitSet>> byCoder = new ArrayList<>();
            List<Boolean> present = new ArrayList<>();
            for (String coder : coders) {
                byCoder.add(new HashMap<>());
                present.add(false);
            }
            for (Span span : document.spans()) {
                coded.set(span.firstParagraph(), span.lastParagraph() + 1);
                int i = coders.indexOf(span.coder());
                if (i >= 0) {
                    present.set(i, true);
                    byCoder.get(i).computeIfAbsent(span.code(), c -> new BitSet())
                            .set(span.firstParagraph(), span.lastParagraph() + 1);
                }
            }
            return new Coverage(coded, byCoder, present);
        }

        /** Each coded paragraph is a unit of the code: present (1), absent (0), or unrated by a coder who did not code here. */
        void addUnits(String code, BinaryAgreement... into) {
            BitSet none = new BitSet();
            int[] values = new int[byCoder.size()];
            for (int n = coded.nextSetBit(0); n >= 0; n = coded.nextSetBit(n + 1)) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = present.get(i) ? (byCoder.get(i).getOrDefault(code, none).get(n) ? 1 : 0) : -1;
                }
                for (BinaryAgreement agreement : into) {
                    agreement.add(values);
                }
            }
        }
    }

    private static boolean codedByAll(Document document, List<String> coders) {
        return coders.stream().allMatch(c -> document.spans().stream().anyMatch(s -> s.coder().equals(c)));
    }

    static List<long[]> merged(List<Span> spans) {
        List<long[]> intervals = new ArrayList<>();
        spans.stream().sorted(Comparator.comparingLong(Span::start)).forEach(span -> {
            long[] last = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1);
            if (last != null && span.start() < last[1]) {
                last[1] = Math.max(last[1], span.end());
            } else {
                intervals.add(new long[] {span.start(), span.end()});
            }
        });
        return intervals;
    }

    private static CodingAnnotationStudy study(List<Object[]> rows, int coders) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(coders);
        rows.forEach(study::addItemAsArray);
        return study;
    }

    private static int present(Object[] row) {
        int n = 0;
        for (Object value : row) {
            if (value != null) {
                n++;
            }
        }
        return n;
    }

    private static Coefficients with(Coefficients nominal, Double unitizing, SegmentAgreement segments) {
        return new Coefficients(nominal.units(), nominal.percentAgreement(), nominal.cohenKappa(), nominal.fleissKappa(),
                nominal.krippendorffAlpha(), unitizing, segments, nominal.completeUnits(), nominal.intervals());
    }

    /** Undefined coefficients (no variation, no pairs) come back as null rather than NaN or an exception. */
    private static Double safe(Supplier<Double> measure) {
        try {
            Double value = measure.get();
            return value == null || value.isNaN() || value.isInfinite() ? null : value;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

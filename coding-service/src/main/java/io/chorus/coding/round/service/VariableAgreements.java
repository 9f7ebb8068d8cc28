package io.chorus.coding.round.service;

import io.chorus.coding.round.agreement.Document;
import io.chorus.coding.round.agreement.Span;
import io.chorus.coding.round.agreement.VariableAgreement;
import io.chorus.coding.codebook.repository.Code;
import io.chorus.coding.round.repository.CodingRound;
import io.chorus.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Agreement on one variable of a round's codebook (a code group whose codes are mutually exclusive categories), on
 * the units the caller asks for: each paragraph any coder gave one of its categories, or each coded segment (the
 * coders' overlapping passages of its categories, taken together). A coder's value for a unit is the category they
 * gave it; a coder who gave it none has no value there.
 */
@ApplicationScoped
@Transactional
public class VariableAgreements {

    static final String METHOD = "Units: %s. A coder's value for a unit is the category of the variable they gave it; one who gave "
            + "none has no value there. Percent agreement, Cohen's kappa, weighted kappa, Scott's pi, Fleiss' kappa, Brennan-Prediger "
            + "and Gwet's AC1 use the units every coder rated; Krippendorff's alpha uses every unit two or more coders rated. "
            + "Chance-corrected measures count all of the variable's categories, used or not.";

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "VariableCategory")
    public record Category(UUID codeId, String name, Double value) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "UnitsLeftOut")
    public record LeftOut(String reason, int units) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AgreementUnits")
    public record UnitCount(String unit, int total, int ratedByEveryCoder, int ratedByTwoOrMore, List<LeftOut> leftOut) {
    }

    public record VariableAgreementReport(UUID roundId, UUID variableId, String variable, String level, List<String> coders,
            List<Category> categories, UnitCount units, VariableAgreement.Coefficients coefficients, String method) {
    }

    static final String NOT_EVERY_CODER = "not rated by every coder: in percent agreement, Fleiss' kappa, Brennan-Prediger, AC1 "
            + "and Krippendorff's alpha, but not in Cohen's or weighted kappa, Scott's pi or completeUnits";

    @Inject
    RoundService rounds;

    public VariableAgreementReport agreement(UUID roundId, UUID variableId, String unit, String onlyTranscript) {
        CodingRound round = rounds.revealed(roundId);
        Code variable = Code.findById(variableId);
        if (variable == null || !variable.codebookId.equals(round.codebookId)) {
            throw ProblemException.notFound("Code '" + variableId + "' in the codebook of round '" + round.name + "'");
        }
        if (variable.variableLevel == null) {
            throw ProblemException.invalid("/codeId", "'" + variable.name + "' is not a variable: declare its codes mutually exclusive "
                    + "with PUT /api/codes/" + variable.id + "/variable");
        }
        VariableAgreement.Level level = VariableAgreement.Level.of(variable.variableLevel);
        List<Code> codes = Code.<Code>list("parentId = ?1 and retiredIn is null", variable.id).stream()
                .sorted(Comparator.comparing((Code c) -> c.categoryValue == null ? 0 : c.categoryValue).thenComparingInt(c -> c.position))
                .toList();
        Map<String, Object> valueOf = new TreeMap<>();
        codes.forEach(c -> valueOf.put(c.id.toString(), level == VariableAgreement.Level.NOMINAL ? c.id.toString() : c.categoryValue));
        Map<String, List<String>> assignments = assignments(round, onlyTranscript);
        List<String> coders = assignments.values().stream().flatMap(List::stream).distinct().sorted().toList();
        List<Object[]> rows = new ArrayList<>();
        for (String transcript : assignments.keySet()) {
            List<Span> spans = rounds.document(round, transcript).spans().stream().filter(s -> valueOf.containsKey(s.code())).toList();
            rows.addAll(unit.equals("segment") ? bySegment(spans, coders, valueOf) : byParagraph(spans, coders, valueOf));
        }
        VariableAgreement.Result result = new VariableAgreement(level, codes.stream().map(c -> valueOf.get(c.id.toString())).toList())
                .compute(rows, coders.size());
        VariableAgreement.Units counted = result.units();
        UnitCount units = new UnitCount(unit, counted.total(), counted.complete(), counted.pairable(), List.of(
                new LeftOut("rated by one coder only: no pair to compare", counted.total() - counted.pairable()),
                new LeftOut(NOT_EVERY_CODER, counted.pairable() - counted.complete())));
        return new VariableAgreementReport(round.id, variable.id, variable.name, variable.variableLevel, coders,
                codes.stream().map(c -> new Category(c.id, c.name, c.categoryValue)).toList(), units, result.coefficients(),
                METHOD.formatted(unit.equals("segment") ? "each coded segment: passages of the variable's categories that overlap, "
                        + "taken together across coders" : "each paragraph any coder gave one of the variable's categories"));
    }

    public record ValenceAgreementReport(UUID roundId, List<String> coders, double overlap, List<String> categories, UnitCount units,
            VariableAgreement.Coefficients coefficients, String method) {
    }

    /**
     * Agreement on valence (facilitator, barrier, mixed, neutral) where the coders agree on the code: each unit is a
     * passage every coder coded with the same code (matched at {@code overlap}, as in the comparison), and a coder's value
     * is the valence they gave their coding of it (none: no value).
     */
    public ValenceAgreementReport valence(UUID roundId, String onlyTranscript, double overlap) {
        CodingRound round = rounds.revealed(roundId);
        Map<String, List<String>> assignments = assignments(round, onlyTranscript);
        List<String> coders = assignments.values().stream().flatMap(List::stream).distinct().sorted().toList();
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> assigned : assignments.entrySet()) {
            Map<String, String> valences = new java.util.HashMap<>();
            io.chorus.coding.coding.repository.Coding.<io.chorus.coding.coding.repository.Coding>list("roundId = ?1 and transcriptId = ?2 and consensus = false",
                    round.id, assigned.getKey()).forEach(c -> valences.put(c.id.toString(), c.valence));
            for (io.chorus.coding.round.agreement.AgreementCalculator.Cluster cluster : io.chorus.coding.round.agreement.AgreementCalculator
                    .clusters(rounds.document(round, assigned.getKey()), assigned.getValue(), overlap)) {
                if (cluster.agreed()) {
                    Object[] row = new Object[coders.size()];
                    cluster.spans().forEach(span -> row[coders.indexOf(span.coder())] = valences.get(span.ref()));
                    rows.add(row);
                }
            }
        }
        List<Object> categories = List.of("facilitator", "barrier", "mixed", "neutral");
        VariableAgreement.Result result = new VariableAgreement(VariableAgreement.Level.NOMINAL, categories).compute(rows, coders.size());
        VariableAgreement.Units counted = result.units();
        UnitCount units = new UnitCount("passage coded alike by every coder", counted.total(), counted.complete(), counted.pairable(),
                List.of(new LeftOut("a valence from one coder only, or none", counted.total() - counted.pairable()),
                        new LeftOut(NOT_EVERY_CODER, counted.pairable() - counted.complete())));
        return new ValenceAgreementReport(round.id, coders, overlap, categories.stream().map(Object::toString).toList(), units,
                result.coefficients(), METHOD.formatted("each passage every coder coded with the same code (overlapping by at least "
                        + overlap + "); the value is the valence each gave it"));
    }

    /** The round's transcripts and their coders, or only the one transcript asked for. */
    private Map<String, List<String>> assignments(CodingRound round, String onlyTranscript) {
        Map<String, List<String>> assignments = rounds.assignments(round.id);
        if (onlyTranscript == null) {
            return assignments;
        }
        if (!assignments.containsKey(onlyTranscript)) {
            throw ProblemException.notFound("Transcript '" + onlyTranscript + "' in round '" + round.name + "'");
        }
        return Map.of(onlyTranscript, assignments.get(onlyTranscript));
    }

    private static List<Object[]> byParagraph(List<Span> spans, List<String> coders, Map<String, Object> valueOf) {
        Map<Integer, Object[]> byParagraph = new TreeMap<>();
        for (Span span : spans) {
            for (int n = span.firstParagraph(); n <= span.lastParagraph(); n++) {
                Object[] row = byParagraph.computeIfAbsent(n, k -> new Object[coders.size()]);
                int coder = coders.indexOf(span.coder());
                if (row[coder] == null) {
                    row[coder] = valueOf.get(span.code());
                }
            }
        }
        return new ArrayList<>(byParagraph.values());
    }

    /** Overlapping passages (of any category, by any coder) form one unit; passages that touch no other are units alone. */
    private static List<Object[]> bySegment(List<Span> spans, List<String> coders, Map<String, Object> valueOf) {
        List<Object[]> rows = new ArrayList<>();
        List<Span> sorted = spans.stream().sorted(Comparator.comparingLong(Span::start).thenComparingLong(Span::end)).toList();
        Object[] row = null;
        long end = Long.MIN_VALUE;
        for (Span span : sorted) {
            if (row == null || span.start() >= end) {
                row = new Object[coders.size()];
                rows.add(row);
            }
            end = Math.max(end, span.end());
            int coder = coders.indexOf(span.coder());
            if (row[coder] == null) {
                row[coder] = valueOf.get(span.code());
            }
        }
        return rows;
    }
}

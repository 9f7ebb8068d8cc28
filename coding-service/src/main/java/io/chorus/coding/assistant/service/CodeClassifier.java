package io.chorus.coding.assistant.service;

import de.bwaldvogel.liblinear.Feature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Learns a codebook's codes from the team's coding. Each code with enough coded paragraphs gets a one-vs-rest logistic
 * regression over the paragraphs' sentence embeddings (class-weighted, so a rare code is not drowned by the rest; a
 * consensus coding counts three times, a paragraph two coders gave the code twice). A second, shared logistic regression
 * then combines, for every code, that model's decision value with the passage's similarity to the code's definition,
 * inclusion criteria and example and to the latest passages coded with it: a code with too few codings (cold start) still
 * gets a probability from its definition and examples. The combiner is fitted on out-of-fold decision values, which makes
 * its output a probability calibrated on held-out data.
 *
 * <p>Evaluation is k-fold cross-validation by transcript (never a paragraph of one transcript on both sides); the
 * combiner and each code's F1-maximising threshold are chosen on the other folds' predictions (cross-fitting), so the
 * reported precision, recall and F1 come from decisions taken without the fold's answers. Today's method (the best
 * similarity alone) is evaluated on the same folds, as the baseline. The per-fold models are kept: the assistant coding
 * a transcript in a round uses the one that never saw that transcript.
 */
public final class CodeClassifier {

    /** A paragraph the team coded: the codes it carries with their weights (1 one coder, 2 two or more, 3 consensus). */
    public record Example(String transcriptId, int paragraph, float[] vector, Map<UUID, Integer> weights, long codedAt) {
    }

    /** A code: its name, the vectors of its definition, inclusion criteria and example, and how many codings it has. */
    public record CodeInfo(UUID id, String name, List<float[]> descriptions, int codings) {
    }

    /**
     * @param maxFolds folds of the cross-validation for up to {@link #LARGE} coded paragraphs (fewer with fewer transcripts)
     * @param largeFolds folds beyond that: each fold costs a training of every code
     */
    public record Settings(int maxFolds, int largeFolds, int minPositives, int nearest, double c) {
        public static final int LARGE = 2_000;
        public static final Settings DEFAULT = new Settings(10, 5, 3, Suggestions.CODED_PER_CODE, 4.0);
    }

    @Schema(name = "AssistantScores", description = "Top-k accuracy over the coded paragraphs (is one of the paragraph's codes among the k "
            + "most probable) and precision, recall and F1 of the thresholded decisions, pooled over codes (micro) and averaged over "
            + "codes with at least one coded paragraph (macro)")
    public record Scores(double top1, double top3, double microPrecision, double microRecall, double microF1, double macroF1) {
    }

    @Schema(name = "AssistantCodeScore")
    public record CodeScore(UUID codeId, String code,
            @Schema(description = "Codings of the code the model learned from") int codings,
            @Schema(description = "Coded paragraphs carrying the code") int paragraphs, double precision, double recall, double f1,
            @Schema(description = "The probability from which the assistant applies the code, the one that maximised its F1 on held-out folds")
            double threshold,
            @Schema(description = "model: the code's own classifier with the similarities; similarity: too few codings yet, its "
                    + "definition, criteria, example and coded passages alone", enumeration = {"model", "similarity"}) String source) {
    }

    @Schema(name = "AssistantCrossValidation", description = "How well the assistant predicts the team's codes of paragraphs it did not "
            + "learn from")
    public record Evaluation(@Schema(description = "Folds of the cross-validation, split by transcript; 0 with fewer than two coded transcripts")
            int folds, int transcripts, int paragraphs, int codings,
            @Schema(description = "Whether the probabilities are calibrated on held-out data (false until two transcripts are coded)")
            boolean calibrated,
            @Schema(description = "The learned assistant") Scores learned,
            @Schema(description = "Today's method on the same folds: the best similarity to a code's texts and coded passages") Scores baseline,
            List<CodeScore> codes) {
    }

    /** A trained codebook model: per code (in {@code codes} order) its weights or null, the combiner, the thresholds. */
    public record Trained(List<UUID> codes, double[][] weights, double[] priors, double[] combiner, double[] thresholds,
            Map<String, Integer> foldOf, double[][][] foldWeights, double[][] foldPriors, Evaluation evaluation) {

        /** The calibrated probability of code {@code code} for a paragraph; with {@code heldOut}, by the model that never saw that transcript. */
        public double probability(int code, float[] vector, double definition, double nearest, String heldOut) {
            return combine(evaluation.calibrated() ? combiner : null, evidence(weightsOf(code, heldOut), vector, definition, nearest,
                    priorOf(code, heldOut)));
        }

        /** The log-odds of the code among the coded paragraphs the model (or the one that never saw {@code heldOut}) learned from. */
        double priorOf(int code, String heldOut) {
            if (code < 0) {
                return prior(0, evaluation.paragraphs());
            }
            Integer fold = heldOut == null ? null : foldOf.get(heldOut);
            return fold == null ? priors[code] : foldPriors[fold][code];
        }

        /** The code's own classifier (the one that never saw {@code heldOut}, if given), or null: it has too few codings, or is new. */
        public double[] weightsOf(int code, String heldOut) {
            if (code < 0) {
                return null;
            }
            Integer fold = heldOut == null ? null : foldOf.get(heldOut);
            return fold == null ? weights[code] : foldWeights[fold][code];
        }

        /** The code's threshold; a code added since the training gets 0.5. */
        public double thresholdOf(int code) {
            return code < 0 ? 0.5 : thresholds[code];
        }

        public int indexOf(UUID code) {
            return codes.indexOf(code);
        }
    }

    /** Stored while the combiner is not fitted; never used to score (see {@link #combine}). */
    static final double[] UNCALIBRATED = new double[10];
    /**
     * Fewer coded paragraph-code pairs than this leave too little to fit the combiner on (on the generated study of
     * {@code ./platform bench-assistant}, a combiner fitted on 10 or 20 did worse than the similarities alone).
     */
    static final int MIN_CALIBRATION_POSITIVES = 40;

    /**
     * A code's probability from its evidence: the fitted combiner's; without one (too few codings yet), the score of the
     * similarities alone as before the assistant learned: the best of them, 0.5 at a cosine of 0.5. Not calibrated.
     */
    static double combine(double[] combiner, double[] evidence) {
        if (combiner == null) {
            double best = Double.isNaN(evidence[2]) ? evidence[1] : Math.max(evidence[1], evidence[2]);
            return LogisticFit.sigmoid(10 * best - 5);
        }
        return LogisticFit.sigmoid(LogisticFit.decision(combiner, features(evidence)));
    }
    private static final int SUBSAMPLED_NEGATIVES_PER_POSITIVE = 5;
    private static final int COMBINER_POSITIVES = 5_000;
    private static final int NEGATIVES_PER_POSITIVE = 10;

    private CodeClassifier() {
    }

    /**
     * What the combiner weighs for one paragraph and code: the code model's decision value (NaN without a model), the
     * best similarity to the code's texts, and to its coded passages (NaN when none is known), and how common the code is.
     */
    static double[] evidence(double[] weights, float[] vector, double definition, double nearest, double prior) {
        double z = weights == null ? Double.NaN : Math.max(-20, Math.min(20, LogisticFit.decision(weights, vector)));
        return new double[] {z, definition, nearest, prior};
    }

    /** Smoothed log-odds of a code carried by {@code positives} of {@code paragraphs} coded paragraphs. */
    static double prior(int positives, int paragraphs) {
        return Math.log((positives + 1.0) / (paragraphs - positives + 1.0));
    }

    /**
     * The combiner's inputs: a code with a model and one without (cold) get their own weights for the similarities, so
     * that a cold code's probability is calibrated on similarity alone. How common a code is counts only for a code with
     * a model: a code added late is rare so far, and must still come up when a passage matches its definition.
     */
    static double[] features(double[] evidence) {
        boolean learned = !Double.isNaN(evidence[0]);
        boolean coded = !Double.isNaN(evidence[2]);
        double nearest = coded ? evidence[2] : 0;
        double on = learned ? 1 : 0;
        double off = 1 - on;
        return new double[] {learned ? evidence[0] : 0, on, evidence[1] * on, nearest * on, (coded ? 1 : 0) * on, evidence[1] * off,
                nearest * off, (coded ? 1 : 0) * off, evidence[3] * on};
    }

    /** The same evidence as if the code had no model yet. */
    static double[] cold(double[] evidence) {
        return new double[] {Double.NaN, evidence[1], evidence[2], evidence[3]};
    }

    /** The best cosine similarity of a vector to any of several; 0 when there are none. */
    static double bestSimilarity(float[] vector, List<float[]> others) {
        double best = 0;
        boolean any = false;
        for (float[] other : others) {
            double similarity = SentenceEmbeddings.cosine(vector, other);
            best = any ? Math.max(best, similarity) : similarity;
            any = true;
        }
        return best;
    }

    public static Trained train(List<CodeInfo> codes, List<Example> examples, Settings settings) {
        return new Run(codes, examples, settings).train();
    }

    /** One training: the data, the folds, and the out-of-fold predictions they give. */
    private static final class Run {
        final List<CodeInfo> codes;
        final List<Example> examples;
        final Settings settings;
        final int n;
        final int m;
        final List<Feature[]> rows = new ArrayList<>();
        final boolean[][] label;
        final double[][] definition;
        final int[] fold;
        final Map<String, Integer> foldOf = new LinkedHashMap<>();
        final int folds;

        Run(List<CodeInfo> codes, List<Example> examples, Settings settings) {
            this.codes = codes;
            this.examples = examples;
            this.settings = settings;
            n = examples.size();
            m = codes.size();
            label = new boolean[n][m];
            definition = new double[n][m];
            for (int e = 0; e < n; e++) {
                Example example = examples.get(e);
                rows.add(LogisticFit.row(example.vector()));
                for (int c = 0; c < m; c++) {
                    label[e][c] = example.weights().containsKey(codes.get(c).id());
                    definition[e][c] = bestSimilarity(example.vector(), codes.get(c).descriptions());
                }
            }
            folds = assignFolds();
            fold = new int[n];
            for (int e = 0; e < n; e++) {
                fold[e] = folds < 2 ? 0 : foldOf.get(examples.get(e).transcriptId());
            }
        }

        /** Transcripts, largest first, each to the fold with the fewest paragraphs so far: folds of about equal size. */
        private int assignFolds() {
            Map<String, Integer> sizes = new HashMap<>();
            examples.forEach(e -> sizes.merge(e.transcriptId(), 1, Integer::sum));
            int k = Math.min(examples.size() > Settings.LARGE ? settings.largeFolds() : settings.maxFolds(), sizes.size());
            if (k < 2) {
                return 0;
            }
            int[] filled = new int[k];
            sizes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(transcript -> {
                        int smallest = 0;
                        for (int f = 1; f < k; f++) {
                            smallest = filled[f] < filled[smallest] ? f : smallest;
                        }
                        filled[smallest] += transcript.getValue();
                        foldOf.put(transcript.getKey(), smallest);
                    });
            return k;
        }

        Trained train() {
            double[][] weights = codeModels(e -> true, null);
            double[] priors = priors(e -> true);
            if (folds < 2) {
                double[] thresholds = new double[m];
                Arrays.fill(thresholds, 0.5);
                List<CodeScore> scores = new ArrayList<>();
                for (int c = 0; c < m; c++) {
                    scores.add(new CodeScore(codes.get(c).id(), codes.get(c).name(), codes.get(c).codings(), positives(c, e -> true), 0, 0, 0,
                            0.5, weights[c] == null ? "similarity" : "model"));
                }
                int transcripts = (int) examples.stream().map(Example::transcriptId).distinct().count();
                return new Trained(ids(), weights, priors, UNCALIBRATED, thresholds, Map.of(), new double[0][][], new double[0][],
                        new Evaluation(0, transcripts, n, codings(), false, null, null, scores));
            }
            double[][][] foldWeights = new double[folds][][];
            double[][] foldPriors = new double[folds][];
            double[][][] outOfFold = new double[n][][];
            for (int f = 0; f < folds; f++) {
                int held = f;
                foldWeights[f] = codeModels(e -> fold[e] != held, weights);
                foldPriors[f] = priors(e -> fold[e] != held);
                List<List<float[]>> nearest = latestCoded(e -> fold[e] != held);
                for (int e = 0; e < n; e++) {
                    if (fold[e] == f) {
                        outOfFold[e] = new double[m][];
                        for (int c = 0; c < m; c++) {
                            List<float[]> coded = nearest.get(c);
                            double best = coded.isEmpty() ? Double.NaN : bestSimilarity(examples.get(e).vector(), coded);
                            outOfFold[e][c] = evidence(foldWeights[f][c], examples.get(e).vector(), definition[e][c], best, foldPriors[f][c]);
                        }
                    }
                }
            }
            double[][] learned = new double[n][m];
            double[][] baseline = new double[n][m];
            for (int f = 0; f < folds; f++) {
                int held = f;
                double[] combiner = calibrated() ? combiner(outOfFold, e -> fold[e] != held) : null;
                for (int e = 0; e < n; e++) {
                    if (fold[e] == f) {
                        for (int c = 0; c < m; c++) {
                            double[] x = outOfFold[e][c];
                            learned[e][c] = combine(combiner, x);
                            baseline[e][c] = Double.isNaN(x[2]) ? x[1] : Math.max(x[1], x[2]);
                        }
                    }
                }
            }
            double[] thresholds = new double[m];
            double global = globalThreshold(learned, -1);
            for (int c = 0; c < m; c++) {
                thresholds[c] = threshold(learned, c, -1, global);
            }
            List<CodeScore> perCode = new ArrayList<>();
            Scores learnedScores = scores(learned, perCode);
            Scores baselineScores = scores(baseline, null);
            List<CodeScore> withThresholds = new ArrayList<>();
            for (int c = 0; c < m; c++) {
                CodeScore score = perCode.get(c);
                withThresholds.add(new CodeScore(score.codeId(), score.code(), score.codings(), score.paragraphs(), score.precision(),
                        score.recall(), score.f1(), round(thresholds[c]), weights[c] == null ? "similarity" : "model"));
            }
            double[] combiner = calibrated() ? combiner(outOfFold, e -> true) : null;
            return new Trained(ids(), weights, priors, combiner == null ? UNCALIBRATED : combiner, thresholds, foldOf, foldWeights, foldPriors,
                    new Evaluation(folds, foldOf.size(), n, codings(), combiner != null, learnedScores, baselineScores, withThresholds));
        }

        private List<UUID> ids() {
            return codes.stream().map(CodeInfo::id).toList();
        }

        /** Enough coded paragraph-code pairs to fit the combiner on. */
        private boolean calibrated() {
            int positives = 0;
            for (int c = 0; c < m; c++) {
                positives += positives(c, e -> true);
            }
            return positives >= MIN_CALIBRATION_POSITIVES;
        }

        private double[] priors(java.util.function.IntPredicate among) {
            int paragraphs = 0;
            for (int e = 0; e < n; e++) {
                paragraphs += among.test(e) ? 1 : 0;
            }
            double[] priors = new double[m];
            for (int c = 0; c < m; c++) {
                priors[c] = prior(positives(c, among), paragraphs);
            }
            return priors;
        }

        private int codings() {
            return codes.stream().mapToInt(CodeInfo::codings).sum();
        }

        private int positives(int c, java.util.function.IntPredicate among) {
            int count = 0;
            for (int e = 0; e < n; e++) {
                count += among.test(e) && label[e][c] ? 1 : 0;
            }
            return count;
        }

        /**
         * Per code, the logistic regression on the chosen paragraphs, or null with too few of them carrying the code; from
         * {@code start} (the models on all paragraphs, which a fold's differ little from) when given.
         */
        private double[][] codeModels(java.util.function.IntPredicate among, double[][] start) {
            double[][] weights = new double[m][];
            for (int c = 0; c < m; c++) {
                int positives = positives(c, among);
                int negatives = 0;
                for (int e = 0; e < n; e++) {
                    negatives += among.test(e) && !label[e][c] ? 1 : 0;
                }
                if (positives < settings.minPositives() || negatives == 0) {
                    continue;
                }
                UUID code = codes.get(c).id();
                // beyond ten negatives per positive, more add time, not accuracy: the rest are sampled and weighted back up
                double keep = Math.min(1, (double) NEGATIVES_PER_POSITIVE * positives / negatives);
                List<Feature[]> chosen = new ArrayList<>();
                List<Boolean> positive = new ArrayList<>();
                double positiveMass = 0;
                double negativeMass = 0;
                for (int e = 0; e < n; e++) {
                    if (!among.test(e) || (!label[e][c] && !sampled(e, c, keep))) {
                        continue;
                    }
                    Map<UUID, Integer> carried = examples.get(e).weights();
                    int weight = label[e][c] ? carried.get(code) : carried.values().stream().mapToInt(Integer::intValue).max().orElse(1);
                    for (int copy = 0; copy < weight; copy++) {
                        chosen.add(rows.get(e));
                        positive.add(label[e][c]);
                    }
                    positiveMass += label[e][c] ? weight : 0;
                    negativeMass += label[e][c] ? 0 : weight / keep;
                }
                boolean[] flags = new boolean[positive.size()];
                for (int i = 0; i < flags.length; i++) {
                    flags[i] = positive.get(i);
                }
                weights[c] = LogisticFit.fit(chosen, flags, examples.get(0).vector().length, settings.c(), negativeMass / positiveMass, 1 / keep,
                        start == null ? null : start[c]);
            }
            return weights;
        }

        /** Per code, the vectors of the latest {@code nearest} chosen paragraphs carrying it (as the live suggestion reads them). */
        private List<List<float[]>> latestCoded(java.util.function.IntPredicate among) {
            Integer[] order = new Integer[n];
            for (int e = 0; e < n; e++) {
                order[e] = e;
            }
            Arrays.sort(order, Comparator.comparingLong((Integer e) -> examples.get(e).codedAt()).reversed());
            List<List<float[]>> latest = new ArrayList<>();
            for (int c = 0; c < m; c++) {
                List<float[]> coded = new ArrayList<>();
                for (int e : order) {
                    if (coded.size() < settings.nearest() && among.test(e) && label[e][c]) {
                        coded.add(examples.get(e).vector());
                    }
                }
                latest.add(coded);
            }
            return latest;
        }

        /**
         * The shared combiner, fitted on the chosen paragraphs' out-of-fold evidence, each row also as if its code were cold;
         * negatives subsampled and weighted back up. Null when the chosen rows hold no positive or no negative.
         */
        private double[] combiner(double[][][] outOfFold, java.util.function.IntPredicate among) {
            int positives = 0;
            int negatives = 0;
            for (int e = 0; e < n; e++) {
                for (int c = 0; c < m; c++) {
                    if (among.test(e)) {
                        positives += label[e][c] ? 1 : 0;
                        negatives += label[e][c] ? 0 : 1;
                    }
                }
            }
            if (positives == 0 || negatives == 0) {
                return null;
            }
            double keepPositive = Math.min(1, (double) COMBINER_POSITIVES / positives);
            double keep = Math.min(1, (double) SUBSAMPLED_NEGATIVES_PER_POSITIVE * positives * keepPositive / negatives);
            List<Feature[]> chosen = new ArrayList<>();
            List<Boolean> positive = new ArrayList<>();
            for (int e = 0; e < n; e++) {
                for (int c = 0; c < m; c++) {
                    if (among.test(e) && sampled(e, c, label[e][c] ? keepPositive : keep)) {
                        chosen.add(LogisticFit.row(features(outOfFold[e][c])));
                        positive.add(label[e][c]);
                        if (!Double.isNaN(outOfFold[e][c][0])) {
                            chosen.add(LogisticFit.row(features(cold(outOfFold[e][c]))));
                            positive.add(label[e][c]);
                        }
                    }
                }
            }
            boolean[] flags = new boolean[positive.size()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = positive.get(i);
            }
            return LogisticFit.fit(chosen, flags, UNCALIBRATED.length - 1, 10, 1 / keepPositive, 1 / keep, null);
        }

        /** Whether the row of paragraph e and code c is in a sample of the given share (the same rows on every call). */
        private static boolean sampled(int e, int c, double share) {
            return share >= 1 || Math.floorMod((e * 31 + c) * 0x9E3779B1, 1_000_000) < share * 1_000_000;
        }

        /** The probability that maximises code c's F1 over paragraphs outside fold {@code except}; {@code fallback} with too few positives. */
        private double threshold(double[][] probability, int c, int except, double fallback) {
            List<double[]> scored = new ArrayList<>();
            for (int e = 0; e < n; e++) {
                if (fold[e] != except) {
                    scored.add(new double[] {probability[e][c], label[e][c] ? 1 : 0});
                }
            }
            long positives = scored.stream().filter(s -> s[1] > 0).count();
            return positives < settings.minPositives() ? fallback : bestF1Threshold(scored, positives);
        }

        /** One threshold for all codes, maximising the pooled F1 outside fold {@code except}. */
        private double globalThreshold(double[][] probability, int except) {
            List<double[]> scored = new ArrayList<>();
            for (int e = 0; e < n; e++) {
                for (int c = 0; c < m; c++) {
                    if (fold[e] != except) {
                        scored.add(new double[] {probability[e][c], label[e][c] ? 1 : 0});
                    }
                }
            }
            long positives = scored.stream().filter(s -> s[1] > 0).count();
            return positives == 0 ? 0.5 : bestF1Threshold(scored, positives);
        }

        /** Precision, recall and F1 of decisions made with each fold's thresholds chosen on the other folds; per code into {@code perCode}. */
        private Scores scores(double[][] probability, List<CodeScore> perCode) {
            int[] tp = new int[m];
            int[] fp = new int[m];
            int[] fn = new int[m];
            double[][] thresholds = new double[folds][m];
            for (int f = 0; f < folds; f++) {
                double global = globalThreshold(probability, f);
                for (int c = 0; c < m; c++) {
                    thresholds[f][c] = threshold(probability, c, f, global);
                }
            }
            int top1 = 0;
            int top3 = 0;
            for (int e = 0; e < n; e++) {
                Integer[] ranked = new Integer[m];
                for (int c = 0; c < m; c++) {
                    ranked[c] = c;
                    boolean predicted = probability[e][c] >= thresholds[fold[e]][c];
                    tp[c] += predicted && label[e][c] ? 1 : 0;
                    fp[c] += predicted && !label[e][c] ? 1 : 0;
                    fn[c] += !predicted && label[e][c] ? 1 : 0;
                }
                int row = e;
                Arrays.sort(ranked, Comparator.comparingDouble((Integer c) -> -probability[row][c]).thenComparing(c -> c));
                for (int r = 0; r < Math.min(3, m); r++) {
                    if (label[e][ranked[r]]) {
                        top1 += r == 0 ? 1 : 0;
                        top3++;
                        break;
                    }
                }
            }
            int sumTp = 0;
            int sumFp = 0;
            int sumFn = 0;
            double macro = 0;
            int withPositives = 0;
            for (int c = 0; c < m; c++) {
                sumTp += tp[c];
                sumFp += fp[c];
                sumFn += fn[c];
                double f1 = f1(tp[c], fp[c], fn[c]);
                if (tp[c] + fn[c] > 0) {
                    macro += f1;
                    withPositives++;
                }
                if (perCode != null) {
                    perCode.add(new CodeScore(codes.get(c).id(), codes.get(c).name(), codes.get(c).codings(), tp[c] + fn[c],
                            round(ratio(tp[c], tp[c] + fp[c])), round(ratio(tp[c], tp[c] + fn[c])), round(f1), 0, null));
                }
            }
            return new Scores(round(ratio(top1, n)), round(ratio(top3, n)), round(ratio(sumTp, sumTp + sumFp)),
                    round(ratio(sumTp, sumTp + sumFn)), round(f1(sumTp, sumFp, sumFn)), round(withPositives == 0 ? 0 : macro / withPositives));
        }
    }

    /** Sweeps the scores from high to low; decisions are score >= threshold. */
    static double bestF1Threshold(List<double[]> scored, long positives) {
        scored.sort(Comparator.comparingDouble((double[] s) -> -s[0]));
        double best = -1;
        double threshold = 1;
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < scored.size(); i++) {
            tp += scored.get(i)[1] > 0 ? 1 : 0;
            fp += scored.get(i)[1] > 0 ? 0 : 1;
            boolean lastOfTie = i + 1 == scored.size() || scored.get(i + 1)[0] < scored.get(i)[0];
            double f1 = 2.0 * tp / (tp + fp + positives);
            if (lastOfTie && f1 > best) {
                best = f1;
                threshold = scored.get(i)[0];
            }
        }
        return threshold;
    }

    static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

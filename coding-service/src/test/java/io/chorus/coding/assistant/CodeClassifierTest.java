package io.chorus.coding.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.coding.assistant.service.CodeClassifier;
import io.chorus.coding.assistant.service.CodeClassifier.CodeInfo;
import io.chorus.coding.assistant.service.CodeClassifier.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The learning itself, on synthetic studies: each code a direction in embedding space, its paragraphs scattered around it,
 * its definition a weaker hint of it. Fast and without a database; the service tests cover where the data comes from.
 */
class CodeClassifierTest {

    private static final int DIMENSIONS = 48;

    private record Study(List<CodeInfo> codes, List<float[]> centres, Random random) {

        static Study of(int codes, int codingsEach, long seed) {
            Random random = new Random(seed);
            List<CodeInfo> infos = new ArrayList<>();
            List<float[]> centres = new ArrayList<>();
            for (int c = 0; c < codes; c++) {
                float[] centre = unit(gaussian(random, 1));
                centres.add(centre);
                infos.add(new CodeInfo(UUID.randomUUID(), "code " + c, List.of(around(random, centre, 1.6)), codingsEach));
            }
            return new Study(infos, centres, random);
        }

        /** Paragraph p of transcript t, about code c. */
        Example paragraph(String transcript, int p, int c, double noise) {
            return new Example(transcript, p, around(random, centres.get(c), noise), Map.of(codes.get(c).id(), 1), p);
        }

        List<Example> transcripts(int count, int paragraphsEach, double noise) {
            List<Example> examples = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                for (int p = 1; p <= paragraphsEach; p++) {
                    examples.add(paragraph("t" + t, p, random.nextInt(codes.size()), noise));
                }
            }
            return examples;
        }
    }

    @Test
    void aModelLearnedFromCodingsBeatsSimilarityAloneOnTranscriptsItNeverSawAndItsProbabilitiesAreCalibrated() {
        Study study = Study.of(8, 50, 1);
        List<Example> coded = study.transcripts(40, 10, 2.5);
        CodeClassifier.Trained trained = CodeClassifier.train(study.codes(), coded, CodeClassifier.Settings.DEFAULT);

        CodeClassifier.Evaluation evaluation = trained.evaluation();
        assertEquals(10, evaluation.folds());
        assertEquals(40, evaluation.transcripts());
        assertEquals(400, evaluation.paragraphs());
        assertTrue(evaluation.calibrated());
        assertTrue(evaluation.learned().top1() > evaluation.baseline().top1() + 0.05, () -> "learned " + evaluation.learned()
                + " against similarity " + evaluation.baseline());
        assertTrue(evaluation.learned().top3() >= evaluation.learned().top1());
        assertTrue(evaluation.learned().macroF1() > evaluation.baseline().macroF1(), evaluation::toString);
        evaluation.codes().forEach(code -> {
            assertEquals("model", code.source());
            assertTrue(code.threshold() > 0 && code.threshold() < 1, code::toString);
        });
        // every transcript lies in exactly one fold, and the folds are about equal
        assertEquals(40, trained.foldOf().size());
        assertTrue(trained.foldOf().values().stream().allMatch(f -> f >= 0 && f < 10));

        // on new paragraphs from the same study: the true code ranks first mostly, and the mean probability is the base rate
        List<Example> fresh = study.transcripts(20, 10, 2.5);
        int first = 0;
        double sum = 0;
        for (Example example : fresh) {
            for (int c = 0; c < study.codes().size(); c++) {
                sum += trained.probability(c, example.vector(), cosine(example.vector(), study.codes().get(c).descriptions().get(0)),
                        nearest(example.vector(), coded, study.codes().get(c).id()), null);
            }
            first += example.weights().containsKey(study.codes().get(best(trained, study, coded, example.vector())).id()) ? 1 : 0;
        }
        double meanProbability = sum / (fresh.size() * study.codes().size());
        assertTrue(first >= 0.6 * fresh.size(), "top-1 on fresh paragraphs: " + first + " of " + fresh.size());
        assertTrue(Math.abs(meanProbability - 1.0 / 8) < 0.05, "mean probability " + meanProbability + " against a base rate of 0.125");
    }

    @Test
    void aCodeWithTooFewCodingsIsSuggestedFromItsDefinitionUntilItHasEnough() {
        Study study = Study.of(4, 30, 2);
        List<Example> coded = new ArrayList<>();
        for (Example example : study.transcripts(12, 10, 1.0)) {
            if (!example.weights().containsKey(study.codes().get(3).id())) {
                coded.add(example);
            }
        }
        coded.add(study.paragraph("t0", 99, 3, 1.0)); // one coding of the fourth code
        CodeClassifier.Trained trained = CodeClassifier.train(study.codes(), coded, CodeClassifier.Settings.DEFAULT);
        assertEquals("similarity", trained.evaluation().codes().get(3).source());
        assertNull(trained.weights()[3]);
        assertEquals("model", trained.evaluation().codes().get(0).source());

        // a passage close to the fourth code's definition gets that code first
        float[] likeDefinition = study.codes().get(3).descriptions().get(0);
        assertEquals(3, best(trained, study, coded, likeDefinition));
    }

    /** The most probable code for a vector, with the similarities the live suggestion would compute. */
    private static int best(CodeClassifier.Trained trained, Study study, List<Example> coded, float[] vector) {
        int best = -1;
        double bestProbability = -1;
        for (int c = 0; c < study.codes().size(); c++) {
            double p = trained.probability(c, vector, cosine(vector, study.codes().get(c).descriptions().get(0)),
                    nearest(vector, coded, study.codes().get(c).id()), null);
            if (p > bestProbability) {
                bestProbability = p;
                best = c;
            }
        }
        return best;
    }

    @Test
    void withOneCodedTranscriptThereIsNoHeldOutDataAndTheScoresSaySo() {
        Study study = Study.of(3, 10, 3);
        CodeClassifier.Trained trained = CodeClassifier.train(study.codes(), study.transcripts(1, 12, 1.0), CodeClassifier.Settings.DEFAULT);
        assertEquals(0, trained.evaluation().folds());
        assertEquals(1, trained.evaluation().transcripts());
        assertFalse(trained.evaluation().calibrated());
        assertNull(trained.evaluation().learned());

        // three transcripts give three folds, but 36 coded paragraphs are too few to calibrate on; 48 are enough
        CodeClassifier.Trained three = CodeClassifier.train(study.codes(), study.transcripts(3, 12, 1.0), CodeClassifier.Settings.DEFAULT);
        assertEquals(3, three.evaluation().folds());
        assertFalse(three.evaluation().calibrated());
        assertTrue(CodeClassifier.train(study.codes(), study.transcripts(4, 12, 1.0), CodeClassifier.Settings.DEFAULT).evaluation().calibrated());
    }

    @Test
    void theModelThatCodesATranscriptInARoundNeverSawIt() {
        Study study = Study.of(3, 40, 4);
        List<Example> coded = study.transcripts(6, 20, 1.2);
        CodeClassifier.Trained trained = CodeClassifier.train(study.codes(), coded, CodeClassifier.Settings.DEFAULT);
        Example seen = coded.get(0);
        int code = trained.indexOf(seen.weights().keySet().iterator().next());
        int fold = trained.foldOf().get(seen.transcriptId());
        double[] heldOutWeights = trained.foldWeights()[fold][code];
        double heldOut = trained.probability(code, seen.vector(), 0.3, 0.4, seen.transcriptId());
        double full = trained.probability(code, seen.vector(), 0.3, 0.4, null);
        assertTrue(heldOutWeights != null && heldOut != full, "the held-out model differs from the full one");
        assertEquals(full, trained.probability(code, seen.vector(), 0.3, 0.4, "a transcript never coded"));
    }

    static double nearest(float[] vector, List<Example> coded, UUID code) {
        double best = Double.NaN;
        int seen = 0;
        for (int i = coded.size() - 1; i >= 0 && seen < 10; i--) {
            if (coded.get(i).weights().containsKey(code)) {
                double similarity = cosine(vector, coded.get(i).vector());
                best = Double.isNaN(best) ? similarity : Math.max(best, similarity);
                seen++;
            }
        }
        return best;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    static float[] gaussian(Random random, double scale) {
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) (random.nextGaussian() * scale);
        }
        return vector;
    }

    static float[] around(Random random, float[] centre, double noise) {
        float[] scattered = gaussian(random, noise / Math.sqrt(DIMENSIONS));
        for (int i = 0; i < DIMENSIONS; i++) {
            scattered[i] += centre[i];
        }
        return unit(scattered);
    }

    static float[] unit(float[] vector) {
        double norm = Math.sqrt(cosine(vector, vector));
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
        return vector;
    }
}

package io.chorus.coding.assistant.service;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.List;

/** L2-regularised logistic regression by LIBLINEAR: the weights of the positive class, the bias last. */
final class LogisticFit {

    static {
        Linear.disableDebugOutput();
    }

    private LogisticFit() {
    }

    /** A row of LIBLINEAR features for a dense vector (indices from 1), with the bias feature last. */
    static Feature[] row(float[] vector) {
        Feature[] row = new Feature[vector.length + 1];
        for (int i = 0; i < vector.length; i++) {
            row[i] = new FeatureNode(i + 1, vector[i]);
        }
        row[vector.length] = new FeatureNode(vector.length + 1, 1);
        return row;
    }

    static Feature[] row(double[] vector) {
        float[] narrow = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            narrow[i] = (float) vector[i];
        }
        return row(narrow);
    }

    /**
     * Fits {@code rows} (from {@link #row}; a row may appear several times: that is its weight) against {@code positive},
     * each class weighing as given, starting from {@code start} (weights of a similar problem: the Newton solver then needs
     * few steps) or zero. Returns dimensions + 1 weights, the bias last, oriented so that a positive decision value means
     * the positive class.
     */
    static double[] fit(List<Feature[]> rows, boolean[] positive, int dimensions, double c, double positiveWeight, double negativeWeight,
            double[] start) {
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = dimensions + 1;
        problem.bias = 1;
        problem.x = new Feature[rows.size()][];
        problem.y = new double[rows.size()];
        int first = 0;
        while (first < positive.length && !positive[first]) {
            first++;
        }
        for (int i = 0; i < rows.size(); i++) {
            // LIBLINEAR orients the weights by the first row's class: a positive first keeps a start's orientation
            int from = i == 0 ? first : i == first ? 0 : i;
            problem.x[i] = rows.get(from);
            problem.y[i] = positive[from] ? 1 : -1;
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, c, 0.01);
        if (start != null) {
            parameter.setInitSol(start.clone());
        }
        parameter.setWeights(new double[] {positiveWeight, negativeWeight}, new int[] {1, -1});
        parameter.setRandom(new java.util.Random(7));
        Model model = Linear.train(problem, parameter);
        double[] raw = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] weights = new double[dimensions + 1];
        for (int i = 0; i <= dimensions; i++) {
            weights[i] = sign * raw[i];
        }
        return weights;
    }

    static double decision(double[] weights, float[] x) {
        double z = weights[x.length];
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return z;
    }

    static double decision(double[] weights, double[] x) {
        double z = weights[x.length];
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return z;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}

package dev.automl.engine.ensemble;

import dev.automl.algorithms.Deadline;
import dev.automl.engine.model.Combination;
import dev.automl.metrics.MetricDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Ensemble selection from libraries of models (Caruana et al., ICML 2004), as Azure's VotingEnsemble and
 * AutoGluon's weighted ensemble do it: start from the average of the few best models (sorted initialisation),
 * then repeatedly add, with replacement, the model whose addition scores best, and keep the best ensemble seen.
 * A model added k times has weight k / size.
 */
public final class GreedyEnsembleSelection {

    /**
     * The chosen ensemble.
     *
     * @param counts how many times each candidate was picked, in the candidates' order
     * @param score  the ensemble's score on the predictions it was selected on
     */
    public record Selection(int[] counts, double score) {

        public double[] weights() {
            int total = Arrays.stream(counts).sum();
            return Arrays.stream(counts).mapToDouble(c -> (double) c / total).toArray();
        }

        /** Candidates picked at least once. */
        public int distinctMembers() {
            return (int) Arrays.stream(counts).filter(c -> c > 0).count();
        }
    }

    private final int maxInitial;
    private final int iterations;

    /**
     * @param maxInitial the most best models the sorted initialisation may start from
     * @param iterations how many greedy additions to make at most
     */
    public GreedyEnsembleSelection(int maxInitial, int iterations) {
        if (maxInitial < 1 || iterations < 0) {
            throw new IllegalArgumentException("maxInitial must be at least 1 and iterations not negative");
        }
        this.maxInitial = maxInitial;
        this.iterations = iterations;
    }

    /**
     * @param candidates predictions of each candidate on the same rows, best single model first
     * @param score      scores an averaged prediction array under {@code metric}
     */
    public Selection select(List<double[]> candidates, ToDoubleFunction<double[]> score, MetricDefinition metric) {
        return select(candidates, score, metric, Deadline.never());
    }

    /** As {@link #select(List, ToDoubleFunction, MetricDefinition)}, making no more additions once the deadline passes. */
    public Selection select(List<double[]> candidates, ToDoubleFunction<double[]> score, MetricDefinition metric,
                            Deadline deadline) {
        int n = candidates.size();
        if (n == 0) {
            throw new IllegalArgumentException("no candidates");
        }
        int length = candidates.get(0).length;
        // Sorted initialisation: the average of the k best, for the k that scores best (the fewest on ties).
        double[] sum = new double[length];
        int[] counts = new int[n];
        double bestScore = Double.NaN;
        int bestK = 1;
        double[] running = new double[length];
        for (int k = 1; k <= Math.min(maxInitial, n); k++) {
            add(running, candidates.get(k - 1));
            double s = score.applyAsDouble(scaled(running, 1.0 / k));
            if (k == 1 || metric.isBetter(s, bestScore)) {
                bestScore = s;
                bestK = k;
            }
        }
        for (int k = 0; k < bestK; k++) {
            add(sum, candidates.get(k));
            counts[k]++;
        }
        int size = bestK;
        int[] bestCounts = counts.clone();
        double current;
        for (int it = 0; it < iterations && !deadline.expired(); it++) {
            int pick = -1;
            double pickScore = Double.NaN;
            double[] trial = new double[length];
            for (int c = 0; c < n; c++) {
                double[] p = candidates.get(c);
                double inv = 1.0 / (size + 1);
                for (int i = 0; i < length; i++) {
                    trial[i] = (sum[i] + p[i]) * inv;
                }
                double s = score.applyAsDouble(trial);
                if (pick < 0 || metric.isBetter(s, pickScore)) {
                    pick = c;
                    pickScore = s;
                }
            }
            add(sum, candidates.get(pick));
            counts[pick]++;
            size++;
            current = pickScore;
            if (metric.isBetter(current, bestScore)) {
                bestScore = current;
                bestCounts = counts.clone();
            }
        }
        return new Selection(bestCounts, bestScore);
    }

    /** The ensemble's predictions: the candidates averaged with the selection's weights. */
    public static double[] predictions(List<double[]> candidates, Selection selection) {
        List<double[]> used = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double[] w = selection.weights();
        for (int c = 0; c < candidates.size(); c++) {
            if (w[c] > 0) {
                used.add(candidates.get(c));
                weights.add(w[c]);
            }
        }
        return Combination.Vote.average(used, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void add(double[] into, double[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }
}

package dev.automl.engine.explain;

import dev.automl.algorithms.Predictions;
import dev.automl.data.Column;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.engine.model.TrainedPipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Per-row Shapley values of the raw columns for any pipeline, estimated as Štrumbelj and Kononenko (2014) do: for
 * each background row, a random order of the columns in which the explained row's values replace the background
 * row's one at a time, each column credited with the change of the output it makes. Every background row is used
 * once per explained row, so a row's contributions add up exactly to its output less the background rows' mean
 * output; orders come in reversed pairs, which halves the variance for the same cost.
 */
public final class SampledShapley {

    /** Hybrid rows predicted in one batch: enough to amortise featurizing, few enough for memory. */
    static final int BATCH_ROWS = 50_000;

    private SampledShapley() {
    }

    /**
     * @param rows       the rows to explain
     * @param background the rows their values are compared against (a small seeded sample of the training rows)
     * @param columns    the raw columns to credit: the columns the pipeline reads; every other column of the rows
     *                   is left out
     */
    public static RawContributions compute(TrainedPipeline pipeline, Table rows, Table background,
                                           List<String> columns, long seed) {
        int n = rows.rows();
        int b = background.rows();
        int p = columns.size();
        if (b == 0) {
            throw new IllegalArgumentException("sampled Shapley values need at least one background row");
        }
        Table both = rows.keep(columns).append(background.keep(columns));
        boolean classification = pipeline.target().task() == Task.CLASSIFICATION;
        Predictions baseline = pipeline.predict(background.keep(columns));
        int outputs = classification ? baseline.numClasses() : 1;
        double[] base = new double[outputs];
        for (int z = 0; z < b; z++) {
            for (int k = 0; k < outputs; k++) {
                base[k] += output(baseline, z, k, classification) / b;
            }
        }
        double[] values = new double[n * outputs * p];
        Random random = new Random(seed);
        int rowsPerBatch = Math.max(1, BATCH_ROWS / (b * (p + 1)));
        for (int from = 0; from < n; from += rowsPerBatch) {
            int to = Math.min(n, from + rowsPerBatch);
            // For each explained row and background row: an order of the columns, then p + 1 hybrid rows.
            int[][] orders = new int[(to - from) * b][];
            int[][] index = new int[p][(to - from) * b * (p + 1)];
            int h = 0;
            for (int r = from; r < to; r++) {
                int[] previous = null;
                for (int z = 0; z < b; z++) {
                    int[] order = z % 2 == 1 ? reversed(previous) : PermutationImportance.permutation(p, random);
                    previous = order;
                    orders[(r - from) * b + z] = order;
                    boolean[] switched = new boolean[p];
                    for (int step = 0; step <= p; step++) {
                        if (step > 0) {
                            switched[order[step - 1]] = true;
                        }
                        for (int c = 0; c < p; c++) {
                            index[c][h] = switched[c] ? r : n + z;
                        }
                        h++;
                    }
                }
            }
            List<Column> hybrid = new ArrayList<>(p);
            for (int c = 0; c < p; c++) {
                hybrid.add(both.column(columns.get(c)).select(index[c]));
            }
            Predictions predicted = pipeline.predict(new Table(hybrid));
            h = 0;
            for (int r = from; r < to; r++) {
                for (int z = 0; z < b; z++) {
                    int[] order = orders[(r - from) * b + z];
                    for (int step = 1; step <= p; step++) {
                        int c = order[step - 1];
                        for (int k = 0; k < outputs; k++) {
                            double change = output(predicted, h + step, k, classification)
                                    - output(predicted, h + step - 1, k, classification);
                            values[(r * outputs + k) * p + c] += change / b;
                        }
                    }
                    h += p + 1;
                }
            }
        }
        return new RawContributions(n, outputs, columns, values, base, Explanation.Method.SAMPLED_SHAPLEY);
    }

    private static double output(Predictions p, int row, int k, boolean classification) {
        return classification ? p.probability(row, k) : p.values()[row];
    }

    private static int[] reversed(int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = order[order.length - 1 - i];
        }
        return out;
    }
}

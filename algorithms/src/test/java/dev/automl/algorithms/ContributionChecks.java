package dev.automl.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.DataSource;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Test fixture for {@link Contributions}: real tables from testdata/ featurized as a run would, a synthetic table
 * where two known columns matter, and the checks that contributions add up to a model's margins.
 */
public final class ContributionChecks {

    /** A featurized table split by row number: every 4th row tests, the next early-stops, the rest train. */
    public record Featurized(String name, Task task, TrainingData train, TrainingData valid, TrainingData test) {

        public int numClasses() {
            return task == Task.CLASSIFICATION ? train.y().numClasses() : 0;
        }
    }

    private ContributionChecks() {
    }

    /** Bank marketing's first 4,000 training rows: binary, with categorical columns. */
    public static Featurized bank(FeatureView view) {
        return featurize("bank_marketing", "bank_marketing/training-mltable-folder/bank_marketing_train_data.csv",
                "y", List.of(), Task.CLASSIFICATION, 4000, view);
    }

    /** Palmer penguins: three species, categorical columns and missing values. */
    public static Featurized penguins(FeatureView view) {
        return featurize("penguins", "penguins/penguins.csv", "species", List.of(), Task.CLASSIFICATION,
                Integer.MAX_VALUE, view);
    }

    /** Ames housing prices: regression with margins in the hundreds of thousands, categories and missing values. */
    public static Featurized ames(FeatureView view) {
        return featurize("ames_housing", "ames_housing/ames_housing.csv", "price", List.of("Order", "PID"),
                Task.REGRESSION, Integer.MAX_VALUE, view);
    }

    /**
     * Reads a CSV, fits the automatic featurization on the training rows and transforms every split; class labels
     * become indices in sorted order.
     */
    public static Featurized featurize(String name, String relative, String target, List<String> drop, Task task,
                                       int maxRows, FeatureView view) {
        Table all = DataSource.read(testdata().resolve(relative));
        int n = Math.min(all.rows(), maxRows);
        Column yColumn = all.column(target);
        List<String> ignored = new ArrayList<>(drop);
        ignored.add(target);
        Table features = all.drop(ignored);
        double[] y = new double[all.rows()];
        List<String> labels = List.of();
        if (task == Task.CLASSIFICATION) {
            CategoricalColumn c = (CategoricalColumn) yColumn;
            labels = List.copyOf(new TreeSet<>(c.levels()));
            for (int i = 0; i < y.length; i++) {
                y[i] = labels.indexOf(c.get(i));
            }
        } else {
            y = ((NumericColumn) yColumn).values();
        }
        int[] test = IntStream.range(0, n).filter(i -> i % 4 == 0).toArray();
        int[] valid = IntStream.range(0, n).filter(i -> i % 4 == 1).toArray();
        int[] train = IntStream.range(0, n).filter(i -> i % 4 >= 2).toArray();
        FittedFeaturizer ff = new Featurizer(FeaturizationSettings.auto()).fit(features, train);
        List<String> finalLabels = labels;
        double[] finalY = y;
        java.util.function.Function<int[], TrainingData> split = rows -> new TrainingData(
                ff.transform(features, rows, view),
                new Target(task, Arrays.stream(rows).mapToDouble(i -> finalY[i]).toArray(), finalLabels, null));
        return new Featurized(name, task, split.apply(train), split.apply(valid), split.apply(test));
    }

    /** The test rows, then training rows, up to {@code max}: penguins has only 86 test rows. */
    public static FeatureMatrix explained(Featurized data, int max) {
        FeatureMatrix test = data.test().x();
        FeatureMatrix train = data.train().x();
        int rows = Math.min(max, test.rows() + train.rows());
        int fromTest = Math.min(rows, test.rows());
        float[] v = Arrays.copyOf(test.values(), rows * test.cols());
        System.arraycopy(train.values(), 0, v, fromTest * test.cols(), (rows - fromTest) * test.cols());
        return new FeatureMatrix(v, rows, test.cols(), test.names(), test.categorical());
    }

    /**
     * {@code rows} rows of ten standard normal columns, of which only columns 0 and 3 shape the target (their sum
     * for regression, its sign for classification); every tenth value of every column is NaN when
     * {@code missing}, so that libraries' handling of missing values is part of what is checked.
     */
    public static TrainingData synthetic(Task task, int rows, boolean missing, long seed) {
        int cols = 10;
        Random rng = new Random(seed);
        float[] v = new float[rows * cols];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                v[r * cols + j] = (float) rng.nextGaussian();
            }
            double signal = 2 * v[r * cols] - 1.5 * v[r * cols + 3];
            y[r] = task == Task.REGRESSION ? signal + 0.1 * rng.nextGaussian() : (signal > 0 ? 1 : 0);
            if (missing) {
                for (int j = 0; j < cols; j++) {
                    if (rng.nextInt(10) == 0) {
                        v[r * cols + j] = Float.NaN;
                    }
                }
            }
        }
        List<String> names = IntStream.range(0, cols).mapToObj(j -> "x" + j).toList();
        FeatureMatrix x = new FeatureMatrix(v, rows, cols, names, new BitSet());
        List<String> labels = task == Task.REGRESSION ? List.of() : List.of("no", "yes");
        return new TrainingData(x, new Target(task, y, labels, null));
    }

    /**
     * Asserts that every row's base plus contributions is its margin, within {@code tolerance} of the margin's scale
     * (the largest magnitude of that output's margin over the rows, at least 1), and returns the largest such
     * relative difference. The scale is the output's, not the row's: a float sum of contributions of size s is
     * known to about s x 6e-8 whatever the sum, and a row whose margin happens to be near 0 is no more exact.
     *
     * @param margins row-major, {@code c.outputs()} per row
     */
    public static double assertAddsUp(Contributions c, double[] margins, double tolerance, String what) {
        assertEquals(margins.length, c.rows() * c.outputs(), what + ": margins per row");
        double[] scale = new double[c.outputs()];
        Arrays.fill(scale, 1);
        for (int i = 0; i < margins.length; i++) {
            scale[i % c.outputs()] = Math.max(scale[i % c.outputs()], Math.abs(margins[i]));
        }
        double worst = 0;
        for (int r = 0; r < c.rows(); r++) {
            for (int k = 0; k < c.outputs(); k++) {
                double margin = margins[r * c.outputs() + k];
                double diff = Math.abs(c.margin(r, k) - margin) / scale[k];
                worst = Math.max(worst, diff);
                assertTrue(diff <= tolerance, String.format(Locale.ROOT,
                        "%s: row %d output %d adds up to %.9g, margin %.9g (scale %.3g)", what, r, k, c.margin(r, k),
                        margin, scale[k]));
            }
        }
        return worst;
    }

    /**
     * Asserts that the margins give the model's probabilities: the sigmoid of a binary margin is the probability
     * of class 1, the softmax of multiclass margins are the class probabilities. Returns the largest difference.
     */
    public static double assertLinkGivesProbabilities(double[] margins, Predictions p, double tolerance,
                                                      String what) {
        int k = p.numClasses();
        double worst = 0;
        for (int r = 0; r < p.rows(); r++) {
            double[] expected = new double[k];
            if (k == 2) {
                expected[1] = 1 / (1 + Math.exp(-margins[r]));
                expected[0] = 1 - expected[1];
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, margins[r * k + c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    expected[c] = Math.exp(margins[r * k + c] - max);
                    sum += expected[c];
                }
                for (int c = 0; c < k; c++) {
                    expected[c] /= sum;
                }
            }
            for (int c = 0; c < k; c++) {
                double diff = Math.abs(expected[c] - p.probability(r, c));
                worst = Math.max(worst, diff);
                assertTrue(diff <= tolerance, String.format(Locale.ROOT,
                        "%s: row %d class %d: link of the margins %.9g, predicted %.9g", what, r, c, expected[c],
                        p.probability(r, c)));
            }
        }
        return worst;
    }

    /** Each row's margins as its contributions add them up, row-major: {@code r * outputs + k}. */
    public static double[] margins(Contributions c) {
        double[] out = new double[c.rows() * c.outputs()];
        for (int r = 0; r < c.rows(); r++) {
            for (int k = 0; k < c.outputs(); k++) {
                out[r * c.outputs() + k] = c.margin(r, k);
            }
        }
        return out;
    }

    /**
     * Asserts that the margins give the model's predictions: its probabilities through the link for classification
     * (see {@link #assertLinkGivesProbabilities}), its values, relative to their size, for regression.
     *
     * @return the largest error
     */
    public static double assertMarginsGivePredictions(double[] margins, Predictions p, Task task, double tolerance,
                                                      String what) {
        if (task == Task.CLASSIFICATION) {
            return assertLinkGivesProbabilities(margins, p, tolerance, what);
        }
        double error = 0;
        for (int r = 0; r < p.rows(); r++) {
            error = Math.max(error, Math.abs(margins[r] - p.values()[r]) / Math.max(1, Math.abs(p.values()[r])));
        }
        assertTrue(error <= tolerance, what + ": margins against predictions " + error);
        return error;
    }

    /**
     * The largest absolute mean contribution of any feature and output over the rows: 0 for contributions centred
     * on those rows' means, as linear models' are on their training rows.
     */
    public static double maxMeanOverRows(Contributions c) {
        double worst = 0;
        for (int k = 0; k < c.outputs(); k++) {
            for (int j = 0; j < c.features(); j++) {
                double sum = 0;
                for (int r = 0; r < c.rows(); r++) {
                    sum += c.value(r, k, j);
                }
                worst = Math.max(worst, Math.abs(sum / c.rows()));
            }
        }
        return worst;
    }

    /** Features by mean absolute contribution over rows and outputs, largest first. */
    public static int[] byMeanAbsolute(Contributions c) {
        double[] mean = meanAbsolute(c);
        return IntStream.range(0, c.features()).boxed()
                .sorted((a, b) -> Double.compare(mean[b], mean[a]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Each feature's mean absolute contribution over rows and outputs. */
    public static double[] meanAbsolute(Contributions c) {
        double[] mean = new double[c.features()];
        for (int r = 0; r < c.rows(); r++) {
            for (int k = 0; k < c.outputs(); k++) {
                for (int j = 0; j < c.features(); j++) {
                    mean[j] += Math.abs(c.value(r, k, j)) / ((double) c.rows() * c.outputs());
                }
            }
        }
        return mean;
    }

    /** Asserts that columns 0 and 3 of the synthetic table rank first and second, in either order. */
    public static void assertSignalColumnsRankFirst(Contributions c, String what) {
        int[] order = byMeanAbsolute(c);
        double[] mean = meanAbsolute(c);
        System.out.printf(Locale.ROOT, "%s mean |contribution| by feature: %s%n", what, Arrays.toString(
                Arrays.stream(mean).mapToObj(m -> String.format(Locale.ROOT, "%.4f", m)).toArray()));
        List<Integer> top = List.of(Math.min(order[0], order[1]), Math.max(order[0], order[1]));
        assertEquals(List.of(0, 3), top, what + ": ranking " + Arrays.toString(order));
    }

    /** The repository's testdata/ folder, found by walking up from the working directory. */
    public static Path testdata() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("testdata"))) {
                return dir.resolve("testdata");
            }
        }
        throw new IllegalStateException("no testdata/ folder above " + Path.of("").toAbsolutePath());
    }
}

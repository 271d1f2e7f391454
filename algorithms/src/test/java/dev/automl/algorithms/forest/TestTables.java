package dev.automl.algorithms.forest;

import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * Test fixture: reads the repository's small numeric CSVs from testdata/ into a deterministic train/test split
 * (every fourth row is a test row), and scores predictions. The project's CSV reader lives elsewhere; these
 * files have no quotes, so splitting on commas is enough.
 */
public final class TestTables {

    /** Training and test rows of one table. */
    public record Split(TrainingData train, TrainingData test) {
    }

    private TestTables() {
    }

    public static Split blood(boolean standardise) {
        return load("blood_transfusion/blood_transfusion.csv", "donated", Task.CLASSIFICATION, standardise);
    }

    public static Split iris(boolean standardise) {
        return load("iris/iris.csv", "Species", Task.CLASSIFICATION, standardise);
    }

    public static Split concrete(boolean standardise) {
        return load("concrete/concrete.csv", "compressive_strength", Task.REGRESSION, standardise);
    }

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("testdata"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no testdata/ folder above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /**
     * @param standardise scale every feature to mean 0 and standard deviation 1 on the training rows, as the
     *                    LINEAR view does
     */
    public static Split load(String relativePath, String target, Task task, boolean standardise) {
        List<String> lines;
        try {
            lines = Files.readAllLines(repoRoot().resolve("testdata").resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",", -1);
        int t = Arrays.asList(header).indexOf(target);
        if (t < 0) {
            throw new IllegalArgumentException(relativePath + " has no column " + target);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < header.length; j++) {
            if (j != t) {
                names.add(header[j]);
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        List<String> labels = new ArrayList<>();
        if (task == Task.CLASSIFICATION) {
            TreeSet<String> distinct = new TreeSet<>();
            rows.forEach(r -> distinct.add(r[t]));
            labels.addAll(distinct);
        }
        int cols = names.size();
        List<float[]> trainX = new ArrayList<>();
        List<float[]> testX = new ArrayList<>();
        List<Double> trainY = new ArrayList<>();
        List<Double> testY = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            float[] x = new float[cols];
            for (int j = 0, c = 0; j < r.length; j++) {
                if (j != t) {
                    x[c++] = Float.parseFloat(r[j]);
                }
            }
            double y = task == Task.CLASSIFICATION ? labels.indexOf(r[t]) : Double.parseDouble(r[t]);
            boolean test = i % 4 == 3;
            (test ? testX : trainX).add(x);
            (test ? testY : trainY).add(y);
        }
        if (standardise) {
            standardise(trainX, testX, cols);
        }
        return new Split(data(trainX, trainY, names, labels, task), data(testX, testY, names, labels, task));
    }

    private static void standardise(List<float[]> train, List<float[]> test, int cols) {
        for (int j = 0; j < cols; j++) {
            double mean = 0;
            for (float[] x : train) {
                mean += x[j];
            }
            mean /= train.size();
            double var = 0;
            for (float[] x : train) {
                var += (x[j] - mean) * (x[j] - mean);
            }
            double sd = Math.sqrt(var / train.size());
            double scale = sd > 0 ? sd : 1;
            for (List<float[]> part : List.of(train, test)) {
                for (float[] x : part) {
                    x[j] = (float) ((x[j] - mean) / scale);
                }
            }
        }
    }

    private static TrainingData data(List<float[]> xs, List<Double> ys, List<String> names, List<String> labels,
                                     Task task) {
        int cols = names.size();
        float[] values = new float[xs.size() * cols];
        for (int i = 0; i < xs.size(); i++) {
            System.arraycopy(xs.get(i), 0, values, i * cols, cols);
        }
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        return new TrainingData(new FeatureMatrix(values, xs.size(), cols, names, new BitSet()),
                new Target(task, y, labels, null));
    }

    public static double accuracy(Predictions p, Target y) {
        int right = 0;
        for (int i = 0; i < y.size(); i++) {
            if (p.predictedClass(i) == y.classOf(i)) {
                right++;
            }
        }
        return (double) right / y.size();
    }

    /** Binary AUC of class 1's probability, ties counted half (the Mann-Whitney statistic). */
    public static double auc(Predictions p, Target y) {
        double pairs = 0;
        double wins = 0;
        for (int i = 0; i < y.size(); i++) {
            if (y.classOf(i) != 1) {
                continue;
            }
            for (int j = 0; j < y.size(); j++) {
                if (y.classOf(j) != 0) {
                    continue;
                }
                pairs++;
                double a = p.probability(i, 1);
                double b = p.probability(j, 1);
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    public static double r2(Predictions p, Target y) {
        double mean = Arrays.stream(y.y()).average().orElseThrow();
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < y.size(); i++) {
            sse += Math.pow(p.values()[i] - y.y()[i], 2);
            sst += Math.pow(y.y()[i] - mean, 2);
        }
        return 1 - sse / sst;
    }

    /** The largest absolute difference between two prediction sets of the same shape. */
    public static double maxDiff(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError(a.length + " values vs " + b.length);
        }
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}

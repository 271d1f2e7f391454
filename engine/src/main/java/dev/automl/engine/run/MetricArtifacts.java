package dev.automl.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.data.Task;
import dev.automl.featurization.Target;
import dev.automl.metrics.charts.AccuracyTable;
import dev.automl.metrics.charts.CalibrationCurve;
import dev.automl.metrics.charts.ConfusionMatrix;
import dev.automl.metrics.charts.DatasetBins;
import dev.automl.metrics.charts.PredictedTrue;
import dev.automl.metrics.charts.PredictionSample;
import dev.automl.metrics.charts.Residuals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the saved model's chart data into a folder as Azure names and shapes it: for classification
 * {@code confusion_matrix.json} and {@code accuracy_table.json}, plus {@code calibration_curve.json}; for regression
 * {@code residuals.json} and {@code predicted_true.json}, plus {@code predictions_sample.json} (at most
 * {@link #SAMPLE_ROWS} seeded rows' true and predicted values, for scatter plots). Each is
 * {@code {"schema_type", "schema_version", "data"}}; each file is written whole or not at all.
 */
final class MetricArtifacts {

    static final String DIR = "metrics";
    /** Enough points for a scatter plot to show its shape, few enough to keep report.html small. */
    static final int SAMPLE_ROWS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricArtifacts() {
    }

    /**
     * @param truth     the scored rows' targets
     * @param predicted their predictions: values, or row-major probabilities for classification
     * @param all       every target of the training and validation rows, which sets the regression bins and the
     *                  residual histogram's range (Azure's full-dataset y and y_std)
     * @return the files written
     */
    static List<Path> write(Path dir, Target truth, double[] predicted, Target all, long seed) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        if (truth.task() == Task.CLASSIFICATION) {
            int[] y = truth.classes();
            int k = truth.numClasses();
            ConfusionMatrix cm = ConfusionMatrix.of(y, predicted, k, truth.weights());
            written.add(write(dir, "confusion_matrix.json", "confusion_matrix", "1.0.0",
                    data("class_labels", truth.labels(), "matrix", wholeNumbers(cm.matrix()))));
            AccuracyTable table = AccuracyTable.of(y, predicted, k);
            written.add(write(dir, "accuracy_table.json", "accuracy_table", "1.0.1",
                    data("probability_tables", table.probabilityTables(), "percentile_tables", table.percentileTables(),
                            "probability_thresholds", table.probabilityThresholds(),
                            "percentile_thresholds", table.percentileThresholds(), "class_labels", truth.labels())));
            CalibrationCurve curve = CalibrationCurve.of(y, predicted, k);
            written.add(write(dir, "calibration_curve.json", "calibration_curve", "1.0.0",
                    data("class_labels", truth.labels(), "bin_edges", curve.binEdges(), "bin_counts", curve.counts(),
                            "mean_predicted", finite(curve.meanPredicted()),
                            "fraction_positive", finite(curve.fractionPositive()))));
            return written;
        }
        double[] y = truth.y();
        Residuals r = Residuals.of(y, predicted, populationStd(all.y()));
        written.add(write(dir, "residuals.json", "residuals", "1.0.0",
                data("bin_edges", r.binEdges(), "bin_counts", r.binCounts(), "mean", r.mean(), "stddev", r.stddev(),
                        "res_count", r.count())));
        PredictedTrue pt = PredictedTrue.of(y, predicted, DatasetBins.of(y.length, all.y()));
        written.add(write(dir, "predicted_true.json", "predictions", "1.0.0",
                data("bin_averages", pt.binAverages(), "bin_errors", pt.binErrors(), "bin_counts", pt.binCounts(),
                        "bin_edges", pt.binEdges())));
        PredictionSample s = PredictionSample.of(y, predicted, SAMPLE_ROWS, seed);
        written.add(write(dir, "predictions_sample.json", "predictions_sample", "1.0.0",
                data("rows", s.rows(), "seed", seed, "row_positions", s.positions(), "true", s.trueValues(),
                        "predicted", s.predicted())));
        return written;
    }

    /**
     * Writes them for the saved model, or reports why not: chart data that cannot be written is said, never the
     * run's end. Not for forecasting, whose charts are another set (its caller skips it).
     *
     * @param rows which rows they are, for the console: "validation" or "test"
     */
    static void writeOrReport(RunContext ctx, Path dir, String rows, Target truth, double[] predicted, Target all) {
        if (predicted == null) {
            ctx.reporter().info("No chart data of the " + rows + " rows: the saved row has no prediction for each.");
            return;
        }
        try {
            write(dir, truth, predicted, all, ctx.seed());
        } catch (IOException | RuntimeException e) {
            ctx.reporter().info("Writing the chart data of the " + rows + " rows failed (" + e + ")");
        }
    }

    private static Path write(Path dir, String file, String type, String version, Map<String, Object> data)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema_type", type);
        m.put("schema_version", version);
        m.put("data", data);
        Path target = dir.resolve(file);
        RunDirectory.atomically(target, tmp -> JSON.writeValue(tmp.toFile(), m));
        return target;
    }

    private static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** Counts as integers, as Azure writes them; weighted sums as they are. */
    private static Object[][] wholeNumbers(double[][] matrix) {
        Object[][] out = new Object[matrix.length][];
        for (int r = 0; r < matrix.length; r++) {
            out[r] = new Object[matrix[r].length];
            for (int c = 0; c < matrix[r].length; c++) {
                double v = matrix[r][c];
                out[r][c] = v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
            }
        }
        return out;
    }

    /** NaN (an empty bin) as JSON null. */
    private static Double[][] finite(double[][] values) {
        Double[][] out = new Double[values.length][];
        for (int r = 0; r < values.length; r++) {
            out[r] = new Double[values[r].length];
            for (int c = 0; c < values[r].length; c++) {
                out[r][c] = Double.isFinite(values[r][c]) ? values[r][c] : null;
            }
        }
        return out;
    }

    /** numpy's std (ddof 0), which Azure's y_std is. */
    static double populationStd(double[] y) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double squares = 0;
        for (double v : y) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / y.length);
    }
}

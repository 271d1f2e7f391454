package dev.automl.metrics.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Checks every chart's data against numpy's values of Azure's definitions (testdata/metrics/make_chart_goldens.py). */
class ChartGoldensTest {

    private static final double TOLERANCE = 1e-9;
    private static final JsonNode GOLDENS = load();

    @TestFactory
    Stream<DynamicTest> classificationCharts() {
        return stream(GOLDENS.path("classification")).map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> {
            int[] y = ints(c.path("y"));
            double[] proba = doubles(c.path("proba"));
            int k = c.path("num_classes").asInt();
            double[] w = c.path("weights").isNull() ? null : doubles(c.path("weights"));

            ConfusionMatrix cm = ConfusionMatrix.of(y, proba, k, w);
            assertMatrix(c.path("confusion_matrix"), cm.matrix(), "confusion matrix");

            AccuracyTable table = AccuracyTable.of(y, proba, k);
            JsonNode expected = c.path("accuracy_table");
            assertArrayEquals(doubles(expected.path("probability_thresholds")), table.probabilityThresholds(), 1e-15);
            assertArrayEquals(doubles(expected.path("percentile_thresholds")), table.percentileThresholds(), TOLERANCE);
            assertTables(expected.path("probability_tables"), table.probabilityTables(), "probability tables");
            assertTables(expected.path("percentile_tables"), table.percentileTables(), "percentile tables");

            CalibrationCurve curve = CalibrationCurve.of(y, proba, k);
            JsonNode cal = c.path("calibration_curve");
            assertArrayEquals(doubles(cal.path("bin_edges")), curve.binEdges(), 1e-15);
            for (int cls = 0; cls < k; cls++) {
                assertArrayEquals(longs(cal.path("counts").get(cls)), curve.counts()[cls], "counts of class " + cls);
                assertArrayEquals(doubles(cal.path("mean_predicted").get(cls)), curve.meanPredicted()[cls], TOLERANCE);
                assertArrayEquals(doubles(cal.path("fraction_positive").get(cls)), curve.fractionPositive()[cls],
                        TOLERANCE);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> regressionCharts() {
        return stream(GOLDENS.path("regression")).map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> {
            double[] yAll = doubles(c.path("y_all"));
            double[] yTrue = doubles(c.path("y_true"));
            double[] yPred = doubles(c.path("y_pred"));

            DatasetBins bins = DatasetBins.of(yTrue.length, yAll);
            assertArrayEquals(doubles(c.path("dataset_bins")), bins.edges(), TOLERANCE, "dataset bins");

            PredictedTrue pt = PredictedTrue.of(yTrue, yPred, bins);
            JsonNode expected = c.path("predicted_true");
            assertArrayEquals(doubles(expected.path("bin_edges")), pt.binEdges(), TOLERANCE);
            assertArrayEquals(longs(expected.path("bin_counts")), pt.binCounts());
            assertArrayEquals(doubles(expected.path("bin_averages")), pt.binAverages(), TOLERANCE);
            assertArrayEquals(doubles(expected.path("bin_errors")), pt.binErrors(), TOLERANCE);

            Residuals r = Residuals.of(yTrue, yPred, c.path("y_std").asDouble());
            JsonNode res = c.path("residuals");
            assertArrayEquals(doubles(res.path("bin_edges")), r.binEdges(), TOLERANCE, "residual edges");
            assertArrayEquals(longs(res.path("bin_counts")), r.binCounts(), "residual counts");
            assertEquals(res.path("mean").asDouble(), r.mean(), TOLERANCE);
            assertEquals(res.path("stddev").asDouble(), r.stddev(), TOLERANCE);
            assertEquals(res.path("res_count").asInt(), r.count());
        }));
    }

    private static void assertMatrix(JsonNode expected, double[][] actual, String what) {
        assertEquals(expected.size(), actual.length, what);
        for (int r = 0; r < actual.length; r++) {
            assertArrayEquals(doubles(expected.get(r)), actual[r], TOLERANCE, what + " row " + r);
        }
    }

    private static void assertTables(JsonNode expected, long[][][] actual, String what) {
        assertEquals(expected.size(), actual.length, what);
        for (int c = 0; c < actual.length; c++) {
            for (int t = 0; t < actual[c].length; t++) {
                assertArrayEquals(longs(expected.get(c).get(t)), actual[c][t], what + " class " + c + " threshold " + t);
            }
        }
    }

    private static JsonNode load() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("testdata"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("no testdata/ folder above " + Path.of("").toAbsolutePath());
        }
        try {
            JsonNode root = new ObjectMapper().readTree(dir.resolve("testdata/metrics/chart_goldens.json").toFile());
            assertTrue(root.path("classification").size() >= 3);
            return root;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    /** JSON null (an empty bin) reads as NaN. */
    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return out;
    }
}

package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.data.Task;
import dev.automl.featurization.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart data files in Azure's shapes: schema type and version, and the data's keys and sizes. */
class MetricArtifactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void classificationWritesConfusionMatrixAccuracyTableAndCalibrationCurve() throws Exception {
        Target truth = new Target(Task.CLASSIFICATION, new double[] {0, 1, 2, 1}, List.of("a", "<b>", "c"), null);
        double[] proba = {0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.1, 0.6, 0.3, 0.3, 0.3, 0.4};
        List<Path> files = MetricArtifacts.write(dir, truth, proba, truth, 1);
        assertEquals(List.of("confusion_matrix.json", "accuracy_table.json", "calibration_curve.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());

        JsonNode cm = JSON.readTree(dir.resolve("confusion_matrix.json").toFile());
        assertEquals("confusion_matrix", cm.get("schema_type").asText());
        assertEquals("1.0.0", cm.get("schema_version").asText());
        assertEquals("[\"a\",\"<b>\",\"c\"]", cm.get("data").get("class_labels").toString());
        assertEquals("[[1,0,0],[0,1,1],[0,1,0]]", cm.get("data").get("matrix").toString(), "integer counts");

        JsonNode at = JSON.readTree(dir.resolve("accuracy_table.json").toFile());
        assertEquals("accuracy_table", at.get("schema_type").asText());
        assertEquals("1.0.1", at.get("schema_version").asText());
        assertEquals(List.of("probability_tables", "percentile_tables", "probability_thresholds",
                "percentile_thresholds", "class_labels"), keys(at.get("data")));
        assertEquals(3, at.get("data").get("probability_tables").size());
        assertEquals(100, at.get("data").get("probability_tables").get(0).size());
        assertEquals("[1,3,0,0]", at.get("data").get("probability_tables").get(0).get(0).toString(), "tp fp tn fn");
        assertEquals(100, at.get("data").get("percentile_thresholds").size());

        JsonNode cal = JSON.readTree(dir.resolve("calibration_curve.json").toFile());
        assertEquals("calibration_curve", cal.get("schema_type").asText());
        assertEquals(11, cal.get("data").get("bin_edges").size());
        assertTrue(cal.get("data").get("mean_predicted").get(0).get(5).isNull(), "an empty bin is null");
    }

    @Test
    void regressionWritesResidualsPredictedTrueAndASample() throws Exception {
        double[] y = new double[50];
        double[] pred = new double[50];
        for (int i = 0; i < y.length; i++) {
            y[i] = i;
            pred[i] = i + (i % 3 - 1);
        }
        Target truth = new Target(Task.REGRESSION, y, List.of(), null);
        MetricArtifacts.write(dir, truth, pred, truth, 1);

        JsonNode res = JSON.readTree(dir.resolve("residuals.json").toFile());
        assertEquals("residuals", res.get("schema_type").asText());
        assertEquals("1.0.0", res.get("schema_version").asText());
        assertEquals(List.of("bin_edges", "bin_counts", "mean", "stddev", "res_count"), keys(res.get("data")));
        assertEquals(11, res.get("data").get("bin_edges").size());
        assertEquals(50, res.get("data").get("res_count").asInt());

        JsonNode pt = JSON.readTree(dir.resolve("predicted_true.json").toFile());
        assertEquals("predictions", pt.get("schema_type").asText());
        assertEquals(List.of("bin_averages", "bin_errors", "bin_counts", "bin_edges"), keys(pt.get("data")));
        // ceil(sqrt(50)) = 8 bins
        assertEquals(8, pt.get("data").get("bin_counts").size());
        assertEquals(9, pt.get("data").get("bin_edges").size());

        JsonNode sample = JSON.readTree(dir.resolve("predictions_sample.json").toFile());
        assertEquals(50, sample.get("data").get("true").size(), "fewer rows than the cap: all of them");
        assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".tmp")));
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}

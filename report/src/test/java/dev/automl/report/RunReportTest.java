package dev.automl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html from hand-made run folders: what it shows, what it escapes, and what it says when a part is absent. */
class RunReportTest {

    private static final String EVIL = "<script>alert('x')</script>";

    @TempDir
    Path dir;

    @Test
    void aClassificationRunGetsEverySectionWithItsCharts() throws Exception {
        classificationRun();
        Path report = RunReport.write(dir);
        String html = Files.readString(report, StandardCharsets.UTF_8);

        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">"));
        for (String title : new String[] {"The job", "Data guardrails", "Leaderboard", "The search over time",
                "ROC curve per class (validation)", "Precision-recall curve per class (validation)",
                "Calibration curve per class, 10 bins (validation)", "Confusion matrix, counts (validation)",
                "Confusion matrix, normalised by true class (validation)", "Raw feature importance",
                "Featurization", "Seconds per stage"}) {
            assertTrue(html.contains(title), title);
        }
        JsonNode data = data(html);
        assertEquals(10, data.get("charts").size(), "search, ROC, PR, calibration, 2 matrices, 2 importance, 2 timing");
        assertEquals(countCanvases(html), data.get("charts").size());
        // The best-so-far line of a metric the leaderboard ranks higher-first only rises.
        assertEquals("[0.7, 0.8, 0.8]", bestSoFar(data).toString());
        assertTrue(html.length() < 2_000_000);
        assertFalse(Files.exists(dir.resolve("report.html.tmp")));
    }

    @Test
    void namesAndValuesFromTheDataAreEscapedEverywhere() throws Exception {
        classificationRun();
        String html = RunReport.html(RunFolder.read(dir));
        assertFalse(html.contains(EVIL), "no raw markup from the data");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "escaped in tables");
        String json = html.substring(html.indexOf("id=\"report-data\">"), html.indexOf("</script>",
                html.indexOf("id=\"report-data\">")));
        assertFalse(json.contains("<"), "the JSON block cannot end its script element");
        assertTrue(data(html).toString().contains(EVIL), "the charts still get the names as they are");
        // Every script is inline and nothing is fetched.
        assertFalse(Pattern.compile("<(script|img|link|iframe)[^>]*\\s(src|href)=", Pattern.CASE_INSENSITIVE)
                .matcher(html).find());
    }

    @Test
    void aRegressionRunGetsPredictedTrueResidualsAndScatter() throws Exception {
        write("summary.json", "{\"task\":\"regression\",\"primary_metric\":\"normalized_root_mean_squared_error\"}");
        write("leaderboard.csv", "rank,trial_id,algorithm,normalized_root_mean_squared_error,status\n"
                + "1,2,LightGBM,0.1,completed\n2,1,ElasticNet,0.3,completed\n");
        write("trials.jsonl", "{\"trial_id\":1,\"algorithm\":\"ElasticNet\",\"status\":\"completed\",\"score\":0.3,"
                + "\"elapsed_seconds\":1.0}\n{\"trial_id\":2,\"algorithm\":\"LightGBM\",\"status\":\"completed\","
                + "\"score\":0.1,\"elapsed_seconds\":2.0}\n");
        write("metrics/residuals.json", "{\"schema_type\":\"residuals\",\"data\":{\"bin_edges\":[-3,-1,0,1,3],"
                + "\"bin_counts\":[1,2,2,1],\"mean\":0,\"stddev\":1,\"res_count\":6}}");
        write("metrics/predicted_true.json", "{\"data\":{\"bin_averages\":[1,2],\"bin_errors\":[0,0],"
                + "\"bin_counts\":[3,3],\"bin_edges\":[0,1.5,3]}}");
        write("metrics/predictions_sample.json", "{\"data\":{\"rows\":6,\"true\":[0,1,2,3,1,2],"
                + "\"predicted\":[0.5,1,2,2.5,1.5,2]}}");
        String html = RunReport.html(RunFolder.read(dir));
        JsonNode data = data(html);
        assertEquals(4, data.get("charts").size(), "search, predicted-true, residual histogram, residuals scatter");
        assertTrue(html.contains("lower is better"), "goal from the leaderboard's order");
        assertEquals("[0.3, 0.1]", bestSoFar(data).toString());
        assertTrue(html.contains("No explanations/ in this run folder"));
        assertTrue(html.contains("No featurization.json in this run folder"));
    }

    @Test
    void anOldOrForecastingRunFolderStillGetsAReportWithNotes() throws Exception {
        write("trials.jsonl", "{\"trial_id\":1,\"algorithm\":\"Naive\",\"status\":\"completed\",\"score\":0.5}\n"
                + "{\"trial_id\":2,\"algorithm\":\"AutoArima\",\"status\":\"failed\",\"score\":null}\n");
        String html = RunReport.html(RunFolder.read(dir));
        assertTrue(html.contains("No summary.json in this run folder"));
        assertTrue(html.contains("trials.jsonl has no elapsed_seconds (an older run)"));
        assertTrue(html.contains("1 trial(s) failed or timed out"));
        assertTrue(html.contains("No chart data (metrics/*.json) in this run folder"));
        assertEquals(1, data(html).get("charts").size(), "the search alone");
    }

    @Test
    void aFolderThatIsNotARunFolderIsRefusedByName() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunReport.write(dir));
        assertTrue(e.getMessage().startsWith(dir + " is not a run folder: it has neither summary.json nor"
                + " trials.jsonl"), e.getMessage());
        assertThrows(RunFolderException.class, () -> RunReport.write(dir.resolve("absent")));
    }

    private void classificationRun() throws Exception {
        write("summary.json", "{\"task\":\"classification\",\"primary_metric\":\"AUC_weighted\",\"target_column\":"
                + json(EVIL) + ",\"rows\":100,\"feature_columns\":3,\"classes\":[\"no\"," + json(EVIL) + "],"
                + "\"stopped_because\":\"early termination\",\"best\":{\"trial_id\":2,\"algorithm\":\"LightGBM\","
                + "\"score\":0.8},\"timing\":{\"search_seconds\":10.5,\"refit_seconds\":1,\"total_seconds\":12}}");
        write("guardrails.json", "[{\"name\":\"Class balancing detection\",\"status\":\"passed\",\"description\":"
                + json(EVIL) + ",\"details\":{\"smallest\":" + json(EVIL) + "}}]");
        write("leaderboard.csv", "rank,trial_id,algorithm,hyperparameters,AUC_weighted,\"" + EVIL.replace("\"", "\"\"")
                + "\",status,reason\n1,2,LightGBM,\"{\"\"a\"\":1}\",0.8,1,completed,\n2,3,RandomForest,{},0.75,2,completed,\n"
                + "3,1,LogisticRegression,{},0.7,3,completed,\n,4,SVM,{},,,failed,boom\n");
        write("trials.jsonl", "{\"trial_id\":1,\"algorithm\":\"LogisticRegression\",\"origin\":\"portfolio\","
                + "\"status\":\"completed\",\"score\":0.7,\"fit_seconds\":1,\"elapsed_seconds\":2}\n"
                + "{\"trial_id\":2,\"algorithm\":\"LightGBM\",\"status\":\"completed\",\"score\":0.8,\"fit_seconds\":2,"
                + "\"elapsed_seconds\":4}\n{\"trial_id\":3,\"algorithm\":" + json(EVIL) + ",\"status\":\"completed\","
                + "\"score\":0.75,\"fit_seconds\":2,\"elapsed_seconds\":6}\n{\"trial_id\":4,\"algorithm\":\"SVM\","
                + "\"status\":\"failed\",\"score\":null,\"fit_seconds\":0,\"elapsed_seconds\":7}\n");
        write("featurization.json", "[{\"RawFeatureName\":" + json(EVIL) + ",\"TypeDetected\":\"Numeric\","
                + "\"Dropped\":\"No\",\"EngineeredFeatureCount\":1,\"Transformations\":[\"MeanImputer\"]}]");
        write("explanations/raw_importance.csv", "column,importance,std,repeats,extra\n\"" + EVIL.replace("\"", "\"\"")
                + "\",0.3,0.01,3,x\nage,0.1,0.01,3,y\n");
        write("explanations/engineered_importance.csv", "feature,raw_column,importance,std,repeats\n"
                + "age_scaled,age,0.1,0.0,3\n");
        String labels = "[\"no\"," + json(EVIL) + "]";
        write("metrics/confusion_matrix.json", "{\"schema_type\":\"confusion_matrix\",\"schema_version\":\"1.0.0\","
                + "\"data\":{\"class_labels\":" + labels + ",\"matrix\":[[40,10],[5,45]]}}");
        StringBuilder tables = new StringBuilder("[");
        for (int c = 0; c < 2; c++) {
            tables.append(c > 0 ? "," : "").append("[");
            for (int t = 0; t < 100; t++) {
                tables.append(t > 0 ? "," : "").append("[").append(50 - t / 2).append(",").append(50 - t / 2 - t / 4)
                        .append(",").append(t / 2 + t / 4).append(",").append(t / 2).append("]");
            }
            tables.append("]");
        }
        tables.append("]");
        write("metrics/accuracy_table.json", "{\"schema_type\":\"accuracy_table\",\"schema_version\":\"1.0.1\","
                + "\"data\":{\"probability_tables\":" + tables + ",\"percentile_tables\":" + tables
                + ",\"probability_thresholds\":[],\"percentile_thresholds\":[],\"class_labels\":" + labels + "}}");
        write("metrics/calibration_curve.json", "{\"data\":{\"class_labels\":" + labels + ",\"bin_edges\":[0,0.5,1],"
                + "\"bin_counts\":[[3,0],[1,2]],\"mean_predicted\":[[0.2,null],[0.4,0.8]],"
                + "\"fraction_positive\":[[0.1,null],[0.5,0.9]]}}");
    }

    private void write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String json(String text) throws Exception {
        return Page.JSON.writeValueAsString(text);
    }

    private static JsonNode data(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(m.find());
        return Page.JSON.readTree(m.group(1));
    }

    /** The y values of the search chart's best-so-far line. */
    private static java.util.List<Double> bestSoFar(JsonNode data) {
        for (JsonNode d : data.get("charts").get(0).get("config").get("data").get("datasets")) {
            if (d.get("label").asText().equals("best so far")) {
                return d.get("data").findValues("y").stream().map(JsonNode::asDouble).toList();
            }
        }
        throw new AssertionError("no best-so-far line");
    }

    private static long countCanvases(String html) {
        return Pattern.compile("<canvas id=\"chart\\d+\" data-chart").matcher(html).results().count();
    }
}

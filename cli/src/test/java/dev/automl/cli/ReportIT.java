package dev.automl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html of real runs of the jar, opened in headless Chromium: every chart canvas is drawn, the console is
 * silent, and the page stays under 2 MB. Skipped, saying so, where Chromium is not installed.
 */
class ReportIT {

    /** The limit on one report. */
    static final long MAX_BYTES = 2L * 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void classificationReportDrawsEveryChartInChromium() throws Exception {
        Path job = job("iris", "classification", "Species", "iris/iris.csv",
                "primary_metric: accuracy\ntest_data:\n  path: " + JarRunner.testdata("iris/iris.csv")
                        + "\n  type: uri_file\nlimits:\n  max_trials: 4\n");
        Path out = run(job);
        for (String f : List.of("confusion_matrix", "accuracy_table", "calibration_curve")) {
            assertTrue(Files.exists(out.resolve("metrics/" + f + ".json")), f);
            assertTrue(Files.exists(out.resolve("metrics/test/" + f + ".json")), "test " + f);
        }
        // two sets of ROC, PR, calibration and two confusion matrices, the search and timing (and importance, when
        // the explanation finished a repeat within its budget)
        assertDrawnInChromium(out, 13);
    }

    @Test
    void regressionReportDrawsEveryChartInChromiumAndTheCommandRewritesIt() throws Exception {
        Path job = job("concrete", "regression", "compressive_strength", "concrete/concrete.csv",
                "primary_metric: r2_score\nlimits:\n  max_trials: 4\n");
        Path out = run(job);
        for (String f : List.of("residuals", "predicted_true", "predictions_sample")) {
            assertTrue(Files.exists(out.resolve("metrics/" + f + ".json")), f);
        }
        // predicted against true, residual histogram and scatter, the search and timing (and importance)
        assertDrawnInChromium(out, 6);

        Files.delete(out.resolve("report.html"));
        JarRunner.Result r = JarRunner.run(work, "report", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("Wrote " + out.resolve("report.html"), r.stdout().strip());
        assertDrawnInChromium(out, 6);

        JarRunner.Result bad = JarRunner.run(work, "report", work.toString());
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.stderr().contains("is not a run folder: it has neither summary.json nor trials.jsonl"),
                bad.toString());
    }

    private Path run(Path job) throws Exception {
        JarRunner.Result r = JarRunner.run(work, "run", job.toString(), "--output", "out");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("Report: "), r.toString());
        return work.resolve("out");
    }

    /** Every chart canvas of the report has pixels drawn in Chromium, at least {@code minCharts} of them. */
    private void assertDrawnInChromium(Path out, int minCharts) throws Exception {
        Path html = out.resolve("report.html");
        long bytes = Files.size(html);
        assertTrue(bytes < MAX_BYTES, html + " is " + bytes + " bytes");
        long charts = Pattern.compile("<canvas id=\"chart\\d+\" data-chart").matcher(Files.readString(html)).results()
                .count();
        assertTrue(charts >= minCharts, charts + " charts, expected at least " + minCharts);
        Assumptions.assumeTrue(Chromium.installed(), "chromium is not installed: " + Chromium.BINARY
                + " is absent (apt-get install chromium), so the report was not opened in a browser");
        Chromium.Page page = Chromium.open(html, Files.createTempDirectory(work, "profile"));
        assertEquals(String.valueOf(charts), page.bodyData("charts-expected"), "chart canvases on the page");
        assertEquals(page.bodyData("charts-expected"), page.bodyData("charts-rendered"),
                "every canvas has pixels drawn; Chromium's log:\n" + page.log());
        assertEquals(List.of(), page.consoleLines(), "the page's console is silent");
    }

    private Path job(String name, String task, String target, String data, String extra) throws Exception {
        String yaml = "type: automl\ntask: " + task + "\ntarget_column_name: " + target + "\ntraining_data:\n  path: "
                + JarRunner.testdata(data) + "\n  type: uri_file\n" + extra;
        Path f = work.resolve(name + ".yml");
        Files.writeString(f, yaml);
        return f;
    }
}

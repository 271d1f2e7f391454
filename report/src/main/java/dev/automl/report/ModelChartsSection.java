package dev.automl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The saved model's charts from metrics/ (and metrics/test/): for classification ROC and precision-recall curves
 * per class (from the accuracy table), calibration curves and the confusion matrix in counts and normalised by true
 * class; for regression predicted against true, the residual histogram and residuals against predicted.
 */
final class ModelChartsSection implements Section {

    /** More curves than this on one chart are unreadable; the rest are named in a note. */
    static final int MAX_CURVES = 10;

    @Override
    public void render(RunFolder run, Page page) {
        page.section("model", "The best model");
        JsonNode refit = run.summaryAt("refit");
        JsonNode best = run.summaryAt("best");
        if (!best.isMissingNode()) {
            page.note("Saved: trial " + Text.of(refit.path("trial_id").isMissingNode() ? best.path("trial_id")
                    : refit.path("trial_id")) + " (" + Text.of(refit.path("algorithm").isMissingNode()
                    ? best.path("algorithm") : refit.path("algorithm")) + "); best validation score "
                    + Text.of(best.path("score")) + ".");
        }
        if (run.validationCharts().isEmpty() && run.testCharts().isEmpty()) {
            page.note("No chart data (metrics/*.json) in this run folder: a forecasting run, a run without a saved"
                    + " model, or one from an engine before the charts.");
            return;
        }
        draw(run.validationCharts(), "validation", page);
        if (!run.testCharts().isEmpty()) {
            page.subheading("On the test data");
            draw(run.testCharts(), "test", page);
        }
    }

    private static void draw(Map<String, JsonNode> charts, String rows, Page page) {
        if (charts.isEmpty()) {
            page.note("No chart data of the " + rows + " rows.");
            return;
        }
        if (charts.containsKey("accuracy_table")) {
            curves(charts.get("accuracy_table"), rows, page);
        }
        if (charts.containsKey("calibration_curve")) {
            calibration(charts.get("calibration_curve"), rows, page);
        }
        if (charts.containsKey("confusion_matrix")) {
            confusion(charts.get("confusion_matrix"), rows, page);
        }
        if (charts.containsKey("predictions_sample") || charts.containsKey("predicted_true")) {
            predictedTrue(charts.get("predictions_sample"), charts.get("predicted_true"), rows, page);
        }
        if (charts.containsKey("residuals")) {
            residualHistogram(charts.get("residuals"), rows, page);
        }
        if (charts.containsKey("predictions_sample")) {
            residualsAgainstPredicted(charts.get("predictions_sample"), rows, page);
        }
    }

    /** ROC (fpr, tpr) and precision-recall per class, from the accuracy table's counts at 100 probability thresholds. */
    private static void curves(JsonNode table, String rows, Page page) {
        List<String> labels = labels(table.path("class_labels"));
        JsonNode tables = table.path("probability_tables");
        ObjectNode roc = ChartConfig.xy("false positive rate", "true positive rate");
        ObjectNode pr = ChartConfig.xy("recall", "precision");
        int shown = Math.min(labels.size(), MAX_CURVES);
        for (int c = 0; c < shown; c++) {
            JsonNode t = tables.path(c);
            int n = t.size();
            double[] fpr = new double[n];
            double[] tpr = new double[n];
            double[] recall = new double[n];
            double[] precision = new double[n];
            for (int i = 0; i < n; i++) {
                double tp = t.get(i).get(0).asDouble();
                double fp = t.get(i).get(1).asDouble();
                double tn = t.get(i).get(2).asDouble();
                double fn = t.get(i).get(3).asDouble();
                fpr[i] = fp + tn > 0 ? fp / (fp + tn) : Double.NaN;
                tpr[i] = tp + fn > 0 ? tp / (tp + fn) : Double.NaN;
                recall[i] = tpr[i];
                precision[i] = tp + fp > 0 ? tp / (tp + fp) : Double.NaN;
            }
            ChartConfig.series(roc, labels.get(c), fpr, tpr, ChartConfig.color(c), true);
            ChartConfig.series(pr, labels.get(c), recall, precision, ChartConfig.color(c), true);
        }
        ChartConfig.reference(roc, "chance", 0, 0, 1, 1);
        bounds(roc);
        bounds(pr);
        tooMany(labels, page);
        page.chart("ROC curve per class (" + rows + ")", roc);
        page.chart("Precision-recall curve per class (" + rows + ")", pr);
    }

    private static void calibration(JsonNode cal, String rows, Page page) {
        List<String> labels = labels(cal.path("class_labels"));
        ObjectNode chart = ChartConfig.xy("mean predicted probability", "fraction of rows in the class");
        for (int c = 0; c < Math.min(labels.size(), MAX_CURVES); c++) {
            JsonNode counts = cal.path("bin_counts").path(c);
            List<double[]> points = new ArrayList<>();
            for (int b = 0; b < counts.size(); b++) {
                JsonNode x = cal.path("mean_predicted").path(c).path(b);
                JsonNode y = cal.path("fraction_positive").path(c).path(b);
                if (counts.get(b).asLong() > 0 && x.isNumber() && y.isNumber()) {
                    points.add(new double[] {x.asDouble(), y.asDouble()});
                }
            }
            ObjectNode s = ChartConfig.series(chart, labels.get(c), points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray(), ChartConfig.color(c), true);
            s.put("pointRadius", 3);
        }
        ChartConfig.reference(chart, "perfectly calibrated", 0, 0, 1, 1);
        bounds(chart);
        page.chart("Calibration curve per class, 10 bins (" + rows + ")", chart);
    }

    private static void confusion(JsonNode cm, String rows, Page page) {
        List<String> labels = labels(cm.path("class_labels"));
        JsonNode m = cm.path("matrix");
        int k = labels.size();
        double[][] counts = new double[k][k];
        double[][] normalised = new double[k][k];
        for (int r = 0; r < k; r++) {
            double total = 0;
            for (int c = 0; c < k; c++) {
                counts[r][c] = m.path(r).path(c).asDouble();
                total += counts[r][c];
            }
            for (int c = 0; c < k; c++) {
                normalised[r][c] = total > 0 ? counts[r][c] / total : 0;
            }
        }
        page.chart("Confusion matrix, counts (" + rows + ")",
                ChartConfig.matrix(labels, counts, "predicted class", "true class", false));
        page.chart("Confusion matrix, normalised by true class (" + rows + ")",
                ChartConfig.matrix(labels, normalised, "predicted class", "true class", true));
    }

    /** The sampled rows' predicted against true values, the binned means of Azure's chart, and the ideal line. */
    private static void predictedTrue(JsonNode sample, JsonNode binned, String rows, Page page) {
        ObjectNode chart = ChartConfig.xy("true value", "predicted value");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (sample != null) {
            double[] t = doubles(sample.path("true"));
            double[] p = doubles(sample.path("predicted"));
            ChartConfig.series(chart, "rows (" + t.length + " of " + Text.of(sample.path("rows")) + ")", t, p,
                    ChartConfig.color(0), false);
            for (int i = 0; i < t.length; i++) {
                lo = Math.min(lo, Math.min(t[i], p[i]));
                hi = Math.max(hi, Math.max(t[i], p[i]));
            }
        }
        if (binned != null) {
            double[] edges = doubles(binned.path("bin_edges"));
            double[] means = doubles(binned.path("bin_averages"));
            JsonNode counts = binned.path("bin_counts");
            List<double[]> points = new ArrayList<>();
            for (int b = 0; b < means.length && b + 1 < edges.length; b++) {
                if (counts.path(b).asLong() > 0) {
                    points.add(new double[] {(edges[b] + edges[b + 1]) / 2, means[b]});
                    lo = Math.min(lo, edges[b]);
                    hi = Math.max(hi, edges[b + 1]);
                }
            }
            ObjectNode s = ChartConfig.series(chart, "mean prediction per bin of true values",
                    points.stream().mapToDouble(x -> x[0]).toArray(), points.stream().mapToDouble(x -> x[1]).toArray(),
                    ChartConfig.color(1), true);
            s.put("pointRadius", 3);
        }
        if (lo < hi) {
            ChartConfig.reference(chart, "predicted = true", lo, lo, hi, hi);
        }
        page.chart("Predicted against true (" + rows + ")", chart);
    }

    private static void residualHistogram(JsonNode res, String rows, Page page) {
        double[] edges = doubles(res.path("bin_edges"));
        double[] counts = doubles(res.path("bin_counts"));
        List<String> bins = new ArrayList<>();
        for (int b = 0; b + 1 < edges.length; b++) {
            bins.add(Text.number(edges[b]) + " to " + Text.number(edges[b + 1]));
        }
        ObjectNode chart = ChartConfig.bars(bins, "rows", false);
        ChartConfig.barSeries(chart, "residuals (predicted - true): mean " + Text.of(res.path("mean")) + ", sd "
                + Text.of(res.path("stddev")) + ", " + Text.of(res.path("res_count")) + " rows", counts, ChartConfig.color(0));
        page.chart("Residual histogram (" + rows + ")", chart);
    }

    private static void residualsAgainstPredicted(JsonNode sample, String rows, Page page) {
        double[] t = doubles(sample.path("true"));
        double[] p = doubles(sample.path("predicted"));
        double[] r = new double[t.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.length; i++) {
            r[i] = p[i] - t[i];
            lo = Math.min(lo, p[i]);
            hi = Math.max(hi, p[i]);
        }
        ObjectNode chart = ChartConfig.xy("predicted value", "residual (predicted - true)");
        ChartConfig.series(chart, "rows (" + t.length + " of " + Text.of(sample.path("rows")) + ")", p, r,
                ChartConfig.color(0), false);
        if (lo < hi) {
            ChartConfig.reference(chart, "zero", lo, 0, hi, 0);
        }
        page.chart("Residuals against predicted (" + rows + ")", chart);
    }

    private static void tooMany(List<String> labels, Page page) {
        if (labels.size() > MAX_CURVES) {
            page.note("Curves of the first " + MAX_CURVES + " of " + labels.size() + " classes; the rest: "
                    + String.join(", ", labels.subList(MAX_CURVES, labels.size())) + ".");
        }
    }

    private static void bounds(ObjectNode chart) {
        for (String a : List.of("x", "y")) {
            ChartConfig.axisOf(chart, a).put("min", 0).put("max", 1);
        }
    }

    private static List<String> labels(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(l -> out.add(l.asText()));
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNumber() ? array.get(i).asDouble() : Double.NaN;
        }
        return out;
    }
}

package dev.automl.engine.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** summary.md: the mean score of each dataset over its folds, beside the suite's reference scores. */
final class SummaryTable {

    private SummaryTable() {
    }

    static String render(BenchmarkSuite suite, List<FoldResult> results) {
        Set<String> frameworks = new LinkedHashSet<>();
        for (BenchmarkDataset d : suite.datasets()) {
            for (String key : d.references().keySet()) {
                frameworks.add(framework(key));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(suite.name()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Budget %.0f s per fold; folds %s of %d; seed %d. Mean over the folds that"
                + " finished; AUC higher is better, log loss and RMSE lower; forecasting datasets run M4's holdout as"
                + " fold 0, with sMAPE, MASE and OWA (against Naive2) lower.%n%n", suite.budgetSeconds(), suite.folds(),
                BenchmarkSuite.OUTER_FOLDS, suite.seed()));
        List<String> header = new ArrayList<>(List.of("dataset", "metric", "automl", "folds", "mean s", "best algorithms"));
        header.addAll(frameworks);
        sb.append("| ").append(String.join(" | ", header)).append(" |\n");
        sb.append("|").append("---|".repeat(header.size())).append("\n");
        for (BenchmarkDataset d : suite.datasets()) {
            List<FoldResult> rows = results.stream().filter(r -> r.dataset().equals(d.name())).toList();
            Set<String> metrics = new LinkedHashSet<>();
            rows.forEach(r -> metrics.add(r.metric()));
            if (metrics.isEmpty()) {
                metrics.add("");
            }
            for (String metric : metrics) {
                List<FoldResult> of = rows.stream().filter(r -> r.metric().equals(metric)).toList();
                sb.append("| ").append(String.join(" | ", cells(d, metric, of, frameworks))).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static List<String> cells(BenchmarkDataset d, String metric, List<FoldResult> rows, Set<String> frameworks) {
        List<FoldResult> ok = rows.stream().filter(FoldResult::ok).toList();
        double mean = ok.stream().mapToDouble(FoldResult::score).average().orElse(Double.NaN);
        double secs = rows.stream().mapToDouble(FoldResult::seconds).average().orElse(Double.NaN);
        Set<String> algorithms = new LinkedHashSet<>();
        ok.forEach(r -> algorithms.add(r.bestAlgorithm()));
        List<String> cells = new ArrayList<>(List.of(d.name(), metric, format(mean),
                ok.size() + "/" + rows.size(), Double.isNaN(secs) ? "" : String.format(Locale.ROOT, "%.0f", secs),
                String.join(", ", algorithms)));
        for (String f : frameworks) {
            Double ref = d.references().getOrDefault(f + "/" + metric, d.references().get(f));
            cells.add(ref == null ? "" : format(ref));
        }
        return cells;
    }

    /**
     * The framework a reference score is for: its key, or the part before the slash of a key that names the metric
     * too ({@code R ets/smape}), as a forecasting dataset's references do.
     */
    private static String framework(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}

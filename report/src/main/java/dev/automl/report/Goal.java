package dev.automl.report;

import java.util.Locale;
import java.util.Map;

/** Whether the primary metric is better higher or lower, which the best-so-far line needs. */
enum Goal {
    MAXIMIZE, MINIMIZE;

    /**
     * From the leaderboard, which ranks by the primary metric: lower is better when the first row's value is the
     * smallest and not also the largest; without a leaderboard, from the metric's name (errors and losses fall).
     */
    static Goal of(String metric, CsvFile leaderboard) {
        if (leaderboard != null && leaderboard.has(metric)) {
            double first = Double.NaN;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Map<String, String> row : leaderboard.rows()) {
                double v = parse(row.get(metric));
                if (Double.isNaN(v) || row.getOrDefault("rank", "").isEmpty()) {
                    continue;
                }
                if (Double.isNaN(first)) {
                    first = v;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (!Double.isNaN(first) && min < max) {
                return first == max ? MAXIMIZE : MINIMIZE;
            }
        }
        String m = metric.toLowerCase(Locale.ROOT);
        return m.contains("error") || m.contains("loss") || m.contains("mape") || m.contains("mase") ? MINIMIZE
                : MAXIMIZE;
    }

    boolean better(double a, double b) {
        return this == MAXIMIZE ? a > b : a < b;
    }

    static double parse(String s) {
        try {
            return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}

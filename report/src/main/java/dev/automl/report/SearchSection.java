package dev.automl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search over time: each completed trial's score against the seconds from the run's start to its end, one
 * series per algorithm, the best score so far, and where the search stopped and why (early termination, a limit).
 */
final class SearchSection implements Section {

    @Override
    public void render(RunFolder run, Page page) {
        page.section("search", "The search over time");
        List<JsonNode> trials = run.trials();
        if (trials.isEmpty()) {
            page.note("No trials.jsonl in this run folder, or no trial in it.");
            return;
        }
        String metric = run.summaryAt("primary_metric").asText("score");
        Goal goal = Goal.of(metric, run.leaderboard());
        boolean timed = trials.stream().allMatch(t -> t.path("elapsed_seconds").isNumber());
        Map<String, List<double[]>> byAlgorithm = new LinkedHashMap<>();
        List<double[]> scored = new ArrayList<>();
        double searchEnd = Double.NaN;
        int unscored = 0;
        for (int i = 0; i < trials.size(); i++) {
            JsonNode t = trials.get(i);
            double x = timed ? t.path("elapsed_seconds").asDouble() : i + 1;
            if (!"ensemble".equals(t.path("origin").asText())) {
                searchEnd = Double.isNaN(searchEnd) ? x : Math.max(searchEnd, x);
            }
            if (!"completed".equals(t.path("status").asText()) || !t.path("score").isNumber()) {
                unscored++;
                continue;
            }
            double[] point = {x, t.path("score").asDouble()};
            byAlgorithm.computeIfAbsent(t.path("algorithm").asText("?"), k -> new ArrayList<>()).add(point);
            scored.add(point);
        }
        if (!timed) {
            page.note("trials.jsonl has no elapsed_seconds (an older run): trials are placed by their order instead.");
        }
        if (unscored > 0) {
            page.note(unscored + " trial(s) failed or timed out and have no score; leaderboard.csv gives their reasons.");
        }
        if (scored.isEmpty()) {
            page.note("No trial completed, so there is nothing to plot.");
            return;
        }
        String xTitle = timed ? "seconds since the run started (trial end)" : "trial";
        ObjectNode chart = ChartConfig.xy(xTitle, metric);
        int c = 0;
        for (Map.Entry<String, List<double[]>> e : byAlgorithm.entrySet()) {
            ChartConfig.series(chart, e.getKey(), column(e.getValue(), 0), column(e.getValue(), 1), ChartConfig.color(c++),
                    false).put("pointRadius", 4);
        }
        scored.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] bx = new double[scored.size()];
        double[] by = new double[scored.size()];
        double best = Double.NaN;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scored.size(); i++) {
            double v = scored.get(i)[1];
            if (Double.isNaN(best) || goal.better(v, best)) {
                best = v;
            }
            bx[i] = scored.get(i)[0];
            by[i] = best;
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        ObjectNode line = ChartConfig.series(chart, "best so far", bx, by, "#222222", true);
        line.put("stepped", "before");
        String stopped = run.summaryAt("stopped_because").asText("");
        if (!Double.isNaN(searchEnd)) {
            ObjectNode stop = ChartConfig.series(chart, "search stopped" + (stopped.isEmpty() ? "" : ": " + stopped),
                    new double[] {searchEnd, searchEnd}, new double[] {low, high}, "#e15759", true);
            stop.putArray("borderDash").add(6).add(4);
        }
        page.chart("Score of each trial (" + metric + ", " + (goal == Goal.MAXIMIZE ? "higher" : "lower")
                + " is better) by algorithm", chart);
    }

    private static double[] column(List<double[]> points, int i) {
        return points.stream().mapToDouble(p -> p[i]).toArray();
    }
}

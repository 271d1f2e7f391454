package dev.automl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the run's time went: each stage's seconds from summary.json, and the trials' fit seconds per algorithm. */
final class TimingSection implements Section {

    @Override
    public void render(RunFolder run, Page page) {
        page.section("timing", "Timing");
        JsonNode timing = run.summaryAt("timing");
        if (timing.isObject()) {
            List<String> stages = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            List<List<String>> facts = new ArrayList<>();
            timing.fields().forEachRemaining(e -> {
                facts.add(List.of(e.getKey().replace('_', ' '), Text.of(e.getValue())));
                String k = e.getKey();
                if (k.endsWith("_seconds") && e.getValue().isNumber() && !k.startsWith("total")
                        && !k.startsWith("timeout") && !k.startsWith("overshoot")) {
                    stages.add(k.substring(0, k.length() - "_seconds".length()));
                    seconds.add(e.getValue().asDouble());
                }
            });
            page.facts(facts);
            if (!stages.isEmpty()) {
                ObjectNode chart = ChartConfig.bars(stages, "seconds", true);
                ChartConfig.barSeries(chart, "seconds", seconds.stream().mapToDouble(Double::doubleValue).toArray(),
                        ChartConfig.color(0));
                chart.withObjectProperty("options").withObjectProperty("plugins").withObjectProperty("legend")
                        .put("display", false);
                page.chart("Seconds per stage", chart);
            }
        } else {
            page.note("No timing in summary.json (the run has not ended, or its summary.json is absent).");
        }
        Map<String, Double> fit = new LinkedHashMap<>();
        for (JsonNode t : run.trials()) {
            if (t.path("fit_seconds").isNumber()) {
                fit.merge(t.path("algorithm").asText("?"), t.path("fit_seconds").asDouble(), Double::sum);
            }
        }
        if (!fit.isEmpty()) {
            ObjectNode chart = ChartConfig.bars(new ArrayList<>(fit.keySet()), "seconds", true);
            ChartConfig.barSeries(chart, "fit seconds", fit.values().stream().mapToDouble(Double::doubleValue).toArray(),
                    ChartConfig.color(1));
            chart.withObjectProperty("options").withObjectProperty("plugins").withObjectProperty("legend")
                    .put("display", false);
            page.chart("Fit seconds of all trials, per algorithm", chart);
        }
    }
}

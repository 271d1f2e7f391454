package dev.automl.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The job as the run read it (task, metric, data shape, validation, limits, how it ended) and the data guardrails. */
final class JobSection implements Section {

    /** summary.json keys shown, in this order, with the label each gets. */
    private static final List<List<String>> KEYS = List.of(List.of("task", "Task"),
            List.of("primary_metric", "Primary metric"), List.of("target_column", "Target column"),
            List.of("rows", "Training rows"), List.of("feature_columns", "Feature columns"),
            List.of("classes", "Classes"), List.of("validation", "Validation"), List.of("timeout_minutes",
                    "Timeout (minutes)"), List.of("seed", "Seed"), List.of("status", "Status"),
            List.of("stopped_because", "Search stopped because"), List.of("trials", "Trials"),
            List.of("best", "Best row"), List.of("test", "Test data"), List.of("seconds", "Run seconds"),
            List.of("engine_version", "Engine version"), List.of("ignored_keys", "Ignored keys"),
            List.of("notes", "Notes"));

    @Override
    public void render(RunFolder run, Page page) {
        page.section("job", "The job");
        if (run.summary() == null) {
            page.note("No summary.json in this run folder: the job's settings are unknown.");
        } else {
            List<List<String>> facts = new ArrayList<>();
            for (List<String> k : KEYS) {
                JsonNode v = run.summaryAt(k.get(0));
                if (v.isMissingNode() || v.isNull() || (v.isContainerNode() && v.isEmpty())) {
                    continue;
                }
                String text = k.get(0).equals("feature_columns") && v.isArray() ? v.size() + ": " + Text.of(v)
                        : k.get(0).equals("test") ? Text.of(v.path("metrics")).isEmpty() ? Text.of(v)
                        : "rows: " + Text.of(v.path("rows")) + "; " + Text.of(v.path("metrics")) : Text.of(v);
                facts.add(List.of(k.get(1), text));
            }
            page.facts(facts);
        }
        page.subheading("Data guardrails");
        JsonNode guardrails = run.guardrails();
        if (guardrails == null || !guardrails.isArray()) {
            page.note("No guardrails.json in this run folder.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode g : guardrails) {
            rows.add(List.of(Text.of(g.path("name")), Text.of(g.path("status")), Text.of(g.path("description")),
                    Text.of(g.path("details"))));
        }
        page.table(List.of("Guardrail", "Status", "Description", "Details"), rows, false);
    }
}

package dev.automl.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** featurization.json as a table: per raw column, the type detected, whether it was dropped and its transformations. */
final class FeaturizationSection implements Section {

    private static final List<String> KEYS = List.of("RawFeatureName", "TypeDetected", "Dropped",
            "EngineeredFeatureCount", "Transformations", "DropReason");

    @Override
    public void render(RunFolder run, Page page) {
        page.section("featurization", "Featurization");
        JsonNode f = run.featurization();
        if (f == null || !f.isArray()) {
            page.note("No featurization.json in this run folder (it is written with the saved model).");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode column : f) {
            List<String> row = new ArrayList<>();
            for (String k : KEYS) {
                row.add(Text.of(column.path(k)));
            }
            rows.add(row);
        }
        page.table(List.of("Column", "Type detected", "Dropped", "Engineered features", "Transformations",
                "Why dropped"), rows, true);
    }
}

package dev.automl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw and engineered feature importance from explanations/, when the run explained its model: the most important
 * first, as the files list them. Columns are found by their header names and other columns are ignored.
 */
final class ImportanceSection implements Section {

    /** Bars beyond this many are unreadable; the files have them all. */
    static final int TOP = 20;

    @Override
    public void render(RunFolder run, Page page) {
        page.section("importance", "Feature importance");
        if (run.rawImportance() == null && run.engineeredImportance() == null) {
            page.note("No explanations/ in this run folder: the model was not explained (enable_model_explainability"
                    + " off, a forecasting run, or an older engine).");
            return;
        }
        JsonNode e = run.explanation();
        if (e != null) {
            // Each part only when explanation.json has it: its keys differ by method and engine version.
            StringBuilder note = new StringBuilder("Method: ").append(Text.of(e.path("method")));
            if (e.path("rows").isNumber()) {
                note.append(" on ").append(Text.of(e.path("rows"))).append(" rows");
            }
            if (e.path("rows_are").isTextual()) {
                note.append(" (").append(e.path("rows_are").asText()).append(")");
            }
            if (e.path("metric").isTextual()) {
                note.append(", metric ").append(e.path("metric").asText());
            }
            if (e.path("importance").isTextual()) {
                note.append(". Importance: ").append(e.path("importance").asText());
            }
            page.note(note.append('.').toString());
        }
        chart(run.rawImportance(), "column", "Raw feature importance (columns of the data)", page);
        chart(run.engineeredImportance(), "feature", "Engineered feature importance (what the learners saw)", page);
    }

    private static void chart(CsvFile file, String nameColumn, String title, Page page) {
        if (file == null) {
            page.note("No " + (nameColumn.equals("column") ? "raw" : "engineered") + " importance file.");
            return;
        }
        if (!file.has(nameColumn) || !file.has("importance")) {
            page.note(title + ": the file has no " + nameColumn + " or importance column.");
            return;
        }
        if (file.rows().isEmpty()) {
            page.note(title + ": the file has no rows (the explanation was cut short before its first repeat).");
            return;
        }
        // The first row of each name: the files list the most important first.
        Map<String, Double> top = new LinkedHashMap<>();
        for (Map<String, String> row : file.rows()) {
            String name = row.get(nameColumn);
            if (file.has("raw_column") && !row.getOrDefault("raw_column", "").isEmpty() && !name.contains(row.get("raw_column"))) {
                name = name + " (" + row.get("raw_column") + ")";
            }
            top.putIfAbsent(name, Goal.parse(row.get("importance")));
            if (top.size() == TOP) {
                break;
            }
        }
        List<String> names = new ArrayList<>(top.keySet());
        ObjectNode chart = ChartConfig.bars(names, "importance", true);
        ChartConfig.barSeries(chart, "importance", top.values().stream().mapToDouble(Double::doubleValue).toArray(),
                ChartConfig.color(0));
        chart.withObjectProperty("options").withObjectProperty("plugins").withObjectProperty("legend")
                .put("display", false);
        page.chart(title + (file.rows().size() > TOP ? ", top " + TOP + " of " + file.rows().size() : ""), chart);
    }
}

package dev.automl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run folder holds, read from its files alone; a part whose file is absent (an older run, a forecasting run,
 * a run without explanations or test data) is null or empty, and its section of the report says so.
 *
 * @param summary              summary.json; a run folder has at least this or trials.jsonl
 * @param leaderboard          leaderboard.csv
 * @param trials               trials.jsonl, one node per line
 * @param guardrails           guardrails.json
 * @param featurization        featurization.json
 * @param rawImportance        explanations/raw_importance.csv
 * @param engineeredImportance explanations/engineered_importance.csv
 * @param explanation          explanations/explanation.json
 * @param validationCharts     metrics/*.json by file name without ".json"
 * @param testCharts           metrics/test/*.json the same way
 */
record RunFolder(Path dir, JsonNode summary, CsvFile leaderboard, List<JsonNode> trials, JsonNode guardrails,
                 JsonNode featurization, CsvFile rawImportance, CsvFile engineeredImportance, JsonNode explanation,
                 Map<String, JsonNode> validationCharts, Map<String, JsonNode> testCharts) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The chart data files the report reads from metrics/ and metrics/test/. */
    static final List<String> CHART_FILES = List.of("confusion_matrix", "accuracy_table", "calibration_curve",
            "residuals", "predicted_true", "predictions_sample");

    static RunFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RunFolderException(dir + " is not a folder.");
        }
        if (!Files.exists(dir.resolve("summary.json")) && !Files.exists(dir.resolve("trials.jsonl"))) {
            throw new RunFolderException(dir + " is not a run folder: it has neither summary.json nor trials.jsonl"
                    + " (give the folder `automl run` wrote, such as outputs/<job name>).");
        }
        return new RunFolder(dir, json(dir.resolve("summary.json")), csv(dir.resolve("leaderboard.csv")),
                lines(dir.resolve("trials.jsonl")), json(dir.resolve("guardrails.json")),
                json(dir.resolve("featurization.json")), csv(dir.resolve("explanations/raw_importance.csv")),
                csv(dir.resolve("explanations/engineered_importance.csv")),
                json(dir.resolve("explanations/explanation.json")), charts(dir.resolve("metrics")),
                charts(dir.resolve("metrics/test")));
    }

    /** The summary's value at a key, or a missing node. */
    JsonNode summaryAt(String key) {
        return summary == null ? JSON.missingNode() : summary.path(key);
    }

    String task() {
        return summaryAt("task").asText("");
    }

    private static JsonNode json(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new RunFolderException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static CsvFile csv(Path file) {
        return Files.exists(file) ? CsvFile.read(file) : null;
    }

    private static List<JsonNode> lines(Path file) {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new RunFolderException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static Map<String, JsonNode> charts(Path folder) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String name : CHART_FILES) {
            JsonNode node = json(folder.resolve(name + ".json"));
            if (node != null) {
                out.put(name, node.path("data"));
            }
        }
        return out;
    }
}

package dev.automl.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.automl.data.InvalidInputException;
import dev.automl.engine.explain.Explanation;
import dev.automl.engine.explain.FeatureImportance;
import dev.automl.engine.model.ModelStore;
import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialResult;
import dev.automl.featurization.FeaturizationSummary;
import dev.automl.metrics.MetricDefinition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A run's output folder, written as results arrive: {@code trials.jsonl} gains a line per finished trial,
 * {@code leaderboard.csv} is rewritten after each, {@code summary.json} at the start and the end. Nothing touches
 * the folder before {@link #open}, so that a job refused for bad input leaves an earlier run's results alone.
 */
public final class RunDirectory {

    static final String TRIALS = "trials.jsonl";
    static final String LEADERBOARD = "leaderboard.csv";
    static final String SUMMARY = "summary.json";
    static final String MODEL = "model";
    static final String EXPLANATIONS = "explanations";
    static final String FEATURIZATION = "featurization.json";
    static final String GUARDRAILS = "guardrails.json";
    static final String METRICS = "metrics";
    static final String REPORT = "report.html";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final List<MetricDefinition> metrics;
    private final long startNanos;

    public RunDirectory(Path dir, List<MetricDefinition> metrics) {
        this(dir, metrics, System.nanoTime());
    }

    /** @param startNanos the {@link System#nanoTime()} the run started at, which trials' elapsed times count from */
    public RunDirectory(Path dir, List<MetricDefinition> metrics, long startNanos) {
        this.dir = dir;
        this.metrics = List.copyOf(metrics);
        this.startNanos = startNanos;
    }

    /** Creates the folder, or clears an earlier run's results from it, with an empty trials.jsonl. */
    public void open() {
        try {
            Files.createDirectories(dir);
            // A previous run's results in the same folder must not pass for this run's.
            Files.deleteIfExists(dir.resolve(TRIALS));
            Files.deleteIfExists(dir.resolve(LEADERBOARD));
            Files.deleteIfExists(dir.resolve(SUMMARY));
            ModelStore.delete(dir.resolve(MODEL));
            ModelStore.delete(dir.resolve(EXPLANATIONS));
            ModelStore.delete(dir.resolve(METRICS));
            Files.deleteIfExists(dir.resolve(REPORT));
            Files.createFile(dir.resolve(TRIALS));
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write the output folder " + dir.toAbsolutePath() + ": " + e);
        }
    }

    public Path path() {
        return dir;
    }

    public Path modelDir() {
        return dir.resolve(MODEL);
    }

    /** Where the saved model's chart data goes: Azure's metric artifacts. */
    public Path metricsDir() {
        return dir.resolve(METRICS);
    }

    /** Appends the trial to trials.jsonl and rewrites leaderboard.csv. */
    public synchronized void record(TrialResult r, Ranking board) {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(TRIALS), StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            Map<String, Object> line = trialJson(r);
            // When the trial ended, for the search-over-time chart.
            line.put("elapsed_seconds", round((System.nanoTime() - startNanos) / 1e9));
            w.write(JSON.writeValueAsString(line));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeLeaderboard(board);
    }

    static Map<String, Object> trialJson(TrialResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial_id", r.id());
        m.put("algorithm", r.algorithm());
        m.put("hyperparameters", r.params().values());
        m.put("origin", r.candidate().origin().id());
        m.put("status", r.status().id());
        m.put("reason", r.reason());
        m.put("score", finite(r.score()));
        m.put("fit_seconds", round(r.fitSeconds()));
        if (r.sampleRows() > 0) {
            m.put("sample_rows", r.sampleRows());
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        r.metrics().forEach((k, v) -> metrics.put(k, finite(v)));
        m.put("metrics", metrics);
        if (r.completed()) {
            m.put("refit_hyperparameters", r.refitParams().values());
        }
        return m;
    }

    private void writeLeaderboard(Ranking board) {
        List<String> header = new ArrayList<>(List.of("rank", "trial_id", "algorithm", "hyperparameters"));
        for (MetricDefinition m : metrics) {
            header.add(m.name());
        }
        header.addAll(List.of("sample_rows", "fit_seconds", "status", "reason"));
        Path tmp = dir.resolve(LEADERBOARD + ".tmp");
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            int rank = 0;
            for (TrialResult r : board.ranked()) {
                List<Object> row = new ArrayList<>();
                row.add(r.completed() ? String.valueOf(++rank) : "");
                row.add(r.id());
                row.add(r.algorithm());
                row.add(JSON.writeValueAsString(r.params().values()));
                for (MetricDefinition m : metrics) {
                    Double v = r.metrics().get(m.name());
                    row.add(v == null || v.isNaN() ? "" : v);
                }
                row.add(r.sampleRows() > 0 ? String.valueOf(r.sampleRows()) : "");
                row.add(String.format(java.util.Locale.ROOT, "%.3f", r.fitSeconds()));
                row.add(r.status().id());
                row.add(r.reason());
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, dir.resolve(LEADERBOARD), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the saved model's featurization summary, as Azure's list of one entry per raw column. */
    public synchronized void writeFeaturization(FeaturizationSummary summary) {
        try {
            PRETTY.writeValue(dir.resolve(FEATURIZATION).toFile(), summary.columns());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the data guardrails' outcomes, one entry per check. */
    public synchronized void writeGuardrails(List<Guardrails.Check> checks) {
        try {
            PRETTY.writeValue(dir.resolve(GUARDRAILS).toFile(), checks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the saved model's explanation: {@code explanations/raw_importance.csv} and
     * {@code engineered_importance.csv} (most important first; a column per class when the method gives per-class
     * figures) and {@code explanation.json}.
     */
    synchronized void writeExplanation(ExplainResult e, String metric, String model) {
        Path out = dir.resolve(EXPLANATIONS);
        Explanation x = e.explanation();
        try {
            Files.createDirectories(out);
            writeImportance(out.resolve("raw_importance.csv"), x, x.raw(), false);
            writeImportance(out.resolve("engineered_importance.csv"), x, x.engineered(), true);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", x.method().id());
            m.put("model", model);
            m.put("importance", x.method().meaning());
            m.put("rows", e.rows());
            m.put("rows_are", e.rowsAre());
            if (x.method() == Explanation.Method.PERMUTATION_IMPORTANCE) {
                m.put("metric", metric);
                m.put("repeats", x.repeats());
                m.put("cut_short", x.cutShort());
                m.put("baseline_loss", finite(x.baseline()));
            } else {
                m.put("base_value", x.base().stream().map(RunDirectory::finite).toList());
            }
            if (!x.classes().isEmpty()) {
                m.put("classes", x.classes());
            }
            m.put("seconds", round(e.seconds()));
            PRETTY.writeValue(out.resolve("explanation.json").toFile(), m);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private static void writeImportance(Path file, Explanation x, List<FeatureImportance> rows, boolean engineered)
            throws IOException {
        boolean permutation = x.method() == Explanation.Method.PERMUTATION_IMPORTANCE;
        List<String> header = new ArrayList<>(engineered ? List.of("feature", "raw_column", "importance")
                : List.of("column", "importance"));
        if (permutation) {
            header.addAll(List.of("std", "repeats"));
        }
        x.classes().forEach(c -> header.add("importance_" + c));
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(file),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build())) {
            for (FeatureImportance i : rows) {
                List<Object> record = new ArrayList<>(engineered ? List.of(i.name(), i.source(), i.importance())
                        : List.of(i.name(), i.importance()));
                if (permutation) {
                    record.add(i.std());
                    record.add(x.repeats());
                }
                record.addAll(i.perClass());
                p.printRecord(record);
            }
        }
    }

    public synchronized void writeSummary(Map<String, Object> summary) {
        Path tmp = dir.resolve(SUMMARY + ".tmp");
        try {
            PRETTY.writeValue(tmp.toFile(), summary);
            Files.move(tmp, dir.resolve(SUMMARY), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}

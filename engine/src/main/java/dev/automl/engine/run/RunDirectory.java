package dev.automl.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.automl.data.InvalidInputException;
import dev.automl.engine.explain.Explanation;
import dev.automl.engine.explain.FeatureImportance;
import dev.automl.engine.model.ModelStore;
import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialOrigin;
import dev.automl.engine.trial.TrialResult;
import dev.automl.featurization.FeaturizationSummary;
import dev.automl.metrics.MetricDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A run's output folder, written as results arrive: {@code trials.jsonl} gains a line per finished trial (after its
 * exact figures in {@link TrialArchive}), {@code leaderboard.csv} is rewritten after each, {@code summary.json} at
 * the start and the end, {@code run-state.json} (the job, the seed and the time spent) every few seconds, each file
 * whole or not at all (a temporary file renamed into place; a line appended in one write). Nothing but the lock
 * touches the folder before {@link #open}, so that a job refused for bad input leaves an earlier run's results alone.
 */
public final class RunDirectory implements AutoCloseable {

    static final String TRIALS = "trials.jsonl";
    static final String LEADERBOARD = "leaderboard.csv";
    static final String SUMMARY = "summary.json";
    static final String MODEL = "model";
    static final String EXPLANATIONS = "explanations";
    static final String FEATURIZATION = "featurization.json";
    static final String GUARDRAILS = "guardrails.json";
    static final String METRICS = "metrics";
    static final String REPORT = "report.html";
    static final String STATE = "run-state.json";
    /** How often run-state.json records the time spent, which is what a resumed run may lose of it. */
    static final long STATE_EVERY_MILLIS = 2_000;

    /**
     * What a killed run's folder says of it, for {@code --resume}.
     *
     * @param elapsedSeconds the time the run had spent when the state was last written
     */
    record State(String jobSha256, long seed, double elapsedSeconds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final List<MetricDefinition> metrics;
    private final long startNanos;
    private final TrialArchive archive;
    /** The trials trials.jsonl holds already, from the run this one resumes. */
    private final Set<Integer> kept = new HashSet<>();
    private State state;
    private boolean resuming;
    private ScheduledExecutorService heartbeat;

    public RunDirectory(Path dir, List<MetricDefinition> metrics) {
        this(dir, metrics, System.nanoTime());
    }

    /** @param startNanos the {@link System#nanoTime()} the run started at, which trials' elapsed times count from */
    public RunDirectory(Path dir, List<MetricDefinition> metrics, long startNanos) {
        this.dir = dir;
        this.metrics = List.copyOf(metrics);
        this.startNanos = startNanos;
        this.archive = new TrialArchive(dir);
    }

    /**
     * The state a run left in {@code dir}; empty when there is none (a run killed before it opened its folder, or a
     * folder no run wrote).
     */
    static Optional<State> readState(Path dir) {
        Path file = dir.resolve(STATE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return Optional.of(new State(n.path("job_sha256").asText(""), n.path("seed").asLong(),
                    n.path("elapsed_seconds").asDouble(0)));
        } catch (IOException e) {
            return Optional.empty(); // written whole or not at all; unreadable means not a run's
        }
    }

    /**
     * Takes up the run that left {@code previous} here: keeps its search trials (whole lines of trials.jsonl whose
     * figures were archived; a line torn by the kill is dropped) and drops its bagged and ensemble rows, which the
     * resumed run builds again from the same trials. Refuses a different job file or seed, whose trials would not be
     * this run's.
     */
    ResumeLog resume(State previous, String jobSha256, long seed) {
        if (!previous.jobSha256().isEmpty() && jobSha256 != null && !previous.jobSha256().equals(jobSha256)) {
            throw new InvalidInputException("Cannot resume the run in " + dir.toAbsolutePath().normalize()
                    + ": the job file changed since it began. Run without --resume to start afresh, or give another"
                    + " --output.");
        }
        if (previous.seed() != seed) {
            throw new InvalidInputException("Cannot resume the run in " + dir.toAbsolutePath().normalize()
                    + " with --seed " + seed + ": it ran with --seed " + previous.seed() + ". Resume it with --seed "
                    + previous.seed() + ".");
        }
        TreeMap<Integer, JsonNode> lines = new TreeMap<>();
        try {
            Path trials = dir.resolve(TRIALS);
            String text = Files.isRegularFile(trials) ? Files.readString(trials, StandardCharsets.UTF_8) : "";
            int end = text.lastIndexOf('\n');
            // A last line without its newline was torn by the kill.
            for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
                JsonNode n = parseLine(line);
                if (n == null) {
                    continue;
                }
                String origin = n.path("origin").asText();
                int id = n.path("trial_id").asInt(-1);
                if (id > 0 && !origin.equals(TrialOrigin.ENSEMBLE.id()) && !origin.equals(TrialOrigin.BAGGED.id())
                        && archive.read(id).isPresent()) {
                    lines.put(id, n);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + dir.resolve(TRIALS) + " to resume the run: " + e.getMessage());
        }
        kept.addAll(lines.keySet());
        resuming = true;
        return new ResumeLog(lines, archive, previous.elapsedSeconds(), this::forgetFrom);
    }

    private static JsonNode parseLine(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Creates the folder with an empty trials.jsonl, clearing an earlier run's results from it; when resuming, keeps
     * the trials {@link #resume} kept and rewrites trials.jsonl with them alone. Then records the run's state every
     * {@link #STATE_EVERY_MILLIS} ms.
     *
     * @param jobSha256 the job file's digest, which a resumed run must match; null when the job was not read from a file
     */
    public void open(String jobSha256, long seed) {
        try {
            Files.createDirectories(dir);
            if (resuming) {
                rewriteTrials(kept::contains);
            } else {
                // A previous run's results in the same folder must not pass for this run's; its model stays until this
                // run's replaces it (a run that cannot save says that the model there is the earlier one).
                Files.deleteIfExists(dir.resolve(TRIALS));
                Files.deleteIfExists(dir.resolve(LEADERBOARD));
                Files.deleteIfExists(dir.resolve(SUMMARY));
                ModelStore.settle(dir.resolve(MODEL));
                ModelStore.delete(dir.resolve(EXPLANATIONS));
                ModelStore.delete(dir.resolve(METRICS));
                Files.deleteIfExists(dir.resolve(REPORT));
                archive.clear();
                Files.createFile(dir.resolve(TRIALS));
            }
            state = new State(jobSha256 == null ? "" : jobSha256, seed, 0);
            writeState();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write the output folder " + dir.toAbsolutePath() + ": " + e);
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-state");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::writeStateQuietly, STATE_EVERY_MILLIS, STATE_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Opens the folder for a run whose job was not read from a file (tests, benchmarks): it cannot be resumed by job. */
    public void open() {
        open(null, 0);
    }

    /** Keeps the lines of trials.jsonl whose trial number passes, rewriting the file whole. */
    private synchronized void rewriteTrials(java.util.function.IntPredicate keep) throws IOException {
        Path trials = dir.resolve(TRIALS);
        StringBuilder out = new StringBuilder();
        if (Files.isRegularFile(trials)) {
            String text = Files.readString(trials, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
                JsonNode n = parseLine(line);
                if (n != null && keep.test(n.path("trial_id").asInt(-1))) {
                    out.append(line).append('\n');
                }
            }
        }
        atomically(trials, f -> Files.writeString(f, out, StandardCharsets.UTF_8));
    }

    /** The resumed run issued a trial other than the one recorded under {@code from}: the log ends before it. */
    private void forgetFrom(int from) {
        kept.removeIf(id -> id >= from);
        try {
            rewriteTrials(id -> id < from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void writeState() throws IOException {
        if (state == null) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_sha256", state.jobSha256());
        m.put("seed", state.seed());
        m.put("elapsed_seconds", round((System.nanoTime() - startNanos) / 1e9));
        atomically(dir.resolve(STATE), f -> PRETTY.writeValue(f.toFile(), m));
    }

    private void writeStateQuietly() {
        try {
            writeState();
        } catch (IOException | RuntimeException e) {
            // The next beat tries again; a resumed run loses at most the time since the last one written.
        }
    }

    /** Stops recording the run's state, after writing it a last time. */
    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            writeStateQuietly();
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
        if (!kept.contains(r.id())) {
            try {
                // The figures first: a line in trials.jsonl is the mark that the trial is whole on disk.
                archive.write(r);
                Map<String, Object> line = trialJson(r);
                // When the trial ended, for the search-over-time chart.
                line.put("elapsed_seconds", round((System.nanoTime() - startNanos) / 1e9));
                byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
                Files.write(dir.resolve(TRIALS), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
        try {
            atomically(dir.resolve(LEADERBOARD), f -> writeLeaderboard(f, header, board));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeLeaderboard(Path file, List<String> header, Ranking board) throws IOException {
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
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
        }
    }

    /** Writes the saved model's featurization summary, as Azure's list of one entry per raw column. */
    public synchronized void writeFeaturization(FeaturizationSummary summary) {
        try {
            atomically(dir.resolve(FEATURIZATION), f -> PRETTY.writeValue(f.toFile(), summary.columns()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the data guardrails' outcomes, one entry per check. */
    public synchronized void writeGuardrails(List<Guardrails.Check> checks) {
        try {
            atomically(dir.resolve(GUARDRAILS), f -> PRETTY.writeValue(f.toFile(), checks));
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
            atomically(out.resolve("raw_importance.csv"), f -> writeImportance(f, x, x.raw(), false));
            atomically(out.resolve("engineered_importance.csv"), f -> writeImportance(f, x, x.engineered(), true));
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
            atomically(out.resolve("explanation.json"), f -> PRETTY.writeValue(f.toFile(), m));
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
        try {
            atomically(dir.resolve(SUMMARY), f -> PRETTY.writeValue(f.toFile(), summary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What writes a file's content to the path it is given. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    /** Writes {@code target} whole or not at all: into a temporary file beside it, then renamed into place. */
    static void atomically(Path target, Content content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            content.writeTo(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}

package dev.automl.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.algorithms.Params;
import dev.automl.engine.trial.TrialFit;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialScores;
import dev.automl.engine.trial.TrialSpec;
import dev.automl.engine.trial.TrialStatus;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The search trials a killed run finished, read back for {@code run --resume}: the search issues its trials in the
 * same order as before (same seed, and a path that does not depend on the clock), and each one recorded is replayed
 * from trials.jsonl and its {@link TrialArchive} figures instead of trained again. Should an issued trial differ
 * from the one recorded under its number (the job or the data changed), the rest of the log is dropped and the run
 * trains from there.
 */
final class ResumeLog {

    /** A fresh run's log: nothing to replay. */
    static final ResumeLog NONE = new ResumeLog(new TreeMap<>(), null, 0, id -> { });

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreeMap<Integer, JsonNode> lines;
    private final TrialArchive archive;
    private final double elapsedSeconds;
    private final IntConsumer forgetFrom;
    private int replayed;

    /**
     * @param lines          the recorded search trials by number
     * @param elapsedSeconds the time the killed run had spent, which the time budget counts
     * @param forgetFrom     drops the recorded trials from this number on, when the run diverges from the log
     */
    ResumeLog(TreeMap<Integer, JsonNode> lines, TrialArchive archive, double elapsedSeconds, IntConsumer forgetFrom) {
        this.lines = lines;
        this.archive = archive;
        this.elapsedSeconds = elapsedSeconds;
        this.forgetFrom = forgetFrom;
    }

    double elapsedSeconds() {
        return elapsedSeconds;
    }

    /** How many recorded trials there are to replay. */
    int size() {
        return lines.size();
    }

    /** How many trials were replayed so far. */
    int replayed() {
        return replayed;
    }

    boolean isRecorded(int id) {
        return lines.containsKey(id);
    }

    /** The recorded result of the issued trial, if it was recorded as this very configuration. */
    synchronized Optional<TrialResult> replay(TrialSpec spec) {
        JsonNode line = lines.get(spec.id());
        if (line == null) {
            return Optional.empty();
        }
        Optional<TrialArchive.Figures> figures = archive.read(spec.id());
        if (figures.isEmpty() || !sameConfiguration(line, spec)) {
            diverge(spec.id());
            return Optional.empty();
        }
        replayed++;
        return Optional.of(result(spec, line, figures.get()));
    }

    private void diverge(int from) {
        lines.tailMap(from, true).clear();
        forgetFrom.accept(from);
    }

    private static boolean sameConfiguration(JsonNode line, TrialSpec spec) {
        return spec.learner().name().equals(line.path("algorithm").asText())
                && spec.origin().id().equals(line.path("origin").asText())
                && spec.configuration().sampleRows() == line.path("sample_rows").asInt(0)
                && asWritten(spec.params().values()).equals(line.path("hyperparameters"));
    }

    /** The values as trials.jsonl holds them: written and read back, so that a long 5 and an int 5 compare equal. */
    private static JsonNode asWritten(Object values) {
        try {
            return JSON.readTree(JSON.writeValueAsString(values));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static TrialResult result(TrialSpec spec, JsonNode line, TrialArchive.Figures f) {
        TrialStatus status = TrialStatus.valueOf(line.path("status").asText().toUpperCase(Locale.ROOT));
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = line.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            metrics.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN);
        }
        TrialScores scores = metrics.isEmpty() && f.validPredictions() == null && Double.isNaN(f.score())
                ? TrialScores.NONE : new TrialScores(metrics, f.score(), f.validPredictions());
        JsonNode refit = line.get("refit_hyperparameters");
        Params refitParams = refit == null || !refit.isObject() ? spec.params()
                : Params.of(JSON.convertValue(refit, Map.class));
        return new TrialResult(spec.id(), spec.configuration(), status, (line.path("reason").isTextual() ? line.path("reason").asText() : ""), scores,
                new TrialFit(f.fitSeconds(), f.foldsFitted(), refitParams, f.refitShare()));
    }
}

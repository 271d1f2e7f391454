package dev.automl.engine.run;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.data.Task;
import dev.automl.engine.job.DataReference;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.job.Limits;
import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialResult;
import dev.automl.metrics.MetricCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages of a run on blood transfusion (748 rows, 4 numbers, a binary target), without the jar: a job, its
 * data read, and a context that writes into a test's folder and records what the run says.
 */
final class StageFixture {

    static final LearnerCatalog CATALOG = LearnerCatalog.standard();
    static final Path BLOOD = repoRoot().resolve("testdata/blood_transfusion/blood_transfusion.csv");

    /** What a run told its user: info lines and finished rows, in order. */
    static final class Recorder implements RunReporter {
        final List<String> lines = new ArrayList<>();
        final List<TrialResult> finished = new ArrayList<>();

        @Override
        public synchronized void info(String message) {
            lines.add(message);
        }

        @Override
        public synchronized void trialFinished(TrialResult result, Ranking board) {
            finished.add(result);
        }

        synchronized boolean said(String prefix) {
            return lines.stream().anyMatch(l -> l.startsWith(prefix));
        }
    }

    final Recorder reporter = new Recorder();
    final Path out;

    StageFixture(Path out) {
        this.out = out;
    }

    /** Blood transfusion's job: AUC_weighted, the given learners, trials and validation folds (null: Azure's rule). */
    static JobSpec.Builder job(List<String> learners, int maxTrials, Integer folds) {
        return JobSpec.builder(Task.CLASSIFICATION, "donated", MetricCatalog.find("AUC_weighted").orElseThrow(),
                        new DataReference(BLOOD, "uri_file"))
                .nCrossValidations(folds)
                .algorithms(learners, List.of())
                .limits(Limits.builder().maxTrials(maxTrials).timeoutMinutes(10).build());
    }

    /** The run folders contexts were made with, until {@link #closeFolders}. */
    private static final List<RunDirectory> OPEN = new ArrayList<>();

    /** A context whose time promise is {@code timeoutMinutes} from now. */
    RunContext context(JobSpec spec, double timeoutMinutes) {
        RunDirectory folder = new RunDirectory(out, MetricCatalog.forTask(spec.task()));
        synchronized (OPEN) {
            OPEN.add(folder);
        }
        return new RunContext(folder, TimeBudget.of(System.nanoTime(), timeoutMinutes), 7, 2, reporter);
    }

    /**
     * Stops the run folders' state heartbeats: left running, one writes into a test's folder while JUnit deletes it,
     * and the test fails on a folder that is not empty.
     */
    static void closeFolders() {
        synchronized (OPEN) {
            OPEN.forEach(RunDirectory::close);
            OPEN.clear();
        }
    }

    Prepared prepare(JobSpec spec, RunContext ctx) {
        List<String> notes = new ArrayList<>();
        return new PrepareStage(CATALOG, ctx).prepare(spec, JobData.load(spec, notes::add), notes);
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("testdata"))) {
            p = p.getParent();
        }
        return p;
    }
}

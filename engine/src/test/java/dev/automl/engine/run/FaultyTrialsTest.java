package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.boosting.LightGbmLearner;
import dev.automl.algorithms.linear.LogisticRegression;
import dev.automl.data.Task;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.job.Limits;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialStatus;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner that fails as native code and big data make learners fail, beside LightGBM that works: a trial that runs
 * out of memory or hangs past its deadline is recorded with its reason, and the run completes within its time
 * promise with LightGBM's model. (A learner that crashes its process needs trials in worker processes, which the
 * engine does not have yet.)
 */
class FaultyTrialsTest {

    /** How the faulty learner fails. */
    enum Fault { OUT_OF_MEMORY, HANG }

    /** Releases the hung trials' threads, which ignore interruption as a stuck native call does. */
    private static volatile boolean released;

    /** Logistic regression in every respect but fitting, where it fails. */
    record FaultyLearner(Fault fault) implements Learner {
        private static final Learner SHAPE = new LogisticRegression();

        @Override
        public String name() {
            return "Faulty";
        }

        @Override
        public Set<Task> tasks() {
            return SHAPE.tasks();
        }

        @Override
        public FeatureView view() {
            return SHAPE.view();
        }

        @Override
        public double relativeCost() {
            return SHAPE.relativeCost();
        }

        @Override
        public SearchSpace space(Task task, DataShape shape) {
            return SHAPE.space(task, shape);
        }

        @Override
        public List<Params> portfolio(Task task, DataShape shape) {
            return SHAPE.portfolio(task, shape);
        }

        @Override
        public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
            if (fault == Fault.OUT_OF_MEMORY) {
                throw new OutOfMemoryError("Java heap space");
            }
            while (!released) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    // A native call does not hear the interrupt either.
                }
            }
            throw new IllegalStateException("released");
        }

        @Override
        public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
            return SHAPE.load(dir, task, numClasses);
        }
    }

    @TempDir
    Path dir;

    @AfterEach
    void release() {
        released = true;
    }

    private AutoMLRun.Outcome run(Fault fault, double timeoutMinutes) {
        // Logistic regression is in the catalog as the stack's meta-learner.
        LearnerCatalog catalog = new LearnerCatalog(List.of(new LightGbmLearner(), new LogisticRegression(),
                new FaultyLearner(fault)));
        JobSpec spec = StageFixture.job(List.of("LightGBM", "Faulty"), 4, 3)
                .limits(Limits.builder().maxTrials(4).timeoutMinutes(timeoutMinutes).build()).explain(false).build();
        return new AutoMLRun(catalog, new StageFixture.Recorder()).execute(spec,
                new AutoMLRun.Options(dir, 7, System.nanoTime(), 2));
    }

    @Test
    void aTrialOutOfMemoryIsFailedAndTheRunGoesOn() {
        AutoMLRun.Outcome outcome = run(Fault.OUT_OF_MEMORY, 10);
        assertTrue(outcome.modelSaved());
        List<TrialResult> faulty = outcome.leaderboard().ranked().stream()
                .filter(r -> r.algorithm().equals("Faulty")).toList();
        assertTrue(!faulty.isEmpty(), outcome.leaderboard().ranked().toString());
        for (TrialResult r : faulty) {
            assertEquals(TrialStatus.FAILED, r.status(), r.toString());
            assertTrue(r.reason().contains("OutOfMemoryError: Java heap space"), r.reason());
        }
        assertTrue(outcome.leaderboard().ranked().stream().anyMatch(r -> r.algorithm().equals("LightGBM") && r.completed()));
    }

    @Test
    void aTrialHungPastItsDeadlineIsAbandonedAndTheRunKeepsItsTime() {
        long start = System.nanoTime();
        AutoMLRun.Outcome outcome = run(Fault.HANG, 0.5);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(outcome.modelSaved());
        TrialResult hung = outcome.leaderboard().ranked().stream().filter(r -> r.algorithm().equals("Faulty"))
                .findFirst().orElseThrow();
        assertEquals(TrialStatus.TIMED_OUT, hung.status(), hung.toString());
        assertTrue(hung.reason().contains("did not stop within 3 s of its deadline and was abandoned"), hung.reason());
        // The time promise: timeout_minutes, plus a tenth and the slack.
        assertTrue(seconds < 30 * 1.1 + TimeBudget.SLACK_SECONDS, "took " + seconds + " s");
    }
}

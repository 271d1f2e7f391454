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
import dev.automl.engine.worker.FaultyNativeLearner;
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
 * out of memory, hangs past its deadline or (in a worker process) crashes with a real SIGSEGV is recorded with its
 * reason, and the run completes within its time promise with LightGBM's model. The faults run both in the engine's
 * process (a learner that does not declare native code) and in worker processes (one that does).
 */
class FaultyTrialsTest {

    /** How the faulty learner fails. */
    enum Fault { OUT_OF_MEMORY, HANG }

    /** Releases the hung trials' threads, which ignore interruption as a stuck native call does. */
    private static volatile boolean released;

    /** Logistic regression in every respect but fitting, where it fails, in the engine's own process. */
    static final class FaultyLearner extends FaultyNativeLearner {
        private final Fault fault;

        FaultyLearner(Fault fault) {
            this.fault = fault;
        }

        @Override
        public boolean runsNativeCode() {
            return false;
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
    }

    @TempDir
    Path dir;

    @AfterEach
    void release() {
        released = true;
    }

    private AutoMLRun.Outcome run(Fault fault, double timeoutMinutes) {
        return run(new FaultyLearner(fault), timeoutMinutes);
    }

    private AutoMLRun.Outcome run(Learner faulty, double timeoutMinutes) {
        // Logistic regression is in the catalog as the stack's meta-learner.
        LearnerCatalog catalog = new LearnerCatalog(List.of(new LightGbmLearner(), new LogisticRegression(), faulty));
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

    private List<TrialResult> faultyRows(AutoMLRun.Outcome outcome) {
        assertTrue(outcome.modelSaved());
        assertTrue(outcome.leaderboard().ranked().stream().anyMatch(r -> r.algorithm().equals("LightGBM") && r.completed()));
        List<TrialResult> faulty = outcome.leaderboard().ranked().stream()
                .filter(r -> r.algorithm().equals("Faulty")).toList();
        assertTrue(!faulty.isEmpty(), outcome.leaderboard().ranked().toString());
        return faulty;
    }

    @Test
    void aTrialWhoseWorkerDiesOfSigsegvIsFailedWithTheCrashAndTheRunGoesOn() {
        long start = System.nanoTime();
        AutoMLRun.Outcome outcome = run(new FaultyNativeLearner.Crashing(), 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (TrialResult r : faultyRows(outcome)) {
            assertEquals(TrialStatus.FAILED, r.status(), r.toString());
            assertTrue(r.reason().startsWith("its worker process crashed (exit code "), r.reason());
            assertTrue(r.reason().contains("SIGSEGV (0xb) in V [libjvm.so+"), r.reason());
        }
        assertTrue(seconds < 60 + TimeBudget.SLACK_SECONDS, "took " + seconds + " s");
    }

    @Test
    void aTrialWhoseWorkerRunsOutOfHeapIsFailedAndTheRunGoesOn() {
        for (TrialResult r : faultyRows(run(new FaultyNativeLearner.OutOfMemory(), 1))) {
            assertEquals(TrialStatus.FAILED, r.status(), r.toString());
            assertEquals("OutOfMemoryError: Java heap space", r.reason());
        }
    }

    @Test
    void aTrialWhoseWorkerHangsIsKilledAtItsDeadlineAndTheRunKeepsItsTime() {
        long start = System.nanoTime();
        AutoMLRun.Outcome outcome = run(new FaultyNativeLearner.Hanging(), 0.5);
        double seconds = (System.nanoTime() - start) / 1e9;
        TrialResult hung = faultyRows(outcome).get(0);
        assertEquals(TrialStatus.TIMED_OUT, hung.status(), hung.toString());
        assertTrue(seconds < 30 * 1.1 + TimeBudget.SLACK_SECONDS, "took " + seconds + " s");
    }
}

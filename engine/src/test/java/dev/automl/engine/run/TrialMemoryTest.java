package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.ForwardingLearner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.boosting.LightGbmLearner;
import dev.automl.algorithms.linear.LogisticRegression;
import dev.automl.algorithms.svm.SupportVectorMachine;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.job.Limits;
import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.TrialOrigin;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialSpec;
import dev.automl.engine.trial.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial's heap, judged before it starts: the decision from a learner's estimate against a stated free heap, and a
 * whole run on blood transfusion where one learner's trials cannot fit the real heap (skipped, with the reason) and
 * another's fit only a sample (run on it, with a line in the log).
 */
class TrialMemoryTest {

    private static final long MB = 1L << 20;

    private static TrialSpec spec(dev.automl.algorithms.Learner learner) {
        return new TrialSpec(3, new Candidate.Configuration(learner, Params.empty(), TrialOrigin.PORTFOLIO, 0));
    }

    private static TrialMemory memory(long freeBytes) {
        // 100,000 training rows of 50 features; 1 GB workers.
        return new TrialMemory(100_000, 20_000, 2, view -> 50, () -> freeBytes, 1024 * MB);
    }

    @Test
    void aTrialThatFitsRunsAndPlansOnItsEstimate() {
        // Logistic regression takes the rows as doubles: 8 x 100,000 x 50 = 40,000,000 bytes.
        TrialMemory.Decision d = memory(100 * MB).decide(spec(new LogisticRegression()), 0);
        assertEquals(new TrialMemory.Run(40_000_000L), d);
    }

    @Test
    void aTrialTooBigForTheFreeHeapRunsOnTheShareOfRowsThatFits() {
        // 0.8 x 40 MB of 40,000,000 bytes: 83.9 % of the rows.
        TrialMemory.Decision d = memory(40 * MB).decide(spec(new LogisticRegression()), 0);
        assertEquals(new TrialMemory.Sample(83_886, 33_554_400L, "Trial 3 (LogisticRegression) runs on 83,886 sampled"
                + " rows: on 100,000 rows it needs an estimated 38 MB of the heap and 32 MB is free."), d);
    }

    @Test
    void otherRunningTrialsHeapIsNotFree() {
        TrialMemory.Decision d = memory(100 * MB).decide(spec(new LogisticRegression()), 80 * MB);
        assertTrue(d instanceof TrialMemory.Sample, d.toString());
    }

    @Test
    void aTrialWhoseSampleWouldBeTooSmallIsSkippedWithTheReason() {
        // LIBSVM through Tribuo: 56 bytes a value, 280,000,000 bytes on all rows; 0.8 x 640 KB holds 187 rows of them.
        TrialMemory.Decision d = memory(640 * 1024).decide(spec(new SupportVectorMachine()), 0);
        assertEquals(new TrialMemory.Skip("skipped: on 100,000 rows it needs an estimated 267 MB of the heap and 0.5 MB"
                + " is free"), d);
    }

    @Test
    void aNativeLearnerInThisProcessNeedsLittleHeap() {
        // LightGBM keeps its binned rows in native memory: 16 bytes a row and class.
        assertEquals(new TrialMemory.Run(3_200_000L), memory(100 * MB).decide(spec(new LightGbmLearner()), 0));
    }

    /** Logistic regression that says it needs {@code bytesPerRow} of heap for each training row. */
    static final class Hungry extends ForwardingLearner {
        private final String name;
        private final long bytesPerRow;

        Hungry(String name, long bytesPerRow) {
            super(new LogisticRegression());
            this.name = name;
            this.bytesPerRow = bytesPerRow;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long heapBytes(int rows, int features, int numClasses, Params params) {
            return rows * bytesPerRow;
        }
    }

    @TempDir
    Path dir;

    @Test
    void aRunSkipsTrialsThatCannotFitTheHeapAndSamplesThoseThatFitOnFewerRows() {
        long heap = Runtime.getRuntime().maxMemory();
        // Blood's folds train on about 600 rows: "Huge" needs the whole heap for each row; "Big" fits about 300 rows.
        StageFixture.Recorder recorder = new StageFixture.Recorder();
        LearnerCatalog catalog = new LearnerCatalog(List.of(new LightGbmLearner(), new LogisticRegression(),
                new Hungry("Huge", heap), new Hungry("Big", heap / 400)));
        JobSpec spec = StageFixture.job(List.of("LightGBM", "Huge", "Big"), 6, 3)
                .limits(Limits.builder().maxTrials(6).timeoutMinutes(5).build()).explain(false).build();
        AutoMLRun.Outcome outcome = new AutoMLRun(catalog, recorder).execute(spec,
                new AutoMLRun.Options(dir, 7, System.nanoTime(), 2));
        assertTrue(outcome.modelSaved());
        List<TrialResult> huge = outcome.leaderboard().ranked().stream().filter(r -> r.algorithm().equals("Huge")).toList();
        assertTrue(!huge.isEmpty());
        for (TrialResult r : huge) {
            assertEquals(TrialStatus.FAILED, r.status());
            assertTrue(r.reason().matches("skipped: on \\d+ rows it needs an estimated [\\d.]+ GB of the heap and"
                    + " [\\d.]+ [GM]B is free"), r.reason());
        }
        List<TrialResult> big = outcome.leaderboard().ranked().stream().filter(r -> r.algorithm().equals("Big")).toList();
        assertTrue(!big.isEmpty());
        for (TrialResult r : big) {
            assertEquals(TrialStatus.COMPLETED, r.status(), r.toString());
            int rows = ((Candidate.Configuration) r.candidate()).sampleRows();
            assertTrue(rows >= TrialMemory.MIN_SAMPLE_ROWS && rows < 400, "sampled " + rows);
        }
        assertTrue(recorder.lines.stream().anyMatch(l -> l.matches("Trial \\d+ \\(Big\\) runs on \\d+ sampled rows: on"
                + " \\d+ rows it needs an estimated .*")), recorder.lines.toString());
    }
}

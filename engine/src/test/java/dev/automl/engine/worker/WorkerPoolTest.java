package dev.automl.engine.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fits in worker processes on bank marketing's training rows (categorical and numeric columns): the same model as a
 * fit in the engine's process, bit for bit; and the failures a native learner has (a real SIGSEGV, a heap run out,
 * a hang past the deadline) each fail that one fit with its reason, after which the pool fits again.
 */
class WorkerPoolTest {

    private static TrainingData train;
    private static TrainingData valid;
    private static WorkerPool pool;
    private static final List<String> notes = new ArrayList<>();

    @TempDir
    static Path crashes;

    @BeforeAll
    static void bankMarketing() {
        BankHoldout bank = BankHoldout.load();
        train = bank.train();
        valid = bank.valid();
        pool = WorkerPool.start(1, crashes, notes::add);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private static Learner isolated(Learner learner) {
        return pool.isolate(new LearnerCatalog(List.of(learner))).byName(learner.name()).orElseThrow();
    }

    @Test
    void aWorkerFitsTheModelTheEngineWouldBitForBit() throws Exception {
        Learner lightGbm = LearnerCatalog.standard().byName("LightGBM").orElseThrow();
        Learner inWorker = isolated(lightGbm);
        assertTrue(inWorker instanceof IsolatedLearner);
        Params params = Params.of("num_leaves", 15, "learning_rate", 0.1, "n_estimators", 300);
        TrialContext ctx = new TrialContext(Deadline.afterSeconds(60), 1, 42);
        int before = pool.fits();
        try (FittedModel here = lightGbm.fit(train, valid, params, ctx);
             FittedModel there = inWorker.fit(train, valid, params, ctx)) {
            assertEquals(before + 1, pool.fits());
            double[] expected = here.validationPredictions().orElseThrow().values();
            assertArrayEquals(expected, there.validationPredictions().orElseThrow().values());
            // Saved before anything predicted with it: the worker's folder is copied, and reads back the same model.
            Path saved = Files.createDirectories(crashes.resolve("saved"));
            there.save(saved);
            try (FittedModel back = lightGbm.load(saved, train.y().task(), train.y().numClasses())) {
                assertArrayEquals(here.predict(valid.x()).values(), back.predict(valid.x()).values());
            }
            assertArrayEquals(here.predict(valid.x()).values(), there.predict(valid.x()).values());
            assertEquals(here.fittedParams(), there.fittedParams());
            assertEquals(here.stoppedByDeadline(), there.stoppedByDeadline());
            assertEquals(here.refitShare(), there.refitShare());
            assertEquals(here.note(), there.note());
        }
        assertEquals(List.of(), notes);
    }

    @Test
    void aWorkerCrashedBySigsegvFailsTheFitWithTheCrashingFrameAndThePoolGoesOn() throws Exception {
        WorkerFailure failure = assertThrows(WorkerFailure.class, () -> isolated(new FaultyNativeLearner.Crashing())
                .fit(train, valid, Params.empty(), new TrialContext(Deadline.afterSeconds(60), 1, 1)));
        assertTrue(failure.getMessage().startsWith("its worker process crashed (exit code "), failure.getMessage());
        assertTrue(failure.getMessage().contains("SIGSEGV (0xb) in V [libjvm.so+"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Unsafe_PutLong"), failure.getMessage());
        assertTrue(!failure.atDeadline());
        Path log = Path.of(failure.getMessage().replaceFirst(".*the JVM's crash log is ", ""));
        assertTrue(log.startsWith(crashes) && Files.readString(log).contains("SIGSEGV"), failure.getMessage());
        aFitAfterAFailureWorks();
    }

    @Test
    void aWorkerOutOfHeapFailsTheFitWithTheJvmsReason() {
        WorkerFailure failure = assertThrows(WorkerFailure.class, () -> isolated(new FaultyNativeLearner.OutOfMemory())
                .fit(train, valid, Params.empty(), new TrialContext(Deadline.afterSeconds(60), 1, 1)));
        assertEquals("OutOfMemoryError: Java heap space", failure.getMessage());
        aFitAfterAFailureWorks();
    }

    @Test
    void aWorkerHungPastItsDeadlineIsKilledSoonAfter() {
        long start = System.nanoTime();
        WorkerFailure failure = assertThrows(WorkerFailure.class, () -> isolated(new FaultyNativeLearner.Hanging())
                .fit(train, valid, Params.empty(), new TrialContext(Deadline.afterSeconds(1), 1, 1)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(failure.atDeadline());
        assertEquals("its worker process was killed 2 s after the deadline", failure.getMessage());
        assertTrue(seconds >= 1 + WorkerPool.KILL_AFTER_DEADLINE_SECONDS && seconds < 1 + WorkerPool.KILL_AFTER_DEADLINE_SECONDS + 2,
                "took " + seconds + " s");
        aFitAfterAFailureWorks();
    }

    @Test
    void withoutAFolderForWorkersLearnersFitInTheEnginesProcessAndTheRunIsTold(@TempDir Path tmp) throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("file"), "not a folder");
        List<String> said = new ArrayList<>();
        try (WorkerPool lost = WorkerPool.start(1, notAFolder, crashes, said::add)) {
            assertEquals(1, said.size());
            assertTrue(said.get(0).startsWith("Worker processes are unavailable (their folder cannot be made in "
                    + notAFolder + ": "), said.get(0));
            assertTrue(said.get(0).endsWith("): LightGBM and XGBoost fit in the engine's own process, where a crash in"
                    + " their native code would end the run."), said.get(0));
            fitsInTheEngine(lost);
        }
    }

    @Test
    void aFolderThatCannotTakeTheRowsMakesLearnersFitInTheEnginesProcess(@TempDir Path tmp) throws Exception {
        List<String> said = new ArrayList<>();
        try (WorkerPool blocked = WorkerPool.start(0, tmp, crashes, said::add)) {
            // The pool's folder turns into a file, as a folder that cannot be written to: no fold's rows can go there.
            Path dir;
            try (var list = Files.list(tmp)) {
                dir = list.filter(p -> p.getFileName().toString().startsWith("automl-workers-")).findFirst().orElseThrow();
            }
            WorkerPool.deleteTree(dir);
            Files.writeString(dir, "in the way");
            fitsInTheEngine(blocked);
            assertEquals(1, said.size(), said.toString());
            assertTrue(said.get(0).startsWith("Worker processes are unavailable (their rows or process cannot be made"
                    + " ready: "), said.get(0));
        }
    }

    private static void fitsInTheEngine(WorkerPool p) {
        Learner lightGbm = p.isolate(new LearnerCatalog(List.of(LearnerCatalog.standard().byName("LightGBM")
                .orElseThrow()))).byName("LightGBM").orElseThrow();
        try (FittedModel m = lightGbm.fit(train, valid, Params.of("n_estimators", 20), new TrialContext(
                Deadline.afterSeconds(60), 1, 3))) {
            assertEquals(valid.x().rows(), m.validationPredictions().orElseThrow().rows());
            assertTrue(!(m instanceof ReturnedModel));
        }
        assertEquals(0, p.fits());
    }

    private static void aFitAfterAFailureWorks() {
        Learner lightGbm = isolated(LearnerCatalog.standard().byName("LightGBM").orElseThrow());
        try (FittedModel m = lightGbm.fit(train, valid, Params.of("n_estimators", 20), new TrialContext(
                Deadline.afterSeconds(60), 1, 3))) {
            assertEquals(valid.x().rows(), m.validationPredictions().orElseThrow().rows());
        }
    }
}

package dev.automl.engine.run;

import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.engine.trial.TrialSpec;
import dev.automl.engine.worker.WorkerPool;
import dev.automl.featurization.FeatureView;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * Whether a trial fits the heap it will run in, judged before it starts from its learner's estimate for its rows and
 * features: if not, the sample of rows that does, or the reason it is skipped. A trial in a worker process has the
 * worker's heap; one in the engine's shares what the engine's heap has free.
 */
final class TrialMemory {

    /** The share of the free heap a trial may plan on: estimates are rough, and the collector needs room. */
    static final double USABLE = 0.8;
    /** A sample smaller than this is not worth a trial. */
    static final int MIN_SAMPLE_ROWS = 200;
    /** The share of a worker's heap left for a fit: the worker keeps recently read rows in up to a quarter. */
    static final double WORKER_USABLE = 0.75;

    /** What to do with a trial, and the engine's heap it plans on (0 in a worker process, or skipped). */
    sealed interface Decision {
        long bytes();
    }

    record Run(long bytes) implements Decision {
    }

    /** Run on {@code rows} rows per fold instead of all; {@code why} says so in the run's log. */
    record Sample(int rows, long bytes, String why) implements Decision {
    }

    record Skip(String reason) implements Decision {
        @Override
        public long bytes() {
            return 0;
        }
    }

    private final int trainRows;
    private final int validRows;
    private final int numClasses;
    private final ToIntFunction<FeatureView> features;
    private final LongSupplier engineFree;
    private final long workerHeap;

    /**
     * @param trainRows  a fold's training rows, which a trial without a sample fits on
     * @param features   the feature count of each view
     * @param engineFree bytes of heap the engine has free now
     * @param workerHeap a worker process's heap limit
     */
    TrialMemory(int trainRows, int validRows, int numClasses, ToIntFunction<FeatureView> features, LongSupplier engineFree,
                long workerHeap) {
        this.trainRows = trainRows;
        this.validRows = validRows;
        this.numClasses = numClasses;
        this.features = features;
        this.engineFree = engineFree;
        this.workerHeap = workerHeap;
    }

    /** This process's budget: its heap limit less what survived the last collection (or is in use, before one). */
    static long engineFreeHeap() {
        boolean collected = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(g -> g.getCollectionCount() > 0);
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage after = collected ? pool.getCollectionUsage() : null;
                used += (after != null ? after : pool.getUsage()).getUsed();
            }
        }
        return Runtime.getRuntime().maxMemory() - used;
    }

    /** @param reserved heap the engine's other running trials planned on */
    Decision decide(TrialSpec spec, long reserved) {
        Learner learner = spec.learner();
        int rows = spec.sampleRows() > 0 ? Math.min(spec.sampleRows(), trainRows) : trainRows;
        int cols = Math.max(1, features.applyAsInt(learner.view()));
        boolean inWorker = WorkerPool.isolated(learner);
        long need = need(learner, rows, cols, inWorker, spec.params());
        long budget = (long) (USABLE * (inWorker ? WORKER_USABLE * workerHeap : engineFree.getAsLong() - reserved));
        if (need <= budget) {
            return new Run(inWorker ? 0 : need);
        }
        String where = inWorker ? "a worker process's heap" : "the heap";
        String estimate = String.format(Locale.ROOT, "on %,d rows it needs an estimated %s of %s and %s is free",
                rows, readable(need), where, readable(Math.max(0, budget)));
        // Estimates grow with the rows: the sample that fits is the same share of them.
        int fits = (int) Math.min(rows - 1L, (long) ((double) rows * Math.max(0, budget) / need));
        if (learner.view() != FeatureView.SERIES && fits >= MIN_SAMPLE_ROWS) {
            return new Sample(fits, inWorker ? 0 : need(learner, fits, cols, false, spec.params()), String.format(Locale.ROOT,
                    "Trial %d (%s) runs on %,d sampled rows: %s.", spec.id(), learner.name(), fits, estimate));
        }
        return new Skip("skipped: " + estimate);
    }

    private long need(Learner learner, int rows, int cols, boolean inWorker, Params params) {
        long fit = learner.heapBytes(rows, cols, numClasses, params);
        // A worker holds its own copy of the training and validation rows.
        return inWorker ? fit + 4L * ((long) rows + validRows) * cols + 8L * rows : fit;
    }

    /** "1.5 GB", "267 MB", "0.5 MB". */
    static String readable(long bytes) {
        double mb = bytes / (double) (1L << 20);
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", mb / 1024)
                : String.format(Locale.ROOT, mb < 10 ? "%.1f MB" : "%.0f MB", mb);
    }
}

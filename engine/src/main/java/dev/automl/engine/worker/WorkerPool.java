package dev.automl.engine.worker;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Task;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.ref.WeakReference;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Worker processes that fit the learners which run native code, so that a crash in LightGBM or XGBoost fails one
 * trial instead of ending the run. Workers are reused from trial to trial; each fold's rows are written once to a
 * file that every worker reads (and keeps while it is asked for it again); a worker past its deadline is killed,
 * which a fit in the engine's own process could not be.
 */
public final class WorkerPool implements AutoCloseable {

    /**
     * A worker still fitting this long after its trial's deadline is killed: less than the search's wait before it
     * abandons a trial, so that the trial is recorded as timed out rather than abandoned.
     */
    static final double KILL_AFTER_DEADLINE_SECONDS = 2;
    /** Row files kept for reuse beyond those in use. */
    private static final int KEPT_FILES = 24;
    private static final String FOLDER_PREFIX = "automl-workers-";

    private final Path dir;
    private final List<String> jvm;
    private final Path crashDir;
    private final Consumer<String> notes;
    /** The workers started with the pool, until fits take them. */
    private final Deque<CompletableFuture<WorkerProcess>> warming = new ArrayDeque<>();
    private final Deque<WorkerProcess> idle = new ArrayDeque<>();
    private final List<WorkerProcess> all = new ArrayList<>();
    private final List<RowFile> files = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger fits = new AtomicInteger();
    private final ScheduledExecutorService killer;
    private volatile String unavailable;
    private boolean closed;

    private WorkerPool(Path dir, List<String> jvm, Path crashDir, Consumer<String> notes) {
        this.dir = dir;
        this.jvm = jvm;
        this.crashDir = crashDir;
        this.notes = notes;
        this.killer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "automl-worker-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A pool whose workers run this JVM's class path with its heap limit; it {@link #warm}s {@code warm} workers. A worker that crashes leaves the JVM's fatal-error log in
     * {@code crashDir}. If the pool's folder cannot be made, learners fit in this process and {@code notes} says why.
     */
    public static WorkerPool start(int warm, Path crashDir, Consumer<String> notes) {
        return start(warm, Path.of(System.getProperty("java.io.tmpdir")), crashDir, notes);
    }

    /** As {@link #start(int, Path, Consumer)}, with the pool's folder made in {@code tempRoot}. */
    static WorkerPool start(int warm, Path tempRoot, Path crashDir, Consumer<String> notes) {
        sweepStaleFolders(tempRoot);
        Path dir;
        try {
            dir = Files.createTempDirectory(tempRoot, FOLDER_PREFIX);
            Files.writeString(dir.resolve("pid"), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            WorkerPool pool = new WorkerPool(null, List.of(), crashDir, notes);
            pool.fallBack("their folder cannot be made in " + tempRoot + ": " + e.getMessage());
            return pool;
        }
        WorkerPool pool = new WorkerPool(dir, jvmCommand(), crashDir, notes);
        pool.warm(warm);
        return pool;
    }

    /**
     * Starts {@code count} workers in the background (as many as trials or folds will fit side by side), so that
     * the first trials do not wait for a JVM to start; a run calls it once it knows that it runs a native learner.
     */
    public void warm(int count) {
        if (dir == null) {
            return;
        }
        for (int i = 0; i < count; i++) {
            CompletableFuture<WorkerProcess> started = new CompletableFuture<>();
            synchronized (this) {
                if (closed) {
                    return;
                }
                warming.add(started);
            }
            Thread t = new Thread(() -> {
                try {
                    started.complete(WorkerProcess.start(ids.incrementAndGet(), dir, jvm));
                } catch (IOException | RuntimeException e) {
                    started.completeExceptionally(e);
                }
            }, "automl-worker-start");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The catalog with each learner that runs native code fitting in this pool's workers. */
    public LearnerCatalog isolate(LearnerCatalog catalog) {
        return catalog.map(l -> l.runsNativeCode() ? new IsolatedLearner(l, this) : l);
    }

    /** Whether a learner from {@link #isolate} fits in a worker process. */
    public static boolean isolated(Learner learner) {
        return learner instanceof IsolatedLearner;
    }

    /** How many fits went to workers (tests check that a fit went to one, or did not). */
    public int fits() {
        return fits.get();
    }

    private static List<String> jvmCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        // A worker may need as much heap as the engine: it holds a fold's rows as the engine does.
        cmd.add("-Xmx" + Math.max(64, Runtime.getRuntime().maxMemory() >> 20) + "m");
        // One trial at a time: a small collector, the quick compiler only (the work is in native code, and the
        // optimising compiler's threads would take the cores from the trials), and no core dump of a crashed heap.
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:-CreateCoredumpOnCrash");
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.add(TrialWorker.class.getName());
        return List.copyOf(cmd);
    }

    /** Fits in a worker; a worker that cannot start or rows that cannot be written fall back to this process. */
    FittedModel fit(Learner learner, TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        if (unavailable != null) {
            return learner.fit(train, valid, params, ctx);
        }
        RowFile trainFile = null;
        RowFile validFile = null;
        WorkerProcess worker;
        try {
            trainFile = acquire(train);
            validFile = valid == null ? null : acquire(valid);
            worker = take();
        } catch (IOException e) {
            release(trainFile);
            release(validFile);
            if (e instanceof InterruptedIOException || e instanceof ClosedByInterruptException
                    || Thread.currentThread().isInterrupted()) {
                // The trial was called off (another fold failed): that says nothing about the workers.
                throw new WorkerFailure("called off before its worker process began", ctx.deadline().expired());
            }
            fallBack("their rows or process cannot be made ready: " + e.getMessage());
            return learner.fit(train, valid, params, ctx);
        }
        Path modelDir = dir.resolve("model-" + fits.incrementAndGet());
        boolean healthy = false;
        boolean returned = false;
        try {
            Deadline deadline = ctx.deadline();
            FitRequest request = new FitRequest(learner.name(), learner.getClass().getName(), params.values(),
                    deadline.isNever() ? null : deadline.remainingSeconds(), ctx.threads(), ctx.seed(),
                    trainFile.file.toString(), validFile == null ? null : validFile.file.toString(), modelDir.toString());
            ScheduledFuture<?> kill = deadline.isNever() ? null : killer.schedule(worker::kill,
                    (long) ((deadline.remainingSeconds() + KILL_AFTER_DEADLINE_SECONDS) * 1000), TimeUnit.MILLISECONDS);
            FitReply reply;
            double[] predictions = null;
            try {
                worker.send(request);
                reply = Frames.readJson(worker.in(), FitReply.class);
                if (reply.predictionRows() >= 0) {
                    predictions = Frames.readDoubles(worker.in());
                }
            } catch (ClosedByInterruptException | InterruptedIOException e) {
                worker.kill();
                throw new WorkerFailure("interrupted while its worker process fitted it", deadline.expired());
            } catch (IOException e) {
                if (worker.killed()) {
                    throw new WorkerFailure(String.format(Locale.ROOT, "its worker process was killed %.0f s after the"
                            + " deadline", KILL_AFTER_DEADLINE_SECONDS), true);
                }
                throw new WorkerFailure(worker.death() + keptCrashLog(worker), false);
            } finally {
                if (kill != null) {
                    kill.cancel(false);
                }
            }
            healthy = !reply.retire() && !worker.killed();
            if (reply.error() != null) {
                if (reply.invalidInput()) {
                    throw new InvalidInputException(reply.error());
                }
                throw new WorkerFailure(reply.error(), false);
            }
            Predictions validation = predictions == null ? null
                    : new Predictions(Task.valueOf(reply.task()), reply.predictionRows(), reply.numClasses(), predictions);
            returned = true;
            return new ReturnedModel(learner, modelDir, train.y().task(), train.y().numClasses(), reply, validation);
        } finally {
            if (!returned) {
                deleteTree(modelDir);
            }
            release(trainFile);
            release(validFile);
            give(worker, healthy);
        }
    }

    private WorkerProcess take() throws IOException {
        CompletableFuture<WorkerProcess> pending;
        synchronized (this) {
            if (closed) {
                throw new IOException("the worker pool is closed");
            }
            WorkerProcess w = idle.pollFirst();
            if (w != null) {
                return w;
            }
            pending = warming.pollFirst();
        }
        WorkerProcess w = null;
        if (pending != null) {
            try {
                w = pending.join();
            } catch (CompletionException e) {
                // Start one afresh below, which reports why if it fails again.
            }
        }
        if (w == null) {
            w = WorkerProcess.start(ids.incrementAndGet(), dir, jvm);
        }
        synchronized (this) {
            if (closed) {
                w.close();
                throw new IOException("the worker pool is closed");
            }
            all.add(w);
        }
        return w;
    }

    private void give(WorkerProcess w, boolean healthy) {
        boolean keep;
        synchronized (this) {
            keep = healthy && !closed;
            if (keep) {
                idle.addFirst(w);
            } else {
                all.remove(w);
            }
        }
        if (!keep) {
            w.close();
        }
    }

    /** Copies a crashed worker's fatal-error log to the crash folder; says where, or nothing when there is none. */
    private String keptCrashLog(WorkerProcess w) {
        if (crashDir == null || !Files.isRegularFile(w.errorFile())) {
            return "";
        }
        try {
            Files.createDirectories(crashDir);
            Path kept = crashDir.resolve("worker-" + w.id() + "-" + ProcessHandle.current().pid() + ".log");
            Files.copy(w.errorFile(), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return "; the JVM's crash log is " + kept;
        } catch (IOException e) {
            return "";
        }
    }

    private void fallBack(String why) {
        if (unavailable == null) {
            unavailable = why;
            notes.accept("Worker processes are unavailable (" + why + "): LightGBM and XGBoost fit in the engine's"
                    + " own process, where a crash in their native code would end the run.");
        }
    }

    /** A fold's rows on disk, shared by the fits that use them. */
    private static final class RowFile {
        final WeakReference<float[]> x;
        final WeakReference<double[]> y;
        final WeakReference<double[]> w;
        final Path file;
        int users;
        long lastUse;

        RowFile(TrainingData d, Path file) {
            this.x = new WeakReference<>(d.x().values());
            this.y = new WeakReference<>(d.y().y());
            this.w = new WeakReference<>(d.y().weights());
            this.file = file;
        }

        boolean holds(TrainingData d) {
            return x.get() == d.x().values() && y.get() == d.y().y() && w.get() == d.y().weights();
        }

        boolean gone() {
            return x.get() == null || y.get() == null;
        }
    }

    private synchronized RowFile acquire(TrainingData d) throws IOException {
        long now = System.nanoTime();
        for (RowFile f : files) {
            if (f.holds(d)) {
                f.users++;
                f.lastUse = now;
                return f;
            }
        }
        evict();
        RowFile f = new RowFile(d, dir.resolve("rows-" + ids.incrementAndGet() + ".bin"));
        TrainingFile.write(d, f.file);
        f.users = 1;
        f.lastUse = now;
        files.add(f);
        return f;
    }

    private synchronized void release(RowFile f) {
        if (f != null) {
            f.users--;
        }
    }

    /** Drops files of rows nobody holds any more, then the least recently used beyond {@link #KEPT_FILES}. */
    private void evict() {
        Iterator<RowFile> it = files.iterator();
        while (it.hasNext()) {
            RowFile f = it.next();
            if (f.users == 0 && f.gone()) {
                TrainingFile.delete(f.file);
                it.remove();
            }
        }
        List<RowFile> free = files.stream().filter(f -> f.users == 0)
                .sorted(Comparator.comparingLong(f -> f.lastUse)).toList();
        for (int i = 0; i < free.size() && files.size() >= KEPT_FILES; i++) {
            TrainingFile.delete(free.get(i).file);
            files.remove(free.get(i));
        }
    }

    @Override
    public void close() {
        List<WorkerProcess> workers;
        synchronized (this) {
            closed = true;
            warming.forEach(f -> f.thenAccept(WorkerProcess::close));
            warming.clear();
            workers = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        workers.forEach(WorkerProcess::close);
        killer.shutdownNow();
        if (dir != null) {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Left for the next run's sweep.
                }
            });
        } catch (IOException e) {
            // Left for the next run's sweep.
        }
    }

    /** Removes the folders of pools whose process was killed before it could remove them. */
    private static void sweepStaleFolders(Path tmp) {
        try (Stream<Path> list = Files.list(tmp)) {
            list.filter(p -> p.getFileName().toString().startsWith(FOLDER_PREFIX)).forEach(p -> {
                try {
                    long pid = Long.parseLong(Files.readString(p.resolve("pid")).trim());
                    if (ProcessHandle.of(pid).isEmpty()) {
                        deleteTree(p);
                    }
                } catch (IOException | NumberFormatException e) {
                    // Not ours to judge, or still being made.
                }
            });
        } catch (IOException e) {
            // Nothing to sweep.
        }
    }
}

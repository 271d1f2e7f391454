package dev.automl.algorithms;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work that parallelises with parallel streams (Smile's forests and logistic regression, the extremely
 * randomized trees) on a ForkJoinPool of exactly the trial's thread budget instead of the JVM-wide common pool.
 */
public final class LibraryThreads {

    /** Worker threads are named with this prefix so that tests and thread dumps can tell them apart. */
    public static final String THREAD_PREFIX = "automl-learner-";

    private static final AtomicInteger POOLS = new AtomicInteger();

    private LibraryThreads() {
    }

    /**
     * Calls {@code work} inside a fresh pool of {@code threads} workers and waits for it. Parallel streams
     * started by the work run in that pool, because a stream forks into the pool of the thread that starts it.
     */
    public static <T> T call(int threads, Callable<T> work) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger workers = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName(THREAD_PREFIX + pool + "-" + workers.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // The pool may add a thread while a worker blocks in a join (Smile's nested parallel streams do), so more
        // than `threads` may exist but no more than `threads` run; forbidding that (maximumPoolSize = threads)
        // deadlocked RandomForest with two threads.
        ForkJoinPool forkJoin = new ForkJoinPool(threads, factory, null, false);
        try {
            return forkJoin.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } finally {
            forkJoin.shutdownNow();
        }
    }
}

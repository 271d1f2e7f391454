package dev.automl.engine.worker;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.ForwardingLearner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.linear.LogisticRegression;

/**
 * A learner, for tests only, that says it runs native code and fails as native learners fail: it crashes its
 * process with a real SIGSEGV, runs out of heap, or hangs past its deadline deaf to interrupts. It is logistic
 * regression in every other respect. Each way is a subclass with a no-argument constructor, so that a worker
 * process can make it from its class name.
 */
public abstract class FaultyNativeLearner extends ForwardingLearner {

    protected FaultyNativeLearner() {
        super(new LogisticRegression());
    }

    @Override
    public String name() {
        return "Faulty";
    }

    @Override
    public boolean runsNativeCode() {
        return true;
    }

    /** Writes to address 0, as a native library with a bad pointer does: the JVM dies of SIGSEGV. */
    public static final class Crashing extends FaultyNativeLearner {
        @Override
        public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
            try {
                var field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                field.setAccessible(true);
                ((sun.misc.Unsafe) field.get(null)).putAddress(0, 0);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("still alive after writing to address 0");
        }
    }

    /** Asks for a 16 GB array, more than any worker's heap here, as a model too big for its data does. */
    public static final class OutOfMemory extends FaultyNativeLearner {
        @Override
        public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
            long[] hog = new long[Integer.MAX_VALUE - 8];
            throw new IllegalStateException("a heap of " + hog.length * 8L + " bytes");
        }
    }

    /** Ignores its deadline and interrupts, as a stuck native call does. */
    public static final class Hanging extends FaultyNativeLearner {
        @Override
        public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
            long until = System.nanoTime() + 600_000_000_000L;
            while (System.nanoTime() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    // A native call does not hear it either.
                }
            }
            throw new IllegalStateException("hung for ten minutes");
        }
    }
}

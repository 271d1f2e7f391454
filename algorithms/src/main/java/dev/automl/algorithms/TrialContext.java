package dev.automl.algorithms;

/**
 * What a learner may use while it fits: a deadline it checks between rounds, trees or epochs, a thread
 * budget it passes to its library, and the seed that makes it repeatable.
 */
public record TrialContext(Deadline deadline, int threads, long seed) {

    public TrialContext {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }
}

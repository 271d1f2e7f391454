package dev.automl.engine.trial;

import dev.automl.algorithms.FittedModel;

/**
 * A trial's result and, when it completed, the model of its first fold, kept open as a stand-in for the final
 * refit; the receiver closes it.
 */
public record TrialOutcome(TrialResult result, FittedModel firstFold) implements AutoCloseable {

    @Override
    public void close() {
        if (firstFold != null) {
            firstFold.close();
        }
    }
}

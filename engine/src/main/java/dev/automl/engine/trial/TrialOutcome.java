package dev.automl.engine.trial;

import dev.automl.algorithms.FittedModel;

/**
 * A trial's result and, when it completed, the model of its plan's stand-in fold (see ValidationPlan#standInFold), kept open as a stand-in for the final
 * refit; the receiver closes it.
 */
public record TrialOutcome(TrialResult result, FittedModel standIn) implements AutoCloseable {

    @Override
    public void close() {
        if (standIn != null) {
            standIn.close();
        }
    }
}

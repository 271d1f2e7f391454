package dev.automl.engine.run;

import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;

/**
 * One trial the search proposes: a learner, its hyperparameters, and where they came from.
 *
 * @param origin "portfolio" for a declared starting configuration, "random" for a sample of the space
 */
public record TrialSpec(int id, Learner learner, Params params, String origin) {
}

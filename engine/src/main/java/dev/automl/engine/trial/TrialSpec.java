package dev.automl.engine.run;

import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;

/**
 * One trial the search proposes: a learner, its hyperparameters, and where they came from.
 *
 * @param origin     where the configuration came from: {@code portfolio}, {@code local} (a local-search step),
 *                   {@code restart} (a random point) or {@code grow} (the best so far, on more rows)
 * @param sampleRows how many of each fold's training rows to train on (a seeded random sample); 0 for all
 */
public record TrialSpec(int id, Learner learner, Params params, String origin, int sampleRows) {

    public TrialSpec(int id, Learner learner, Params params, String origin) {
        this(id, learner, params, origin, 0);
    }
}

package dev.automl.engine.trial;

import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;

/** One trial the search proposes: its id and the configuration to fit on every fold. */
public record TrialSpec(int id, Candidate.Configuration configuration) {

    public Learner learner() {
        return configuration.learner();
    }

    public Params params() {
        return configuration.params();
    }

    public TrialOrigin origin() {
        return configuration.origin();
    }

    /** How many of each fold's training rows to train on (a seeded random sample); 0 for all. */
    public int sampleRows() {
        return configuration.sampleRows();
    }
}

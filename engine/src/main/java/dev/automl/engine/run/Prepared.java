package dev.automl.engine.run;

import dev.automl.algorithms.Learner;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.trial.FeatureCache;
import dev.automl.engine.trial.Scorer;
import dev.automl.engine.validation.ValidationPlan;
import java.util.List;

/**
 * What the prepare stage leaves for the others: the job, its data and what reading it had to say, the validation
 * plan with the fold features built on it, the scorer of the primary metric, and the learners to search.
 *
 * @param notes    what the job and its data had to say, in the order the run told them
 * @param features the folds' features, on the validation plan ({@link #plan}); the guardrails fitted its featurizer
 *                 of all training rows
 */
record Prepared(JobSpec spec, JobData data, List<String> notes, FeatureCache features, Scorer scorer,
                       List<Learner> learners) {

    public Prepared {
        notes = List.copyOf(notes);
        learners = List.copyOf(learners);
    }

    public ValidationPlan plan() {
        return features.plan();
    }
}

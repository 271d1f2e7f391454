package dev.automl.engine.trial;

import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * What a leaderboard row trained: one learner's configuration, or an ensemble of earlier rows. The finish stage
 * refits a row from this alone, without looking anything up by name.
 */
public sealed interface Candidate permits Candidate.Configuration, Candidate.Ensemble {

    /** The leaderboard's algorithm name: the learner's Azure name, {@code VotingEnsemble} or {@code StackEnsemble}. */
    String algorithm();

    /** The leaderboard's hyperparameters. */
    Params params();

    TrialOrigin origin();

    /**
     * One learner with its hyperparameters.
     *
     * @param sampleRows how many of each fold's training rows it trains on (a seeded random sample); 0 for all
     */
    record Configuration(Learner learner, Params params, TrialOrigin origin, int sampleRows) implements Candidate {

        public Configuration {
            if (origin == TrialOrigin.ENSEMBLE) {
                throw new IllegalArgumentException("a single learner's configuration cannot come from an ensemble");
            }
        }

        @Override
        public String algorithm() {
            return learner.name();
        }
    }

    /** A combination of earlier rows' models, refit from their own configurations. */
    sealed interface Ensemble extends Candidate permits Vote, Stack {

        /** The member rows' trial ids, best first. */
        List<Integer> memberIds();

        @Override
        default TrialOrigin origin() {
            return TrialOrigin.ENSEMBLE;
        }
    }

    /**
     * Azure's VotingEnsemble: the members' predictions averaged with weights.
     *
     * @param weights one per member, summing to 1
     */
    record Vote(List<Integer> memberIds, double[] weights) implements Ensemble {

        public static final String NAME = "VotingEnsemble";

        public Vote {
            memberIds = List.copyOf(memberIds);
            weights = weights.clone();
            if (weights.length != memberIds.size()) {
                throw new IllegalArgumentException(memberIds.size() + " members but " + weights.length + " weights");
            }
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        /** The members and their weights, rounded to four places so that the leaderboard stays readable. */
        @Override
        public Params params() {
            List<Double> rounded = new ArrayList<>();
            for (double w : weights) {
                rounded.add(Math.round(w * 1e4) / 1e4);
            }
            return Params.of("ensembled_iterations", memberIds, "ensemble_weights", rounded);
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    /**
     * Azure's StackEnsemble: a meta-learner on the members' predictions.
     *
     * @param metaLearnerType Azure's {@code stack_meta_learner_type}
     * @param metaParams      the meta-learner's chosen hyperparameters; null when none was chosen (the row failed)
     */
    record Stack(List<Integer> memberIds, String metaLearnerType, Learner metaLearner, Params metaParams)
            implements Ensemble {

        public static final String NAME = "StackEnsemble";

        public Stack {
            memberIds = List.copyOf(memberIds);
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        /** The members, the meta-learner's type and, once chosen, its hyperparameters as {@code meta_<name>}. */
        @Override
        public Params params() {
            Params p = Params.of("ensembled_iterations", memberIds, "stack_meta_learner_type", metaLearnerType);
            if (metaParams != null) {
                for (var e : metaParams.values().entrySet()) {
                    p = p.with("meta_" + e.getKey(), e.getValue());
                }
            }
            return p;
        }

        /** The same stack with its meta-learner's hyperparameters chosen. */
        public Stack withMetaParams(Params chosen) {
            return new Stack(memberIds, metaLearnerType, metaLearner, chosen);
        }
    }
}

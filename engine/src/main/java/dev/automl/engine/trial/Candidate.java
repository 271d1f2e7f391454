package dev.automl.engine.trial;

import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.engine.model.ProbabilityCalibration;
import dev.automl.engine.validation.Fold;
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
     * @param bag        the folds whose training rows its final model's bagged models train on, one model each;
     *                   empty for one model refitted on all rows
     */
    record Configuration(Learner learner, Params params, TrialOrigin origin, int sampleRows, List<Fold> bag)
            implements Candidate {

        /** A configuration whose final model is one refit on all rows. */
        public Configuration(Learner learner, Params params, TrialOrigin origin, int sampleRows) {
            this(learner, params, origin, sampleRows, List.of());
        }

        /** The same configuration on a sample of {@code rows} rows per fold. */
        public Configuration withSampleRows(int rows) {
            return new Configuration(learner, params, origin, rows, bag);
        }

        public Configuration {
            if (origin == TrialOrigin.ENSEMBLE) {
                throw new IllegalArgumentException("a single learner's configuration cannot come from an ensemble");
            }
            bag = List.copyOf(bag);
        }

        /** The same configuration bagged over {@code folds}. */
        public Configuration bagged(List<Fold> folds) {
            return new Configuration(learner, params, TrialOrigin.BAGGED, sampleRows, folds);
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

        /** How the combined class probabilities are corrected; {@link ProbabilityCalibration#NONE} for regression. */
        ProbabilityCalibration calibration();

        /** The same ensemble with its probabilities corrected by {@code c}. */
        Ensemble withCalibration(ProbabilityCalibration c);

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
    record Vote(List<Integer> memberIds, double[] weights, ProbabilityCalibration calibration) implements Ensemble {

        public static final String NAME = "VotingEnsemble";

        /** A vote whose probabilities are not corrected. */
        public Vote(List<Integer> memberIds, double[] weights) {
            this(memberIds, weights, ProbabilityCalibration.NONE);
        }

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
            return describeCalibration(Params.of("ensembled_iterations", memberIds, "ensemble_weights", rounded), calibration);
        }

        @Override
        public Vote withCalibration(ProbabilityCalibration c) {
            return new Vote(memberIds, weights, c);
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
    record Stack(List<Integer> memberIds, String metaLearnerType, Learner metaLearner, Params metaParams,
                 ProbabilityCalibration calibration) implements Ensemble {

        public static final String NAME = "StackEnsemble";

        /** A stack whose probabilities are not corrected. */
        public Stack(List<Integer> memberIds, String metaLearnerType, Learner metaLearner, Params metaParams) {
            this(memberIds, metaLearnerType, metaLearner, metaParams, ProbabilityCalibration.NONE);
        }

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
            return describeCalibration(p, calibration);
        }

        /** The same stack with its meta-learner's hyperparameters chosen. */
        public Stack withMetaParams(Params chosen) {
            return new Stack(memberIds, metaLearnerType, metaLearner, chosen, calibration);
        }

        @Override
        public Stack withCalibration(ProbabilityCalibration c) {
            return new Stack(memberIds, metaLearnerType, metaLearner, metaParams, c);
        }
    }

    /** An ensemble's hyperparameters with its fitted calibration, when it has more than the least floor. */
    private static Params describeCalibration(Params p, ProbabilityCalibration c) {
        if (!c.isFitted()) {
            return p;
        }
        return p.with("calibration_power", Math.round(c.power() * 1e4) / 1e4).with("calibration_floor", c.floor());
    }
}

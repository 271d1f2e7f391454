package dev.automl.engine.model;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Task;
import java.util.List;

/** How a pipeline turns its members' predictions into one: a single model, a weighted vote, or a stack. */
public sealed interface Combination extends AutoCloseable permits Combination.Single, Combination.Vote, Combination.Stack {

    Predictions combine(List<Predictions> members);

    @Override
    default void close() {
    }

    /** One member, whose predictions are the pipeline's. */
    record Single() implements Combination {
        @Override
        public Predictions combine(List<Predictions> members) {
            return members.get(0);
        }
    }

    /** How the combined class probabilities are corrected; {@link ProbabilityCalibration#NONE} when they are not. */
    default ProbabilityCalibration calibration() {
        return ProbabilityCalibration.NONE;
    }

    /**
     * A weighted average of the members' probabilities or values (Azure's VotingEnsemble, soft voting).
     *
     * @param weights one per member, summing to 1
     */
    record Vote(double[] weights, ProbabilityCalibration calibration) implements Combination {

        /** A vote whose probabilities are not corrected. */
        public Vote(double[] weights) {
            this(weights, ProbabilityCalibration.NONE);
        }

        @Override
        public Predictions combine(List<Predictions> members) {
            Predictions first = members.get(0);
            List<double[]> values = members.stream().map(Predictions::values).toList();
            return calibration.apply(new Predictions(first.task(), first.rows(), first.numClasses(), average(values, weights)));
        }

        /** The weighted average of equally long arrays. */
        public static double[] average(List<double[]> values, double[] weights) {
            double[] out = new double[values.get(0).length];
            for (int m = 0; m < values.size(); m++) {
                double w = weights[m];
                if (w == 0) {
                    continue;
                }
                double[] v = values.get(m);
                for (int i = 0; i < out.length; i++) {
                    out[i] += w * v[i];
                }
            }
            return out;
        }
    }

    /** A meta-learner applied to the members' predictions, turned into features by {@link StackFeatures}. */
    record Stack(Learner metaLearner, Params metaParams, FittedModel metaModel, ProbabilityCalibration calibration)
            implements Combination {

        /** A stack whose probabilities are not corrected. */
        public Stack(Learner metaLearner, Params metaParams, FittedModel metaModel) {
            this(metaLearner, metaParams, metaModel, ProbabilityCalibration.NONE);
        }

        @Override
        public Predictions combine(List<Predictions> members) {
            Predictions first = members.get(0);
            int width = first.task() == Task.CLASSIFICATION ? first.numClasses() : 1;
            List<double[]> values = members.stream().map(Predictions::values).toList();
            return calibration.apply(metaModel.predict(StackFeatures.of(values, first.rows(), first.task(), width)));
        }

        @Override
        public void close() {
            metaModel.close();
        }
    }
}

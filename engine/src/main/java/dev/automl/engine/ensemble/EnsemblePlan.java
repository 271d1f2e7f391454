package dev.automl.engine.ensemble;

import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import java.util.List;

/**
 * What an ensemble leaderboard row is made of, so that it can be refit: its member trials and either their vote
 * weights or the stack's meta-learner.
 *
 * @param memberIds  the member trials' ids, best first
 * @param weights    vote weights, one per member, summing to 1; null for a stack
 * @param metaLearner the stack's meta-learner; null for a vote
 * @param metaParams the meta-learner's chosen hyperparameters; null for a vote
 */
public record EnsemblePlan(int trialId, String algorithm, List<Integer> memberIds, double[] weights, Learner metaLearner,
                           Params metaParams) {

    public EnsemblePlan {
        memberIds = List.copyOf(memberIds);
    }

    public boolean isStack() {
        return metaLearner != null;
    }
}

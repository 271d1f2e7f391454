package dev.automl.engine.run;

import dev.automl.algorithms.FittedModel;
import dev.automl.engine.ensemble.EnsembleBuilder;
import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialOutcome;
import dev.automl.engine.trial.TrialResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds the first-fold models of the trials an ensemble may be built from (the best ten so far and the best trial
 * of each algorithm), so that a run whose final refit does not fit in the time left still saves a model (the best
 * trial's, or an ensemble of several) trained on the first fold's training rows. With a holdout those are exactly
 * the models that were validated. Forests are capped in size, so this many fit in memory.
 */
final class StandInModels implements AutoCloseable {

    private final Map<Integer, TrialOutcome> kept = new LinkedHashMap<>();

    /**
     * Keeps the outcome's model if its trial is now an ensemble candidate (among the best few, or the best of its
     * algorithm), closing any it pushes out, so that an ensemble of validated models can always be saved.
     */
    synchronized void offer(TrialOutcome outcome, Ranking board) {
        if (outcome.standIn() == null) {
            return;
        }
        kept.put(outcome.result().id(), outcome);
        Set<Integer> best = EnsembleBuilder.candidates(board.ranked()).stream().map(TrialResult::id)
                .collect(Collectors.toSet());
        for (Integer id : new ArrayList<>(kept.keySet())) {
            if (!best.contains(id)) {
                kept.remove(id).close();
            }
        }
    }

    /** Hands over the kept outcome of the given trial, if any; the caller then owns (and closes) it. */
    synchronized Optional<TrialOutcome> take(int trialId) {
        return Optional.ofNullable(kept.remove(trialId));
    }

    /** Whether the first-fold models of all these trials are kept. */
    synchronized boolean hasAll(List<Integer> trialIds) {
        return kept.keySet().containsAll(trialIds);
    }

    /** Hands over the first-fold models of these trials, in their order; the caller then owns (and closes) them. */
    synchronized List<FittedModel> takeAll(List<Integer> trialIds) {
        List<FittedModel> out = new ArrayList<>();
        for (int id : trialIds) {
            out.add(kept.remove(id).standIn());
        }
        return out;
    }

    @Override
    public synchronized void close() {
        kept.values().forEach(TrialOutcome::close);
        kept.clear();
    }
}

package dev.automl.engine.run;

import dev.automl.algorithms.FittedModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds the first-fold models of the best few trials so far and of the best trial of each algorithm, so that a run whose final refit does not fit in
 * the time left still saves a model (the best trial's, or an ensemble of several) trained on the first fold's
 * training rows. With a holdout those are exactly the models that were validated.
 */
final class StandInModel implements AutoCloseable {

    /**
     * With the best of each algorithm, enough for an ensemble's usual members (greedy selection mostly takes the
     * best few and one or two of other algorithms); forests are capped in size, so that many fit in memory.
     */
    static final int KEPT = 5;

    private final Map<Integer, TrialOutcome> kept = new LinkedHashMap<>();

    /**
     * Keeps the outcome's model if its trial is now among the best few or the best of its algorithm, closing any
     * it pushes out.
     */
    synchronized void offer(TrialOutcome outcome, Leaderboard board) {
        if (outcome.firstFold() == null) {
            return;
        }
        kept.put(outcome.result().id(), outcome);
        List<TrialResult> completed = board.ranked().stream().filter(TrialResult::completed).toList();
        Set<Integer> best = completed.stream().limit(KEPT).map(TrialResult::id).collect(Collectors.toCollection(HashSet::new));
        Set<String> algorithms = new HashSet<>();
        for (TrialResult r : completed) {
            if (algorithms.add(r.algorithm())) {
                best.add(r.id());
            }
        }
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
            out.add(kept.remove(id).firstFold());
        }
        return out;
    }

    @Override
    public synchronized void close() {
        kept.values().forEach(TrialOutcome::close);
        kept.clear();
    }
}

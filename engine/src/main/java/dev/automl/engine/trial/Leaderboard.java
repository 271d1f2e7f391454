package dev.automl.engine.trial;

import dev.automl.metrics.MetricDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every row of a run, ranked by the primary metric; rows that did not complete follow, by id. */
public final class Leaderboard implements Ranking {

    private final MetricDefinition primary;
    private final List<TrialResult> results = new ArrayList<>();

    public Leaderboard(MetricDefinition primary) {
        this.primary = primary;
    }

    @Override
    public MetricDefinition primary() {
        return primary;
    }

    public synchronized void add(TrialResult r) {
        results.add(r);
    }

    @Override
    public synchronized List<TrialResult> ranked() {
        List<TrialResult> out = new ArrayList<>(results);
        Comparator<TrialResult> byScore = Comparator.comparingDouble(r -> primary.higherIsBetter() ? -r.score() : r.score());
        out.sort(Comparator.comparing((TrialResult r) -> !r.completed())
                .thenComparing((a, b) -> a.completed() && b.completed() ? byScore.compare(a, b) : 0)
                .thenComparingInt(TrialResult::id));
        return out;
    }

    @Override
    public synchronized Optional<TrialResult> best() {
        List<TrialResult> r = ranked();
        return r.isEmpty() || !r.get(0).completed() ? Optional.empty() : Optional.of(r.get(0));
    }

    @Override
    public synchronized Optional<TrialResult> byId(int id) {
        return results.stream().filter(r -> r.id() == id).findFirst();
    }

    public synchronized int size() {
        return results.size();
    }

    public synchronized long count(TrialStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** The id the next row gets: one more than any so far. */
    public synchronized int nextId() {
        return results.stream().mapToInt(TrialResult::id).max().orElse(0) + 1;
    }
}

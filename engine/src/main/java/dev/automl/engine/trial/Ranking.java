package dev.automl.engine.trial;

import dev.automl.metrics.MetricDefinition;
import java.util.List;
import java.util.Optional;

/** A read-only view of the leaderboard, for those that decide from it (the search, early termination). */
public interface Ranking {

    MetricDefinition primary();

    /** Completed rows best first (ties: lower id first), then the rest by id. */
    List<TrialResult> ranked();

    Optional<TrialResult> best();

    Optional<TrialResult> byId(int id);

    /** Whether score a beats score b under the primary metric. */
    default boolean better(double a, double b) {
        return primary().isBetter(a, b);
    }
}

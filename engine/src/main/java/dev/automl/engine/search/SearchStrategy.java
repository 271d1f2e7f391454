package dev.automl.engine.search;

import dev.automl.engine.run.Leaderboard;
import dev.automl.engine.run.TrialSpec;
import java.util.Optional;

/** Proposes the next trial to run, given the results so far. */
public interface SearchStrategy {

    /** The next trial, or empty when the strategy has nothing more to try. */
    Optional<TrialSpec> next(Leaderboard soFar);
}

package dev.automl.engine.search;

import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialSpec;
import java.util.Optional;

/** Proposes the next trial to run, given the results so far and the time the trial may take. */
public interface SearchStrategy {

    /**
     * The next trial, or empty when the strategy has nothing more to try in the time given (see {@link #whyEmpty}).
     *
     * @param secondsLeft how long the next trial may run before its deadline
     * @param shareSeconds how long a learner's trial after its first, on the sample it has reached, may run before
     *                     it is cut short (its fair share of the search's time left): a learner whose trials need
     *                     well over that is not started
     */
    Optional<TrialSpec> next(Ranking soFar, double secondsLeft, double shareSeconds);

    /** Why the last call to {@link #next} returned empty, for the run's stop reason. */
    String whyEmpty();

    /**
     * Whether the last call to {@link #next} returned empty because nothing is left to try (rather than because no
     * trial fits in the time left), so that time is left for other work.
     */
    boolean exhausted();
}

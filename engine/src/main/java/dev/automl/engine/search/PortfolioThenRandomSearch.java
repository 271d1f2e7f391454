package dev.automl.engine.search;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.engine.run.Leaderboard;
import dev.automl.engine.run.TrialSpec;
import dev.automl.metrics.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Runs each learner's declared portfolio first, round by round (every learner's best-known configuration,
 * then every learner's second, ...), then random points of each learner's space in turn. Deterministic for a
 * seed; repeated configurations are skipped.
 */
public final class PortfolioThenRandomSearch implements SearchStrategy {

    /** Give up drawing after this many repeats in a row: the spaces are exhausted. */
    private static final int MAX_REPEATS = 50;

    private final List<Learner> learners;
    private final Task task;
    private final DataShape shape;
    private final Random rng;
    private final List<TrialSpec> portfolio = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private int nextId = 1;
    private int portfolioAt = 0;
    private int learnerTurn = 0;

    public PortfolioThenRandomSearch(List<Learner> learners, Task task, DataShape shape, long seed) {
        this.learners = List.copyOf(learners);
        this.task = task;
        this.shape = shape;
        this.rng = new Random(seed);
        List<List<Params>> lists = new ArrayList<>();
        int longest = 0;
        for (Learner l : this.learners) {
            List<Params> p = l.portfolio(task, shape);
            lists.add(p);
            longest = Math.max(longest, p.size());
        }
        for (int round = 0; round < longest; round++) {
            for (int i = 0; i < this.learners.size(); i++) {
                if (round < lists.get(i).size()) {
                    portfolio.add(new TrialSpec(0, this.learners.get(i), lists.get(i).get(round), "portfolio"));
                }
            }
        }
    }

    @Override
    public synchronized Optional<TrialSpec> next(Leaderboard soFar) {
        while (portfolioAt < portfolio.size()) {
            TrialSpec s = portfolio.get(portfolioAt++);
            if (seen.add(key(s.learner(), s.params()))) {
                return Optional.of(new TrialSpec(nextId++, s.learner(), s.params(), s.origin()));
            }
        }
        for (int attempt = 0; attempt < MAX_REPEATS; attempt++) {
            Learner l = learners.get(learnerTurn++ % learners.size());
            List<Params> starts = l.portfolio(task, shape);
            Params base = starts.isEmpty() ? Params.empty() : starts.get(0);
            Params p = base.merge(l.space(task, shape).sample(rng));
            if (seen.add(key(l, p))) {
                return Optional.of(new TrialSpec(nextId++, l, p, "random"));
            }
        }
        return Optional.empty();
    }

    private static String key(Learner l, Params p) {
        return l.name() + p.values();
    }
}

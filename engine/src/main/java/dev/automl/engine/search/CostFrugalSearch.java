package dev.automl.engine.search;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialSpec;
import dev.automl.featurization.FeatureView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The engine's search, after FLAML: every learner first runs its cheap start point (in catalog order, strongest
 * first), then each draw picks a learner with probability inversely proportional to its estimated cost for
 * improvement, and that learner runs its next portfolio entry or a step of its own cost-frugal local search. A
 * learner whose trials are not expected to fit in the time left is not started. Costs are the learners' declared
 * relative costs ({@link TrialCost}), so the path is the same for a seed whenever trials finish in the order they
 * start and no deadline intervenes.
 */
public final class CostFrugalSearch implements SearchStrategy {

    /** Give up after this many repeated proposals in a row: the spaces are exhausted. */
    private static final int MAX_REPEATS = 50;

    private record Issued(LearnerState learner, Params params, boolean step) {
    }

    private final List<LearnerState> learners = new ArrayList<>();
    private final Random rng;
    private final Map<Integer, Issued> issued = new HashMap<>();
    private final Set<Integer> recorded = new HashSet<>();
    private final Set<String> seen = new HashSet<>();
    private int nextId = 1;
    private String whyEmpty = "";
    private boolean exhausted;

    /** @param shape the data's shape; {@code shape.rows()} is a fold's training rows, which large data samples */
    public CostFrugalSearch(List<Learner> learners, Task task, DataShape shape, long seed) {
        this.rng = new Random(seed);
        SampleSizes sizes = new SampleSizes(shape.rows());
        // A series model learns from each series' whole past: a random sample of rows would tear the series apart.
        SampleSizes whole = SampleSizes.none(shape.rows());
        TrialCost cost = new TrialCost(shape.rows());
        for (Learner l : learners) {
            this.learners.add(new LearnerState(l, l.portfolio(task, shape), new UnitSpace(l.space(task, shape)),
                    new Random(rng.nextLong()), l.view() == FeatureView.SERIES ? whole : sizes, cost));
        }
    }

    /**
     * A learner whose trials need more than this many times their share is not started: cut short that early, a
     * booster or forest scores below its last trial at that size. On the generated 3,000,000-row table LightGBM's
     * 800,000-row trial took 78.8 s, and three more under shares of 31, 17 and 10 s scored 0.866, 0.889 and 0.820
     * against its 0.903.
     */
    static final double MOST_SHARES_NEEDED = 2;

    @Override
    public synchronized Optional<TrialSpec> next(Ranking soFar, double secondsLeft, double shareSeconds) {
        record(soFar);
        double perUnitCost = secondsPerUnitCost();
        for (int attempt = 0; attempt < MAX_REPEATS; attempt++) {
            LearnerState l = pick(soFar, secondsLeft, shareSeconds, perUnitCost);
            if (l == null) {
                exhausted = learners.stream().noneMatch(LearnerState::usable);
                whyEmpty = learners.stream().allMatch(LearnerState::exhausted)
                        ? "every configuration in the search spaces was tried"
                        : learners.stream().noneMatch(LearnerState::usable)
                        ? "every algorithm failed " + LearnerState.MAX_FAILURES_IN_A_ROW + " trials in a row or ran all it can"
                        : "no algorithm's next trial is expected to fit in the time left";
                return Optional.empty();
            }
            double globalBest = learners.stream().mapToDouble(LearnerState::bestLoss).min().orElse(Double.POSITIVE_INFINITY);
            LearnerState.Proposal p = l.shouldGrow(l.bestLoss() <= globalBest, secondsLeft) ? l.grow() : l.next();
            if (!seen.add(l.learner.name() + "/" + l.sampleRows() + p.params().values())) {
                l.repeated(p.params());
                continue;
            }
            int id = nextId++;
            issued.put(id, new Issued(l, p.params(), p.step()));
            return Optional.of(new TrialSpec(id, new Candidate.Configuration(l.learner, p.params(), p.origin(), l.sampleRows())));
        }
        whyEmpty = "every configuration in the search spaces was tried";
        exhausted = true;
        return Optional.empty();
    }

    @Override
    public String whyEmpty() {
        return whyEmpty;
    }

    @Override
    public boolean exhausted() {
        return exhausted;
    }

    /** Feeds finished trials to their learners, in the order they were issued. */
    private void record(Ranking board) {
        List<TrialResult> fresh = new ArrayList<>();
        for (TrialResult r : board.ranked()) {
            if (issued.containsKey(r.id()) && !recorded.contains(r.id())) {
                fresh.add(r);
            }
        }
        fresh.sort(Comparator.comparingInt(TrialResult::id));
        for (TrialResult r : fresh) {
            recorded.add(r.id());
            Issued i = issued.get(r.id());
            double loss = board.primary().higherIsBetter() ? -r.score() : r.score();
            i.learner().record(r, i.params(), loss, i.step());
        }
    }

    /** Seconds one unit of relative cost takes on this data, from the learners tried so far; 0 before any. */
    private double secondsPerUnitCost() {
        double best = Double.POSITIVE_INFINITY;
        for (LearnerState l : learners) {
            if (l.tried()) {
                best = Math.min(best, l.meanSeconds() / Math.max(1e-3, l.learner.relativeCost()));
            }
        }
        return Double.isInfinite(best) ? 0 : best;
    }

    private LearnerState pick(Ranking board, double secondsLeft, double shareSeconds, double perUnitCost) {
        List<LearnerState> fits = new ArrayList<>();
        for (LearnerState l : learners) {
            double least = l.leastSeconds(perUnitCost);
            // A learner's first trial has a share of its own, and its cheap start point is meant to fit in it.
            if (l.usable() && least <= secondsLeft && (!l.tried() || least <= MOST_SHARES_NEEDED * shareSeconds)) {
                fits.add(l);
            }
        }
        if (fits.isEmpty()) {
            return null;
        }
        for (LearnerState l : fits) {
            if (!l.tried() && !hasRunning(l)) {
                return l; // every learner's start point first, in catalog order
            }
        }
        double globalBest = learners.stream().mapToDouble(LearnerState::bestLoss).min().orElse(Double.POSITIVE_INFINITY);
        double[] weights = new double[fits.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 / fits.get(i).eci(globalBest);
            total += weights[i];
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u <= 0) {
                return fits.get(i);
            }
        }
        return fits.get(fits.size() - 1);
    }

    private boolean hasRunning(LearnerState l) {
        for (Map.Entry<Integer, Issued> e : issued.entrySet()) {
            if (e.getValue().learner() == l && !recorded.contains(e.getKey())) {
                return true;
            }
        }
        return false;
    }
}

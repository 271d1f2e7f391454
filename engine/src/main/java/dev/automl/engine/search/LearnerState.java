package dev.automl.engine.search;

import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.engine.trial.TrialOrigin;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialStatus;
import java.util.List;
import java.util.Random;

/**
 * What the search knows about one learner: its portfolio still to run, its local search, and the cost it has
 * spent and the losses it reached, from which its estimated cost for improvement (FLAML's ECI) follows. Costs are
 * {@link TrialCost} units, so that the learner picked next does not depend on how busy the machine was; measured
 * seconds only say whether a trial still fits in the time left.
 */
final class LearnerState {

    /** A learner that fails this many trials in a row (errors, not timeouts) is not tried again. */
    static final int MAX_FAILURES_IN_A_ROW = 3;

    final Learner learner;
    private final List<Params> portfolio;
    private final SampleSizes sizes;
    private final TrialCost cost;
    private int sizeAt;
    private double fastestAtSize = Double.POSITIVE_INFINITY;
    private Params bestParams;
    private final LocalSearch local;
    /** Whether the learner has no hyperparameters to search: its portfolio is all it can try. */
    private final boolean fixed;
    private int portfolioAt;
    private int trials;
    private int trialsSinceBest;
    private int failuresInARow;
    private double seconds;
    private double spent;
    private double fastest = Double.POSITIVE_INFINITY;
    private double firstLoss = Double.NaN;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double spentAtBest;
    private double spentAtPreviousBest;

    LearnerState(Learner learner, List<Params> portfolio, UnitSpace space, Random rng, SampleSizes sizes, TrialCost cost) {
        this.learner = learner;
        this.sizes = sizes;
        this.cost = cost;
        this.portfolio = List.copyOf(portfolio);
        this.local = new LocalSearch(space, rng);
        this.fixed = space.dimensions() == 0;
    }

    /** A configuration to try, and whether it is a local-search step (rather than a portfolio entry or a restart). */
    record Proposal(Params params, boolean step, TrialOrigin origin) {
    }

    /** The training rows per fold this learner's trials use now; 0 for all. */
    int sampleRows() {
        return sizes.rows(sizeAt);
    }

    /**
     * Whether to move this learner to the next, larger sample: when it leads (or has stopped improving) and a
     * trial on the larger sample is expected to take at most half the time left, as FLAML grows its sample.
     */
    boolean shouldGrow(boolean leads, double secondsLeft) {
        if (sizes.isLast(sizeAt) || bestParams == null) {
            return false;
        }
        double expected = fastestAtSize * sizes.ratio(sizeAt);
        return (leads || trialsSinceBest >= 3) && expected <= secondsLeft / 2;
    }

    /** Moves to the next sample size; the best configuration so far is the first to run on it. */
    Proposal grow() {
        fastestAtSize *= sizes.ratio(sizeAt);
        sizeAt++;
        local.rebase();
        return new Proposal(bestParams, false, TrialOrigin.GROW);
    }

    /** The configuration to try next: the portfolio's next entry, else a local-search step or restart. */
    Proposal next() {
        if (portfolioAt < portfolio.size()) {
            return new Proposal(portfolio.get(portfolioAt++), false, TrialOrigin.PORTFOLIO);
        }
        Params base = portfolio.isEmpty() ? Params.empty() : portfolio.get(0);
        if (!local.started() || local.converged()) {
            return new Proposal(local.restart(base), false, TrialOrigin.RESTART);
        }
        return new Proposal(local.propose(), true, TrialOrigin.LOCAL);
    }

    /** A configuration that was proposed but already run: a step that went nowhere. */
    void repeated(Params p) {
        local.report(p, Double.NaN, true);
    }

    void record(TrialResult r, Params p, double loss, boolean wasStep) {
        trials++;
        seconds += r.fitSeconds();
        spent += cost.of(r);
        // A trial stopped by its time limit, or cut short at its share, needed more than the time it took: it
        // tells nothing of how fast this learner can be (counted, a trial cut at a small share made the next look
        // affordable under a smaller one), so a learner whose trials all time out is not started again.
        if (r.status() != TrialStatus.TIMED_OUT && !r.cutShort()) {
            fastest = Math.min(fastest, r.fitSeconds());
            if (r.sampleRows() == sampleRows()) {
                fastestAtSize = Math.min(fastestAtSize, r.fitSeconds());
            }
        }
        if (r.completed()) {
            failuresInARow = 0;
            if (Double.isNaN(firstLoss)) {
                firstLoss = loss;
            }
            if (loss < bestLoss) {
                spentAtPreviousBest = Double.isInfinite(bestLoss) ? 0 : spentAtBest;
                spentAtBest = spent;
                bestLoss = loss;
                bestParams = p;
                trialsSinceBest = 0;
            } else {
                trialsSinceBest++;
            }
            local.report(p, loss, wasStep);
        } else {
            trialsSinceBest++;
            failuresInARow = r.status() == TrialStatus.FAILED ? failuresInARow + 1 : 0;
            local.report(p, Double.NaN, wasStep);
        }
    }

    boolean usable() {
        return failuresInARow < MAX_FAILURES_IN_A_ROW && !exhausted();
    }

    /** Whether a learner without hyperparameters has run its whole portfolio on all rows: nothing is left to try. */
    boolean exhausted() {
        return fixed && portfolioAt >= portfolio.size() && sizes.isLast(sizeAt);
    }

    boolean tried() {
        return trials > 0;
    }

    /** Seconds per trial so far, or NaN before the first. */
    double meanSeconds() {
        return trials == 0 ? Double.NaN : seconds / trials;
    }

    /**
     * The least time a trial of this learner is expected to need: its fastest trial so far, or its relative cost
     * before any. A learner that needs more than the time left is not started.
     */
    double leastSeconds(double secondsPerUnitCost) {
        if (!tried()) {
            return learner.relativeCost() * secondsPerUnitCost;
        }
        return Double.isFinite(fastestAtSize) ? fastestAtSize : fastest;
    }

    /**
     * FLAML's estimated cost for improvement, in {@link TrialCost} units: what this learner has spent without
     * improving, or spent on its last improvement, whichever is more; for a learner behind the best, at least
     * what it would spend to close the gap at the rate it has improved so far. Untried learners cost their first
     * trial.
     */
    double eci(double globalBestLoss) {
        double trial = cost.of(learner, sampleRows());
        if (!tried() || Double.isInfinite(bestLoss)) {
            return Math.max(1e-3, tried() ? spent : trial);
        }
        double sinceBest = spent - spentAtBest;
        double forLastImprovement = spentAtBest - spentAtPreviousBest;
        double eci = Math.max(trial, Math.max(sinceBest, forLastImprovement));
        double gap = bestLoss - globalBestLoss;
        if (gap > 0) {
            // Behind the leader: the cost of closing the gap at the rate this learner has improved so far; one that
            // never improved costs more with every trial since its best, so that it is not starved outright but
            // gets ever fewer trials.
            double rate = (firstLoss - bestLoss) / Math.max(1e-9, spent);
            double close = rate > 0 ? gap / rate : 2 * (spent + trial) * (1 + trialsSinceBest);
            eci = Math.max(eci, Math.min(1e6, close));
        }
        return Math.max(1e-3, eci);
    }

    double bestLoss() {
        return bestLoss;
    }
}

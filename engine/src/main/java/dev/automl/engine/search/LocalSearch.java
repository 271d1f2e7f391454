package dev.automl.engine.search;

import dev.automl.algorithms.Params;
import java.util.Random;

/**
 * FLAML's cost-frugal local search (FLOW2, Wu et al. 2021) for one learner: from the best configuration so far,
 * try a step in a random direction, then the opposite step; move on any improvement; halve the step after
 * {@code 2 * d} tries in a row without one; when the step is too small to matter, restart from a random point.
 * Starting from the learner's cheap start point, it reaches dear configurations only when they pay.
 */
final class LocalSearch {

    static final double INITIAL_STEP = 0.1;
    static final double MIN_STEP = 0.005;

    private final UnitSpace space;
    private final Random rng;
    private Params incumbent;
    private double[] x;
    private double loss = Double.POSITIVE_INFINITY;
    private double step;
    private double[] direction;
    private boolean pendingOpposite;
    private int lastSign;
    private int failures;

    LocalSearch(UnitSpace space, Random rng) {
        this.space = space;
        this.rng = rng;
        this.step = initialStep();
    }

    private double initialStep() {
        return INITIAL_STEP * Math.sqrt(Math.max(1, space.dimensions()));
    }

    /** Whether a configuration has been reported, so that steps have somewhere to start from. */
    boolean started() {
        return incumbent != null;
    }

    /** Records a finished configuration and its loss (lower is better; NaN for a failure). */
    void report(Params p, double result, boolean wasStep) {
        if (!Double.isNaN(result) && result < loss) {
            incumbent = p;
            x = space.toUnit(p);
            loss = result;
            failures = 0;
            pendingOpposite = false;
            return;
        }
        if (!wasStep) {
            return;
        }
        failures++;
        pendingOpposite = lastSign > 0;
        if (failures >= 2 * Math.max(1, space.dimensions())) {
            step /= 2;
            failures = 0;
        }
    }

    /**
     * Forgets the incumbent's loss but keeps its position: after the sample grows, losses on fewer rows are
     * not comparable, and the next result becomes the new incumbent.
     */
    void rebase() {
        loss = Double.POSITIVE_INFINITY;
        failures = 0;
        pendingOpposite = false;
    }

    /** Whether the step has shrunk below what changes a configuration: time to restart elsewhere. */
    boolean converged() {
        return step < MIN_STEP;
    }

    /** A new start: a random point, with the step reset; its result becomes the incumbent only if it is better. */
    Params restart(Params base) {
        step = initialStep();
        failures = 0;
        pendingOpposite = false;
        loss = Double.POSITIVE_INFINITY;
        return space.fromUnit(space.random(rng), base);
    }

    /** The next step from the incumbent: back along the last direction if its step failed, or a new one. */
    Params propose() {
        if (pendingOpposite && direction != null) {
            pendingOpposite = false;
            lastSign = -1;
            return move(-1);
        }
        int d = space.dimensions();
        direction = new double[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            direction[i] = rng.nextGaussian();
            norm += direction[i] * direction[i];
        }
        norm = Math.max(1e-12, Math.sqrt(norm));
        for (int i = 0; i < d; i++) {
            direction[i] /= norm;
        }
        lastSign = 1;
        return move(1);
    }

    private Params move(int sign) {
        double[] next = x.clone();
        for (int i = 0; i < next.length; i++) {
            if (Double.isNaN(next[i])) {
                // A hyperparameter the incumbent leaves at the learner's default joins now and then, at random.
                if (rng.nextDouble() < 1.0 / next.length) {
                    next[i] = rng.nextDouble();
                }
            } else if (space.isChoice(i)) {
                if (rng.nextDouble() < Math.min(1, step * Math.abs(direction[i]) * 2)) {
                    next[i] = rng.nextDouble();
                }
            } else {
                next[i] = Math.min(1, Math.max(0, next[i] + sign * step * direction[i]));
            }
        }
        return space.fromUnit(next, incumbent);
    }
}

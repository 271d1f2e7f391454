package dev.automl.engine.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.algorithms.Predictions;

/**
 * A correction of an ensemble's class probabilities: each row's probabilities raised to {@code power} and
 * renormalised (temperature scaling, done on probabilities since an ensemble has no single margin), then mixed
 * with the uniform distribution by {@code floor}, so that no class gets a probability below {@code floor / K}.
 * A power above 1 sharpens an averaged ensemble's hedged probabilities; the floor keeps a confident mistake from
 * costing an unbounded log loss. Both leave the most probable class unchanged.
 *
 * @param power the exponent, positive; 1 leaves the ranking within a row as it is
 * @param floor the uniform share mixed in, in [0, 1)
 */
public record ProbabilityCalibration(@JsonProperty("power") double power, @JsonProperty("floor") double floor) {

    /** The least floor any calibrated ensemble keeps: a probability of exactly 0 or 1 is never supported. */
    public static final double LEAST_FLOOR = 1e-6;
    /** The correction that changes nothing, for models saved before calibration existed. */
    public static final ProbabilityCalibration NONE = new ProbabilityCalibration(1, 0);

    public ProbabilityCalibration {
        if (!(power > 0) || Double.isInfinite(power)) {
            throw new IllegalArgumentException("power must be positive and finite, not " + power);
        }
        if (!(floor >= 0 && floor < 1)) {
            throw new IllegalArgumentException("floor must be in [0, 1), not " + floor);
        }
    }

    /** Only the least floor: what an ensemble gets when a fitted calibration does not pay. */
    public static ProbabilityCalibration leastFloor() {
        return new ProbabilityCalibration(1, LEAST_FLOOR);
    }

    @JsonIgnore
    public boolean isNone() {
        return power == 1 && floor == 0;
    }

    /** Whether more than the least floor is applied: what a leaderboard calls calibrated. */
    @JsonIgnore
    public boolean isFitted() {
        return power != 1 || floor > LEAST_FLOOR;
    }

    /** The corrected probabilities; regression predictions pass unchanged. */
    public Predictions apply(Predictions p) {
        if (isNone() || p.numClasses() < 2) {
            return p;
        }
        return new Predictions(p.task(), p.rows(), p.numClasses(), apply(p.values(), p.numClasses()));
    }

    /** The corrected probabilities of {@code rowMajor}, rows of {@code k} classes; a new array. */
    public double[] apply(double[] rowMajor, int k) {
        double[] out = new double[rowMajor.length];
        for (int at = 0; at < rowMajor.length; at += k) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double v = power == 1 ? Math.max(0, rowMajor[at + c]) : powered(rowMajor[at + c]);
                out[at + c] = v;
                sum += v;
            }
            for (int c = 0; c < k; c++) {
                // A row whose probabilities all vanished under a large power: fall back to uniform.
                double share = sum > 0 ? out[at + c] / sum : 1.0 / k;
                out[at + c] = (1 - floor) * share + floor / k;
            }
        }
        return out;
    }

    private double powered(double p) {
        return p <= 0 ? 0 : Math.exp(power * Math.log(p));
    }
}

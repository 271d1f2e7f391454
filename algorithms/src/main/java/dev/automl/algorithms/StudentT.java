package dev.automl.algorithms;

import smile.stat.distribution.TDistribution;

/** Student's t distribution's quantiles (Smile's), for intervals whose spread is estimated from few samples. */
public final class StudentT {

    private StudentT() {
    }

    /** The quantile at probability {@code p} with {@code df} degrees of freedom (at least 1). */
    public static double quantile(double p, int df) {
        return new TDistribution(Math.max(1, df)).quantile(p);
    }
}

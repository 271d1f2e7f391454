package dev.automl.metrics.charts;

import java.util.Arrays;

/** numpy's {@code linspace} and linear-interpolation {@code percentile}, which Azure's chart data is built from. */
final class Grid {

    private Grid() {
    }

    /** {@code np.linspace(start, stop, num)}: i * step + start, the last point exactly {@code stop}. */
    static double[] linspace(double start, double stop, int num) {
        double[] out = new double[num];
        if (num == 0) {
            return out;
        }
        double step = num > 1 ? (stop - start) / (num - 1) : 0;
        for (int i = 0; i < num; i++) {
            out[i] = i * step + start;
        }
        if (num > 1) {
            out[num - 1] = stop;
        }
        return out;
    }

    /** {@code np.percentile(values, q)} (method linear) of values already sorted ascending; q in [0, 100]. */
    static double percentile(double[] sorted, double q) {
        double index = q / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(index);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double t = index - lo;
        double a = sorted[lo];
        double b = sorted[hi];
        // numpy's _lerp: from the nearer end, so that t = 1 gives b exactly.
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }

    /** {@code np.percentile(values, q, method="lower")}: the sorted value at floor(q / 100 * (n - 1)). */
    static double lower(double[] sorted, double q) {
        return sorted[(int) Math.floor(q / 100 * (sorted.length - 1))];
    }

    /** {@code np.percentile(values, q, method="higher")}: the sorted value at ceil(q / 100 * (n - 1)). */
    static double higher(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q / 100 * (sorted.length - 1)))];
    }

    static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    /** {@code np.around(x, decimals)}: scale, round half to even, scale back (negative decimals round to tens). */
    static double around(double x, int decimals) {
        if (decimals >= 0) {
            double f = Math.pow(10, decimals);
            return Math.rint(x * f) / f;
        }
        double f = Math.pow(10, -decimals);
        return Math.rint(x / f) * f;
    }
}

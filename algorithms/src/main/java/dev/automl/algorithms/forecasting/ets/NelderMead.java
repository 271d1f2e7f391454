package dev.automl.algorithms.forecasting.ets;

import java.util.function.ToDoubleFunction;

/**
 * R's Nelder-Mead minimiser ({@code nmmin} in R's optim.c, after Nash's Compact Numerical Methods), which R's ets
 * runs through {@code etsNelderMead}: the same start simplex, moves, tie rules and stopping test, so that it walks
 * the same path as R's and stops where R's stops.
 */
final class NelderMead {

    /** What R puts in place of a value that is not finite. */
    private static final double BIG = 1.0e35;

    private NelderMead() {
    }

    /**
     * @param par       the best point found
     * @param value     its value
     * @param converged false when the evaluation budget ran out first (R's {@code fail} 1) or the simplex stopped
     *                  shrinking (10)
     */
    record Result(double[] par, double value, int evaluations, boolean converged) {
    }

    /**
     * Minimises {@code f} from {@code start}.
     *
     * @param reflection  R's alpha (reflection coefficient), 1 in ets
     * @param contraction R's beta, 0.5 in ets
     * @param expansion   R's gamma, 2 in ets
     * @param relTol      the relative tolerance on the spread of values, R's {@code reltol}
     * @param maxit       the budget of evaluations
     * @throws IllegalArgumentException when {@code f} is not finite at the start, as R stops
     */
    static Result minimise(ToDoubleFunction<double[]> f, double[] start, double reflection, double contraction,
                           double expansion, double relTol, int maxit) {
        int n = start.length;
        double[] bvec = start.clone();
        double value = f.applyAsDouble(bvec.clone());
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("function cannot be evaluated at initial parameters");
        }
        // p[i][j]: coordinate i of vertex j; row n holds the vertices' values; column n + 1 the centroid.
        double[][] p = new double[n + 1][n + 2];
        int funcount = 1;
        double convtol = relTol * (Math.abs(value) + relTol);
        int n1 = n + 1;
        int c = n + 2;
        p[n1 - 1][0] = value;
        for (int i = 0; i < n; i++) {
            p[i][0] = bvec[i];
        }
        int lo = 1;
        double size = 0.0;
        double step = 0.0;
        for (int i = 0; i < n; i++) {
            if (0.1 * Math.abs(bvec[i]) > step) {
                step = 0.1 * Math.abs(bvec[i]);
            }
        }
        if (step == 0.0) {
            step = 0.1;
        }
        for (int j = 2; j <= n1; j++) {
            for (int i = 0; i < n; i++) {
                p[i][j - 1] = bvec[i];
            }
            double trystep = step;
            while (p[j - 2][j - 1] == bvec[j - 2]) {
                p[j - 2][j - 1] = bvec[j - 2] + trystep;
                trystep *= 10;
            }
            size += trystep;
        }
        double oldsize = size;
        boolean calcvert = true;
        boolean shrinkFailed = false;
        do {
            if (calcvert) {
                for (int j = 0; j < n1; j++) {
                    if (j + 1 != lo) {
                        for (int i = 0; i < n; i++) {
                            bvec[i] = p[i][j];
                        }
                        value = finite(f.applyAsDouble(bvec.clone()));
                        funcount++;
                        p[n1 - 1][j] = value;
                    }
                }
                calcvert = false;
            }
            double vl = p[n1 - 1][lo - 1];
            double vh = vl;
            int hi = lo;
            for (int j = 1; j <= n1; j++) {
                if (j != lo) {
                    double v = p[n1 - 1][j - 1];
                    if (v < vl) {
                        lo = j;
                        vl = v;
                    }
                    if (v > vh) {
                        hi = j;
                        vh = v;
                    }
                }
            }
            // R's abstol is -Inf in ets, so only the relative test stops it.
            if (vh <= vl + convtol) {
                break;
            }
            for (int i = 0; i < n; i++) {
                double temp = -p[i][hi - 1];
                for (int j = 0; j < n1; j++) {
                    temp += p[i][j];
                }
                p[i][c - 1] = temp / n;
            }
            for (int i = 0; i < n; i++) {
                bvec[i] = (1.0 + reflection) * p[i][c - 1] - reflection * p[i][hi - 1];
            }
            value = finite(f.applyAsDouble(bvec.clone()));
            funcount++;
            double vr = value;
            if (vr < vl) {
                p[n1 - 1][c - 1] = value;
                for (int i = 0; i < n; i++) {
                    double e = expansion * bvec[i] + (1 - expansion) * p[i][c - 1];
                    p[i][c - 1] = bvec[i];
                    bvec[i] = e;
                }
                value = finite(f.applyAsDouble(bvec.clone()));
                funcount++;
                if (value < vr) {
                    for (int i = 0; i < n; i++) {
                        p[i][hi - 1] = bvec[i];
                    }
                    p[n1 - 1][hi - 1] = value;
                } else {
                    for (int i = 0; i < n; i++) {
                        p[i][hi - 1] = p[i][c - 1];
                    }
                    p[n1 - 1][hi - 1] = vr;
                }
            } else {
                if (vr < vh) {
                    for (int i = 0; i < n; i++) {
                        p[i][hi - 1] = bvec[i];
                    }
                    p[n1 - 1][hi - 1] = vr;
                }
                for (int i = 0; i < n; i++) {
                    bvec[i] = (1 - contraction) * p[i][hi - 1] + contraction * p[i][c - 1];
                }
                value = finite(f.applyAsDouble(bvec.clone()));
                funcount++;
                if (value < p[n1 - 1][hi - 1]) {
                    for (int i = 0; i < n; i++) {
                        p[i][hi - 1] = bvec[i];
                    }
                    p[n1 - 1][hi - 1] = value;
                } else if (vr >= vh) {
                    // Shrink the simplex towards its best vertex.
                    calcvert = true;
                    size = 0.0;
                    for (int j = 0; j < n1; j++) {
                        if (j + 1 != lo) {
                            for (int i = 0; i < n; i++) {
                                p[i][j] = contraction * (p[i][j] - p[i][lo - 1]) + p[i][lo - 1];
                                size += Math.abs(p[i][j] - p[i][lo - 1]);
                            }
                        }
                    }
                    if (size < oldsize) {
                        oldsize = size;
                    } else {
                        shrinkFailed = true;
                        break;
                    }
                }
            }
        } while (funcount <= maxit);
        double[] best = new double[n];
        for (int i = 0; i < n; i++) {
            best[i] = p[i][lo - 1];
        }
        return new Result(best, p[n1 - 1][lo - 1], funcount, funcount <= maxit && !shrinkFailed);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : BIG;
    }
}

package dev.automl.algorithms.forecasting.arima;

/**
 * R's {@code optim(method = "BFGS")} without a gradient function: Nash's variable metric method ({@code vmmin})
 * on central-difference gradients of step {@code ndeps = 1e-3} in the scaled parameters, with its defaults
 * ({@code reltol = sqrt(.Machine$double.eps)}, {@code maxit = 100}, no {@code abstol}), and {@code optimhess}'s
 * Hessian. The estimates of an ARIMA fit depend on the path this takes, so it follows R's arithmetic step by step.
 */
final class Bfgs {

    /** The function minimised; may throw {@link ArimaFitException} where R's would stop with an error. */
    @FunctionalInterface
    interface Objective {
        double value(double[] par);
    }

    /**
     * What the minimisation ended with.
     *
     * @param convergence 0 when it converged, 1 when it stopped at the iteration limit
     */
    record Result(double[] par, double value, int convergence) {
    }

    static final int MAXIT = 100;
    private static final double NDEPS = 1e-3;
    private static final double RELTOL = Math.sqrt(Math.ulp(1.0));
    private static final double ABSTOL = Double.NEGATIVE_INFINITY;
    private static final double STEPREDN = 0.2;
    private static final double ACCTOL = 0.0001;
    private static final double RELTEST = 10.0;

    private Bfgs() {
    }

    /**
     * Minimises from {@code init}, the parameters divided by {@code parscale} inside as R's optim does.
     *
     * @param maxit the iteration limit; 0 only evaluates the function at {@code init}
     */
    static Result minimize(Objective fn, double[] init, double[] parscale, int maxit) {
        int n = init.length;
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = init[i] / parscale[i];
        }
        Scaled f = new Scaled(fn, parscale);
        double fmin;
        int fail;
        if (maxit <= 0) {
            fmin = f.value(b);
            fail = 0;
        } else {
            double fv = f.value(b);
            if (!Double.isFinite(fv)) {
                throw new ArimaFitException("initial value in vmmin is not finite");
            }
            double[] g = f.gradient(b);
            fmin = fv;
            int gradcount = 1;
            int iter = 1;
            int ilast = gradcount;
            double[][] bm = new double[n][];
            for (int i = 0; i < n; i++) {
                bm[i] = new double[i + 1];
            }
            double[] t = new double[n];
            double[] x = new double[n];
            double[] c = new double[n];
            int count;
            do {
                if (ilast == gradcount) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < i; j++) {
                            bm[i][j] = 0.0;
                        }
                        bm[i][i] = 1.0;
                    }
                }
                for (int i = 0; i < n; i++) {
                    x[i] = b[i];
                    c[i] = g[i];
                }
                double gradproj = 0.0;
                for (int i = 0; i < n; i++) {
                    double s = 0.0;
                    for (int j = 0; j <= i; j++) {
                        s -= bm[i][j] * g[j];
                    }
                    for (int j = i + 1; j < n; j++) {
                        s -= bm[j][i] * g[j];
                    }
                    t[i] = s;
                    gradproj += s * g[i];
                }
                if (gradproj < 0.0) {
                    double steplength = 1.0;
                    boolean accpoint = false;
                    do {
                        count = 0;
                        for (int i = 0; i < n; i++) {
                            b[i] = x[i] + steplength * t[i];
                            if (RELTEST + x[i] == RELTEST + b[i]) {
                                count++;
                            }
                        }
                        if (count < n) {
                            fv = f.value(b);
                            accpoint = Double.isFinite(fv) && (fv <= fmin + gradproj * steplength * ACCTOL);
                            if (!accpoint) {
                                steplength *= STEPREDN;
                            }
                        }
                    } while (!(count == n || accpoint));
                    boolean enough = (fv > ABSTOL) && Math.abs(fv - fmin) > RELTOL * (Math.abs(fmin) + RELTOL);
                    if (!enough) {
                        count = n;
                        fmin = fv;
                    }
                    if (count < n) {
                        fmin = fv;
                        g = f.gradient(b);
                        gradcount++;
                        iter++;
                        double d1 = 0.0;
                        for (int i = 0; i < n; i++) {
                            t[i] = steplength * t[i];
                            c[i] = g[i] - c[i];
                            d1 += t[i] * c[i];
                        }
                        if (d1 > 0) {
                            double d2 = 0.0;
                            for (int i = 0; i < n; i++) {
                                double s = 0.0;
                                for (int j = 0; j <= i; j++) {
                                    s += bm[i][j] * c[j];
                                }
                                for (int j = i + 1; j < n; j++) {
                                    s += bm[j][i] * c[j];
                                }
                                x[i] = s;
                                d2 += s * c[i];
                            }
                            d2 = 1.0 + d2 / d1;
                            for (int i = 0; i < n; i++) {
                                for (int j = 0; j <= i; j++) {
                                    bm[i][j] += (d2 * t[i] * t[j] - x[i] * t[j] - t[i] * x[j]) / d1;
                                }
                            }
                        } else {
                            ilast = gradcount;
                        }
                    } else if (ilast < gradcount) {
                        count = 0;
                        ilast = gradcount;
                    }
                } else {
                    count = 0;
                    if (ilast == gradcount) {
                        count = n;
                    } else {
                        ilast = gradcount;
                    }
                }
                if (iter >= maxit) {
                    break;
                }
                if (gradcount - ilast > 2 * n) {
                    ilast = gradcount;
                }
            } while (count != n || ilast != gradcount);
            fail = iter < maxit ? 0 : 1;
        }
        double[] par = new double[n];
        for (int i = 0; i < n; i++) {
            par[i] = b[i] * parscale[i];
        }
        return new Result(par, fmin, fail);
    }

    /** The Hessian at {@code par} from central differences of the numerical gradient, symmetrised (optimhess). */
    static double[][] hessian(Objective fn, double[] par, double[] parscale) {
        int n = par.length;
        Scaled f = new Scaled(fn, parscale);
        double[] dpar = new double[n];
        for (int i = 0; i < n; i++) {
            dpar[i] = par[i] / parscale[i];
        }
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            double eps = NDEPS / parscale[i];
            dpar[i] = dpar[i] + eps;
            double[] df1 = f.gradient(dpar);
            dpar[i] = dpar[i] - 2 * eps;
            double[] df2 = f.gradient(dpar);
            for (int j = 0; j < n; j++) {
                h[i][j] = (df1[j] - df2[j]) / (2 * eps * parscale[i] * parscale[j]);
            }
            dpar[i] = dpar[i] + eps;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double tmp = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = tmp;
                h[j][i] = tmp;
            }
        }
        return h;
    }

    /** The objective seen through parscale, as optim's fminfn and fmingr see it. */
    private record Scaled(Objective fn, double[] parscale) {

        double value(double[] p) {
            double[] x = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                if (!Double.isFinite(p[i])) {
                    throw new ArimaFitException("non-finite value supplied by optim");
                }
                x[i] = p[i] * parscale[i];
            }
            return fn.value(x);
        }

        double[] gradient(double[] p) {
            int n = p.length;
            double[] df = new double[n];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = p[i] * parscale[i];
            }
            for (int i = 0; i < n; i++) {
                x[i] = (p[i] + NDEPS) * parscale[i];
                double val1 = fn.value(x.clone());
                x[i] = (p[i] - NDEPS) * parscale[i];
                double val2 = fn.value(x.clone());
                df[i] = (val1 - val2) / (2 * NDEPS);
                if (!Double.isFinite(df[i])) {
                    throw new ArimaFitException("non-finite finite-difference value [" + (i + 1) + "]");
                }
                x[i] = p[i] * parscale[i];
            }
            return df;
        }
    }
}

package dev.automl.algorithms.forecasting.arima;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.forecasting.arima.ArimaEstimator.Constant;
import dev.automl.algorithms.forecasting.arima.ArimaEstimator.Estimate;
import dev.automl.algorithms.forecasting.arima.ArimaEstimator.Method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * R's {@code forecast::auto.arima} (8.20) with its defaults: the differences from the seasonal strength and KPSS
 * tests, then Hyndman and Khandakar's stepwise search over the ARMA orders (p, q up to 5, P, Q up to 2, starting
 * from (2,d,2)(1,D,1)), each candidate scored by AICc, a constant (mean, or drift after one difference) tried both
 * ways, at most 94 models. Long or finely seasonal series (more than 150 values, or a period above 12) are searched
 * with the conditional-sum-of-squares approximation, then the best candidates refitted exactly until one passes.
 * With regressors ({@code xreg}) every candidate is a regression with ARIMA errors, the differences are chosen on the
 * residuals of the regression on them, and a drift is one more regression column.
 */
final class AutoArimaSearch {

    static final int NMODELS = 94;
    private static final int MAX_P = 5;
    private static final int MAX_Q = 5;
    private static final int MAX_SP = 2;
    private static final int MAX_SQ = 2;
    private static final int MAX_D = 2;
    private static final int MAX_SD = 1;

    /**
     * A candidate model as auto.arima scores it.
     *
     * @param ic  its information criterion; infinite when it failed to fit or was rejected
     * @param fit the fit, or null when it failed
     */
    record Candidate(ArimaOrder order, boolean constant, double ic, Estimate fit) {
    }

    private final double[] x;
    /** The regressors by time, or null without any. */
    private final double[][] xreg;
    /** Which columns of the caller's matrix xreg holds, for the coefficients' names. */
    private final int[] columns;
    private final int n;
    private final int m;
    private final boolean useAic;

    private final Deadline deadline;

    private AutoArimaSearch(double[] x, double[][] xreg, int[] columns, int m, Deadline deadline) {
        this.x = x;
        this.xreg = xreg;
        this.columns = columns;
        this.deadline = deadline;
        this.n = x.length;
        this.m = m;
        this.useAic = n <= 3;
    }

    /**
     * Chooses and fits a model for the series.
     *
     * @param period   the seasonal period; 1 for none
     * @param deadline when passed, the stepwise search stops and the best model so far is refitted exactly
     * @throws ArimaFitException where auto.arima stops with an error (no model fits, too little data)
     */
    static ArimaFit fit(double[] y, int period, Deadline deadline) {
        return fit(y, null, new int[0], period, deadline);
    }

    /**
     * Chooses and fits a regression on the regressors with ARIMA errors, as {@code auto.arima(y, xreg = )}.
     *
     * @param xreg    row i holds the regressors at time i, none constant nor collinear with an intercept; null for
     *                none
     * @param columns the index of each of xreg's columns in the caller's matrix, which names the coefficients
     * @throws ArimaFitException where auto.arima stops with an error
     */
    static ArimaFit fit(double[] y, double[][] xreg, int[] columns, int period, Deadline deadline) {
        if (Differencing.isConstant(y)) {
            // auto.arima fits a mean, and forecast.Arima repeats the first value of a constant series.
            return constantFit(y, "");
        }
        boolean none = xreg == null || columns.length == 0;
        return new AutoArimaSearch(y, none ? null : xreg, none ? new int[0] : columns, Math.max(1, period), deadline)
                .run(period);
    }

    /** Column j of the regressors, differenced {@code times} times at this lag. */
    private double[] regressor(int j, int lag, int times) {
        double[] col = new double[n];
        for (int i = 0; i < n; i++) {
            col[i] = xreg[i][j];
        }
        for (int t = 0; t < times; t++) {
            col = ArimaEstimator.diff(col, lag);
        }
        return col;
    }

    /** Whether a regressor differenced so is constant, which makes auto.arima take one difference fewer. */
    private boolean anyConstantRegressor(int seasonalDiffs, int diffs) {
        for (int j = 0; j < columns.length; j++) {
            double[] col = regressor(j, m, seasonalDiffs);
            for (int t = 0; t < diffs; t++) {
                col = ArimaEstimator.diff(col, 1);
            }
            if (Differencing.isConstant(col)) {
                return true;
            }
        }
        return false;
    }

    /** The series less its least squares regression on an intercept and the regressors (auto.arima's xx). */
    private double[] regressionResiduals() {
        double[][] cols = new double[columns.length + 1][];
        cols[0] = new double[n];
        Arrays.fill(cols[0], 1.0);
        for (int j = 0; j < columns.length; j++) {
            cols[j + 1] = regressor(j, 1, 0);
        }
        return PivotedQr.leastSquares(x, cols).residuals();
    }

    private ArimaFit run(int frequency) {
        int maxp = Math.min(MAX_P, n / 3);
        int maxq = Math.min(MAX_Q, n / 3);
        int maxSp = Math.min(MAX_SP, (int) Math.floor(n / 3.0 / m));
        int maxSq = Math.min(MAX_SQ, (int) Math.floor(n / 3.0 / m));

        // With regressors the tests look at what the regression leaves, and a difference that would make a
        // regressor constant is not taken.
        double[] xx = xreg == null ? x : regressionResiduals();
        int sd;
        if (m == 1) {
            sd = 0;
            maxSp = 0;
            maxSq = 0;
        } else if (n <= 2 * m) {
            sd = 0;
        } else {
            sd = Math.min(MAX_SD, Differencing.nsdiffs(xx, m));
            if (sd > 0 && xreg != null && anyConstantRegressor(sd, 0)) {
                sd--;
            }
        }
        double[] dx = sd > 0 ? ArimaEstimator.diff(xx, m) : xx;
        int d = Differencing.ndiffs(dx, MAX_D);
        if (d > 0 && xreg != null && anyConstantRegressor(sd, d)) {
            d--;
        }
        for (int i = 0; i < d; i++) {
            dx = ArimaEstimator.diff(dx, 1);
        }
        if (dx.length == 0) {
            throw new ArimaFitException("Not enough data to proceed");
        }
        if (Differencing.isConstant(dx)) {
            return polynomialFit(d, sd, dx);
        }
        if (m > 1) {
            if (maxSp > 0) {
                maxp = Math.min(maxp, m - 1);
            }
            if (maxSq > 0) {
                maxq = Math.min(maxq, m - 1);
            }
        }
        boolean approximation = n > 150 || frequency > 12;
        double offset = 0.0;
        if (approximation) {
            try {
                Estimate e = ArimaEstimator.fit(x, xreg, new ArimaOrder(0, d, 0, 0, sd, 0, m), Constant.MEAN,
                        Method.CSS_ML, deadline);
                offset = -2 * e.loglik() - n * Math.log(e.sigma2());
            } catch (ArimaFitException e) {
                offset = 0.0;
            }
        }
        boolean allowDrift = d + sd == 1;
        boolean allowMean = d + sd == 0;
        boolean constant = allowDrift || allowMean;

        int startP = 2;
        int startQ = 2;
        int startSp = 1;
        int startSq = 1;
        if (n < 10) {
            startP = 1;
            startQ = 1;
            startSp = 0;
            startSq = 0;
        }
        int p = Math.min(startP, maxp);
        int q = Math.min(startQ, maxq);
        int sp = Math.min(startSp, maxSp);
        int sq = Math.min(startSq, maxSq);

        List<Candidate> results = new ArrayList<>();
        Candidate best = score(p, d, q, sp, sd, sq, constant, approximation, offset);
        results.add(best);
        Candidate fit = score(0, d, 0, 0, sd, 0, constant, approximation, offset);
        results.add(fit);
        if (fit.ic() < best.ic()) {
            best = fit;
            p = q = sp = sq = 0;
        }
        if (maxp > 0 || maxSp > 0) {
            int np = maxp > 0 ? 1 : 0;
            int nsp = m > 1 && maxSp > 0 ? 1 : 0;
            fit = score(np, d, 0, nsp, sd, 0, constant, approximation, offset);
            results.add(fit);
            if (fit.ic() < best.ic()) {
                best = fit;
                p = np;
                sp = nsp;
                q = sq = 0;
            }
        }
        if (maxq > 0 || maxSq > 0) {
            int nq = maxq > 0 ? 1 : 0;
            int nsq = m > 1 && maxSq > 0 ? 1 : 0;
            fit = score(0, d, nq, 0, sd, nsq, constant, approximation, offset);
            results.add(fit);
            if (fit.ic() < best.ic()) {
                best = fit;
                p = sp = 0;
                sq = nsq;
                q = nq;
            }
        }
        if (constant) {
            fit = score(0, d, 0, 0, sd, 0, false, approximation, offset);
            results.add(fit);
            if (fit.ic() < best.ic()) {
                best = fit;
                p = q = sp = sq = 0;
            }
        }

        // Moves in auto.arima's order: seasonal AR and MA down and up, then the plain ones, then the constant;
        // the first improvement restarts the round from the new model.
        int[][] moves = {
                {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
                {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
                {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
                {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}};
        int k = results.size();
        int startk = 0;
        boolean capped = false;
        boolean stopped = false;
        search:
        while (startk < k && k < NMODELS) {
            startk = k;
            for (int[] mv : moves) {
                int cp = p + mv[0];
                int cq = q + mv[1];
                int csp = sp + mv[2];
                int csq = sq + mv[3];
                if (cp < 0 || cp > maxp || cq < 0 || cq > maxq || csp < 0 || csp > maxSp || csq < 0 || csq > maxSq
                        || !isNew(results, cp, d, cq, csp, sd, csq, constant)) {
                    continue;
                }
                if (deadline.expired()) {
                    stopped = true;
                    break search;
                }
                k++;
                if (k > NMODELS) {
                    capped = true;
                    continue search;
                }
                fit = score(cp, d, cq, csp, sd, csq, constant, approximation, offset);
                results.add(fit);
                if (fit.ic() < best.ic()) {
                    best = fit;
                    p = cp;
                    q = cq;
                    sp = csp;
                    sq = csq;
                    continue search;
                }
            }
            if ((allowDrift || allowMean) && isNew(results, p, d, q, sp, sd, sq, !constant)) {
                if (deadline.expired()) {
                    stopped = true;
                    break;
                }
                k++;
                if (k > NMODELS) {
                    capped = true;
                    continue;
                }
                fit = score(p, d, q, sp, sd, sq, !constant, approximation, offset);
                results.add(fit);
                if (fit.ic() < best.ic()) {
                    best = fit;
                    constant = !constant;
                }
            }
        }

        if (approximation && best.fit() != null) {
            // Exact refits in order of the approximate criterion (a stable sort, as R's order) until one passes.
            List<Candidate> ranked = new ArrayList<>(results);
            ranked.sort(Comparator.comparingDouble(Candidate::ic));
            for (Candidate c : ranked) {
                Candidate exact = score(c.order().p(), d, c.order().q(), c.order().sp(), sd, c.order().sq(), c.constant(),
                        false, 0.0);
                if (exact.ic() < Double.POSITIVE_INFINITY) {
                    best = exact;
                    break;
                }
            }
        }
        if (best.ic() == Double.POSITIVE_INFINITY || best.fit() == null) {
            throw new ArimaFitException("No suitable ARIMA model found");
        }
        String note = stopped ? "the stepwise search stopped at the trial's deadline after " + results.size() + " models"
                : capped ? "the stepwise search stopped at its limit of " + NMODELS + " models" : "";
        return toFit(best.fit(), best.fit().method() == Method.CSS ? offset : 0.0, note);
    }

    /** Whether the search has not yet scored this model. */
    private static boolean isNew(List<Candidate> results, int p, int d, int q, int sp, int sd, int sq, boolean constant) {
        for (Candidate c : results) {
            ArimaOrder o = c.order();
            if (o.p() == p && o.d() == d && o.q() == q && o.sp() == sp && o.sd() == sd && o.sq() == sq
                    && c.constant() == constant) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fits and scores one model as auto.arima's {@code myarima}: a drift regressor when there is one difference and
     * a constant, the approximate criterion from the CSS variance and the offset, and an infinite score for a fit
     * that fails, has an AR or MA root within 1.01 of the unit circle, or has an undefined coefficient variance.
     */
    private Candidate score(int p, int d, int q, int sp, int sd, int sq, boolean constant, boolean approximation,
                            double offset) {
        ArimaOrder order = new ArimaOrder(p, d, q, sp, sd, sq, m);
        Method method = approximation ? Method.CSS : Method.CSS_ML;
        Constant c = !constant ? Constant.NONE : (d + sd == 1 ? Constant.DRIFT : Constant.MEAN);
        Estimate e;
        try {
            e = ArimaEstimator.fit(x, xreg, order, c, method, deadline);
        } catch (ArimaFitException ex) {
            return new Candidate(order, constant, Double.POSITIVE_INFINITY, null);
        }
        double ic = criterion(e, offset);
        double minroot = 2.0;
        if (p + sp > 0) {
            double[] phi = LagPolynomial.trimmed(e.phi());
            if (phi.length > 0) {
                try {
                    minroot = Math.min(minroot, LagPolynomial.minRoot(phi, -1));
                } catch (ArimaFitException ex) {
                    ic = Double.POSITIVE_INFINITY;
                }
            }
        }
        if (q + sq > 0 && ic < Double.POSITIVE_INFINITY) {
            double[] theta = LagPolynomial.trimmed(e.theta());
            if (theta.length > 0) {
                try {
                    minroot = Math.min(minroot, LagPolynomial.minRoot(theta, 1));
                } catch (ArimaFitException ex) {
                    ic = Double.POSITIVE_INFINITY;
                }
            }
        }
        if (minroot < 1.01 || !e.varianceOk()) {
            ic = Double.POSITIVE_INFINITY;
        }
        return new Candidate(order, constant, ic, e);
    }

    /** The AICc (the AIC for three values or fewer), with the AIC from the CSS variance for an approximate fit. */
    private double criterion(Estimate e, double offset) {
        double aic = aic(e, offset);
        if (Double.isNaN(aic)) {
            return Double.POSITIVE_INFINITY;
        }
        return useAic ? aic : aicc(e, aic);
    }

    /** The AIC, for an approximate fit from its CSS variance and the offset of the exact (0,d,0) fit. */
    private double aic(Estimate e, double offset) {
        ArimaOrder o = e.order();
        int nstar = n - o.d() - o.sd() * m;
        int npar = e.free() + 1;
        return e.method() == Method.CSS ? offset + nstar * Math.log(e.sigma2()) + 2 * npar : e.aic();
    }

    private double aicc(Estimate e, double aic) {
        ArimaOrder o = e.order();
        int nstar = n - o.d() - o.sd() * m;
        int npar = e.free() + 1;
        return aic + 2.0 * npar * (npar + 1) / (nstar - npar - 1);
    }

    private ArimaFit toFit(Estimate e, double offset, String note) {
        double[] state = e.state() != null ? e.state() : ArimaEstimator.filteredState(x, xreg, e);
        double[] errors = e.errors() != null ? e.errors() : ArimaEstimator.errors(x, xreg, e);
        return ArimaFit.of(e, state, errors, sigma2(e), aicc(e, aic(e, offset)), note, columns);
    }

    /** auto.arima's innovation variance: the residual sum of squares over the effective length less the parameters. */
    private double sigma2(Estimate e) {
        ArimaOrder o = e.order();
        int nstar = n - o.d() - o.sd() * m;
        int npar = e.free() + 1;
        double ss = 0.0;
        for (double r : e.residuals()) {
            if (!Double.isNaN(r)) {
                ss += r * r;
            }
        }
        return ss / (nstar - npar + 1);
    }

    /**
     * What auto.arima fits when the differenced series is constant (the series is a polynomial in time, with or
     * without a seasonal pattern): the differences alone, with the constant of the differences as a fixed mean or
     * drift when one difference leaves one.
     */
    private ArimaFit polynomialFit(int d, int sd, double[] dx) {
        if (xreg != null) {
            // auto.arima then fits the differences with the regressors (and Arima's intercept when undifferenced).
            Estimate e = ArimaEstimator.fit(x, xreg, new ArimaOrder(0, d, 0, 0, sd, 0, m), Constant.MEAN,
                    Method.CSS_ML, deadline);
            return toFit(e, 0.0, "");
        }
        double mean = 0.0;
        for (double v : dx) {
            mean += v;
        }
        mean /= dx.length;
        Estimate e;
        if (sd > 0 && d == 0) {
            e = ArimaEstimator.fitWithConstant(x, new ArimaOrder(0, 0, 0, 0, sd, 0, m), Constant.DRIFT, mean / m,
                    Method.CSS_ML);
        } else if (sd > 0) {
            e = ArimaEstimator.fit(x, new ArimaOrder(0, d, 0, 0, sd, 0, m), Constant.NONE, Method.CSS_ML);
        } else if (d == 2) {
            e = ArimaEstimator.fit(x, new ArimaOrder(0, d, 0, 0, 0, 0, m), Constant.NONE, Method.CSS_ML);
        } else {
            e = ArimaEstimator.fitWithConstant(x, new ArimaOrder(0, d, 0, 0, 0, 0, m),
                    d == 1 ? Constant.DRIFT : Constant.MEAN, mean, Method.CSS_ML);
        }
        return toFit(e, 0.0, "");
    }

    /** A constant series: a mean fixed at the series' value, forecast as its first value. */
    static ArimaFit constantFit(double[] y, String note) {
        double[] errors = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            errors[i] = y[i] - y[0];
        }
        return new ArimaFit("ARIMA(0,0,0) with non-zero mean", new int[] {0, 0, 0, 0, 0, 0, 1}, ArimaFit.MEAN,
                new String[] {"intercept"}, new double[] {y[0]}, 0.0, Double.NaN, Double.NaN, y.length, new double[0],
                new double[0], new double[] {0.0}, note, new int[0], errors);
    }
}

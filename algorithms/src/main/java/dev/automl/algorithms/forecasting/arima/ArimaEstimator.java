package dev.automl.algorithms.forecasting.arima;

import dev.automl.algorithms.Deadline;

import java.util.Arrays;

/**
 * Fits one ARIMA model of given orders as R's {@code stats::arima} does with its defaults: the conditional sum of
 * squares ("CSS"), or CSS estimates as the start of exact maximum likelihood by the Kalman filter ("CSS-ML"), the
 * AR parts reparameterised to stay stationary, MA parts made invertible, a constant (a mean, or a drift on time)
 * and any regressors estimated as regression coefficients with the ARMA errors ({@code xreg}), several regression
 * columns turned by their right singular vectors while estimating, as R does.
 */
final class ArimaEstimator {

    /** How the coefficients are estimated. */
    enum Method {
        CSS_ML, CSS
    }

    /** The regression term: none, a mean (an intercept, only without differencing), or a drift on 1..n. */
    enum Constant {
        NONE, MEAN, DRIFT
    }

    /**
     * One fitted model.
     *
     * @param coef       ar, ma, sar, sma, then the constant's coefficient when there is one, then the regressors'
     * @param free       how many coefficients were estimated (R's {@code sum(mask)})
     * @param sigma2     the innovation variance as stats::arima reports it
     * @param loglik     the log-likelihood; for CSS, the conditional one
     * @param aic        the AIC; NaN for CSS, which has none
     * @param varianceOk whether the coefficients' estimated variances are all defined (auto.arima's checkarima)
     * @param phi        the expanded AR polynomial
     * @param theta      the expanded MA polynomial
     * @param state      the Kalman filter's state after the last value; null for CSS, which runs no filter
     * @param errors     the series less the regression term, which the filter ran over; null for CSS
     */
    record Estimate(ArimaOrder order, Constant constant, Method method, double[] coef, int free, double sigma2,
                    double loglik, double aic, boolean varianceOk, int nUsed, double[] phi, double[] theta,
                    double[] residuals, double[] state, double[] errors) {

        /** The constant's coefficient, or 0 without one. */
        double constantCoef() {
            return constant == Constant.NONE ? 0.0 : coef[order.arma().count()];
        }
    }

    private final double[] x;
    private final ArimaOrder order;
    private final ArmaParameters arma;
    private final int narma;
    private final double[] delta;
    /** The regression columns (the constant's first), each of the series' length; turned by V while estimating. */
    private double[][] xreg;
    private final Constant constant;
    private final Deadline deadline;

    /** @param regressors the regressors by time (row i holds them at time i), or null without any */
    private ArimaEstimator(double[] x, double[][] regressors, ArimaOrder order, Constant constant, Deadline deadline) {
        this.x = x;
        this.deadline = deadline;
        this.order = order;
        this.arma = order.arma();
        this.narma = arma.count();
        this.delta = order.delta();
        int k = regressors == null || regressors.length == 0 ? 0 : regressors[0].length;
        if (regressors != null && regressors.length != x.length) {
            throw new IllegalArgumentException("lengths of 'x' and 'xreg' do not match");
        }
        // stats::arima adds an intercept only to an undifferenced model (include.mean); a drift is a regressor,
        // which auto.arima puts before the others (cbind(drift = 1:n, xreg)).
        double[] first = null;
        if (constant == Constant.MEAN && order.differences() == 0) {
            first = new double[x.length];
            Arrays.fill(first, 1.0);
            this.constant = Constant.MEAN;
        } else if (constant == Constant.DRIFT) {
            first = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                first[i] = i + 1;
            }
            this.constant = Constant.DRIFT;
        } else {
            this.constant = Constant.NONE;
        }
        int ncx = k + (first == null ? 0 : 1);
        if (ncx == 0) {
            xreg = null;
        } else {
            xreg = new double[ncx][];
            int c = 0;
            if (first != null) {
                xreg[c++] = first;
            }
            for (int j = 0; j < k; j++) {
                double[] col = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    col[i] = regressors[i][j];
                }
                xreg[c++] = col;
            }
        }
    }

    /** Fits every coefficient. */
    static Estimate fit(double[] x, ArimaOrder order, Constant constant, Method method) {
        return fit(x, order, constant, method, Deadline.never());
    }

    /**
     * Fits every coefficient, giving up when the deadline passes: a seasonal model of a long series can take many
     * seconds of likelihood evaluations, which a trial's deadline must be able to cut short.
     *
     * @throws ArimaFitException also when the deadline passes
     */
    static Estimate fit(double[] x, ArimaOrder order, Constant constant, Method method, Deadline deadline) {
        return fit(x, null, order, constant, method, deadline);
    }

    /**
     * Fits every coefficient of a regression on these regressors with ARIMA errors (R's {@code xreg}).
     *
     * @param regressors row i holds the regressors at time i; null for none
     * @throws ArimaFitException where stats::arima stops with an error, also when the deadline passes
     */
    static Estimate fit(double[] x, double[][] regressors, ArimaOrder order, Constant constant, Method method,
                        Deadline deadline) {
        return new ArimaEstimator(x, regressors, order, constant, deadline).run(method, Double.NaN);
    }

    /**
     * Fits with the constant's coefficient held at {@code fixedConstant} (R's {@code fixed}); a model with nothing
     * left to estimate is only filtered.
     */
    static Estimate fitWithConstant(double[] x, ArimaOrder order, Constant constant, double fixedConstant, Method method) {
        return new ArimaEstimator(x, null, order, constant, Deadline.never()).run(method, fixedConstant);
    }

    private void stopAtDeadline() {
        if (deadline.expired()) {
            throw new ArimaFitException("the trial's deadline passed");
        }
    }

    private Estimate run(Method method, double fixedConstant) {
        int n = x.length;
        int ncx = xreg == null ? 0 : xreg.length;
        int npar = narma + ncx;
        double[] fixed = new double[npar];
        Arrays.fill(fixed, Double.NaN);
        if (ncx >= 1 && !Double.isNaN(fixedConstant)) {
            fixed[narma] = fixedConstant;
        }
        boolean[] mask = new boolean[npar];
        int free = 0;
        for (int i = 0; i < npar; i++) {
            mask[i] = Double.isNaN(fixed[i]);
            free += mask[i] ? 1 : 0;
        }
        boolean noOptim = free == 0;
        boolean transform = !noOptim;
        int nUsed = n - delta.length;
        int ncond = order.d() + order.sd() * order.period() + order.p() + order.period() * order.sp();

        double[] init = new double[npar];
        double[] parscale = new double[npar];
        Arrays.fill(parscale, 1.0);
        // Several free regression columns are estimated in the basis of their right singular vectors, where they are
        // orthogonal, and turned back at the end (R's orig.xreg).
        double[][] rotation = null;
        if (ncx > 1 && Double.isNaN(fixedConstant)) {
            rotation = RightSingularVectors.of(xreg);
            xreg = turn(xreg, rotation);
        }
        if (ncx >= 1) {
            PivotedQr.LeastSquares ls = regressionStart();
            for (int j = 0; j < ncx; j++) {
                init[narma + j] = ls.coef()[j];
                parscale[narma + j] = 10 * ls.se()[j];
            }
        }
        if (nUsed <= 0) {
            throw new ArimaFitException("too few non-missing observations");
        }
        double[] coef = fixed.clone();
        Bfgs.Objective css = p -> {
            stopAtDeadline();
            double[] par = fill(fixed, mask, p);
            double[][] pt = arma.expand(par, false);
            double res = StateSpace.conditionalSumOfSquares(adjusted(par), order.d(), order.sd(), order.period(),
                    pt[0], pt[1], ncond, null);
            return 0.5 * Math.log(res);
        };

        if (method == Method.CSS) {
            Bfgs.Result res;
            double[][] hessian = null;
            if (noOptim) {
                res = new Bfgs.Result(new double[0], css.value(new double[0]), 0);
            } else {
                res = Bfgs.minimize(css, select(init, mask), parscale(parscale, mask), Bfgs.MAXIT);
                hessian = Bfgs.hessian(css, res.par(), parscale(parscale, mask));
            }
            coef = fill(coef, mask, res.par());
            double[][] pt = arma.expand(coef, false);
            if (Math.max(pt[0].length, pt[1].length + 1) > StateSpace.MAX_R) {
                // R builds the state space model of a CSS fit too, and its getQ0 refuses such a state.
                throw new ArimaFitException("maximum supported lag is " + StateSpace.MAX_R);
            }
            double[] resid = new double[n];
            double sigma2 = StateSpace.conditionalSumOfSquares(adjusted(coef), order.d(), order.sd(), order.period(),
                    pt[0], pt[1], ncond, resid);
            boolean ok = hessian == null || Covariance.defined(turned(Covariance.of(hessian, nUsed, null), rotation));
            double value = 2 * nUsed * res.value() + nUsed + nUsed * Math.log(2 * Math.PI);
            return new Estimate(order, constant, method, turnBack(coef, rotation), free, sigma2, -0.5 * value,
                    Double.NaN, ok, nUsed, pt[0], pt[1], resid, null, null);
        }

        // CSS-ML: the conditional sum of squares gives the start for the exact likelihood.
        if (!noOptim) {
            Bfgs.Result res = Bfgs.minimize(css, select(init, mask), parscale(parscale, mask), Bfgs.MAXIT);
            if (res.convergence() == 0) {
                init = fill(init, mask, res.par());
            }
        }
        int p = order.p();
        int q = order.q();
        int sp = order.sp();
        int sq = order.sq();
        if (p > 0 && !LagPolynomial.stationary(Arrays.copyOfRange(init, 0, p))) {
            throw new ArimaFitException("non-stationary AR part from CSS");
        }
        if (sp > 0 && !LagPolynomial.stationary(Arrays.copyOfRange(init, p + q, p + q + sp))) {
            throw new ArimaFitException("non-stationary seasonal AR part from CSS");
        }
        if (transform) {
            init = arma.inverse(init);
            if (q > 0) {
                System.arraycopy(LagPolynomial.invertMa(Arrays.copyOfRange(init, p, p + q)), 0, init, p, q);
            }
            if (sq > 0) {
                int o = p + q + sp;
                System.arraycopy(LagPolynomial.invertMa(Arrays.copyOfRange(init, o, o + sq)), 0, init, o, sq);
            }
        }
        double[] base = coef;
        boolean trans = transform;
        Bfgs.Objective ml = par0 -> {
            stopAtDeadline();
            double[] par = fill(base, mask, par0);
            double[][] pt = arma.expand(par, trans);
            StateSpace model;
            try {
                model = StateSpace.of(pt[0], pt[1], delta);
            } catch (ArimaFitException e) {
                return Double.MAX_VALUE;
            }
            StateSpace.Sums s = model.filter(adjusted(par), null);
            double s2 = s.ssq() / s.nu();
            return 0.5 * (Math.log(s2) + s.sumlog() / s.nu());
        };
        Bfgs.Result res;
        double[][] hessian = null;
        double[] ps = parscale(parscale, mask);
        if (noOptim) {
            res = new Bfgs.Result(new double[0], ml.value(new double[0]), 0);
        } else {
            res = Bfgs.minimize(ml, select(init, mask), ps, Bfgs.MAXIT);
            hessian = Bfgs.hessian(ml, res.par(), ps);
        }
        coef = fill(coef, mask, res.par());
        boolean ok = true;
        if (transform) {
            boolean changed = false;
            if (q > 0 && allFree(mask, p, p + q)) {
                double[] inv = LagPolynomial.invertMa(Arrays.copyOfRange(coef, p, p + q));
                System.arraycopy(inv, 0, coef, p, q);
            }
            if (sq > 0 && allFree(mask, p + q + sp, p + q + sp + sq)) {
                int o = p + q + sp;
                double[] inv = LagPolynomial.invertMa(Arrays.copyOfRange(coef, o, o + sq));
                System.arraycopy(inv, 0, coef, o, sq);
            }
            double[] now = select(coef, mask);
            for (int i = 0; i < now.length; i++) {
                changed |= now[i] != res.par()[i];
            }
            if (changed) {
                // The likelihood and Hessian again at the inverted MA, as R's optim with maxit = 0.
                Bfgs.Result again = Bfgs.minimize(ml, now, ps, 0);
                hessian = Bfgs.hessian(ml, again.par(), ps);
                res = new Bfgs.Result(again.par(), again.value(), res.convergence());
                coef = fill(coef, mask, res.par());
            }
            double[] jac = arma.gradient(coef);
            ok = Covariance.defined(turned(Covariance.of(hessian, nUsed, select(jac, npar, mask)), rotation));
            coef = arma.undo(coef);
        } else if (hessian != null) {
            ok = Covariance.defined(turned(Covariance.of(hessian, nUsed, null), rotation));
        }
        double[][] pt = arma.expand(coef, false);
        StateSpace model = StateSpace.of(pt[0], pt[1], delta);
        double[] resid = new double[n];
        double[] errors = adjusted(coef);
        StateSpace.Sums s = model.filter(errors, resid);
        double sigma2 = s.ssq() / nUsed;
        double value = 2 * nUsed * res.value() + nUsed + nUsed * Math.log(2 * Math.PI);
        double aic = value + 2 * free + 2;
        return new Estimate(order, constant, method, turnBack(coef, rotation), free, sigma2, -0.5 * value, aic, ok,
                nUsed, pt[0], pt[1], resid, model.a.clone(), errors.clone());
    }

    /** The columns times V. */
    private static double[][] turn(double[][] columns, double[][] v) {
        int k = columns.length;
        int n = columns[0].length;
        double[][] out = new double[k][n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                double s = 0.0;
                for (int l = 0; l < k; l++) {
                    s += columns[l][i] * v[l][j];
                }
                out[j][i] = s;
            }
        }
        return out;
    }

    /** The coefficients with the regression ones turned back to the original columns ({@code S$v %*% coef}). */
    private double[] turnBack(double[] coef, double[][] v) {
        if (v == null) {
            return coef;
        }
        int k = v.length;
        double[] out = coef.clone();
        for (int i = 0; i < k; i++) {
            double s = 0.0;
            for (int j = 0; j < k; j++) {
                s += v[i][j] * coef[narma + j];
            }
            out[narma + i] = s;
        }
        return out;
    }

    /**
     * The coefficients' covariance in the original columns, {@code A var A'} with V in A's regression block; every
     * regression coefficient is free when there is a rotation, so that block is the last one of the free ones.
     */
    private static double[][] turned(double[][] var, double[][] v) {
        if (var == null || v == null) {
            return var;
        }
        int f = var.length;
        int k = v.length;
        double[][] a = new double[f][f];
        for (int i = 0; i < f - k; i++) {
            a[i][i] = 1.0;
        }
        for (int i = 0; i < k; i++) {
            System.arraycopy(v[i], 0, a[f - k + i], f - k, k);
        }
        double[][] av = new double[f][f];
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < f; j++) {
                double s = 0.0;
                for (int l = 0; l < f; l++) {
                    s += a[i][l] * var[l][j];
                }
                av[i][j] = s;
            }
        }
        double[][] out = new double[f][f];
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < f; j++) {
                double s = 0.0;
                for (int l = 0; l < f; l++) {
                    s += av[i][l] * a[j][l];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    /**
     * The exact Gaussian log-likelihood of the series under the model with these coefficients (ar, ma, sar, sma,
     * then the constant's), nothing estimated: R's {@code arima(..., fixed = coef, transform.pars = FALSE)$loglik}.
     */
    static double logLikelihood(double[] x, ArimaOrder order, Constant constant, double[] coef) {
        ArimaEstimator est = new ArimaEstimator(x, null, order, constant, Deadline.never());
        double[][] pt = est.arma.expand(coef, false);
        StateSpace.Sums s = StateSpace.of(pt[0], pt[1], est.delta).filter(est.adjusted(coef), null);
        int nUsed = x.length - est.delta.length;
        double value = 0.5 * (Math.log(s.ssq() / s.nu()) + s.sumlog() / s.nu());
        return -0.5 * (2 * nUsed * value + nUsed + nUsed * Math.log(2 * Math.PI));
    }

    /**
     * The state after the training data for an estimate made without one (by CSS): the fitted model run through
     * the Kalman filter, as R's arima does for every fit.
     */
    static double[] filteredState(double[] x, double[][] regressors, Estimate e) {
        StateSpace model = StateSpace.of(e.phi(), e.theta(), e.order().delta());
        model.filter(errors(x, regressors, e), null);
        return model.a.clone();
    }

    /** The series less the regression term at an estimate's coefficients, which the Kalman filter runs over. */
    static double[] errors(double[] x, double[][] regressors, Estimate e) {
        return new ArimaEstimator(x, regressors, e.order(), e.constant(), Deadline.never()).adjusted(e.coef()).clone();
    }

    /** The series less the regression term at these coefficients ({@code x - xreg %*% beta}). */
    private double[] adjusted(double[] par) {
        if (xreg == null) {
            return x;
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0.0;
            for (int j = 0; j < xreg.length; j++) {
                s += xreg[j][i] * par[narma + j];
            }
            out[i] = x[i] - s;
        }
        return out;
    }

    /**
     * The regression coefficients' start and standard errors from least squares on the differenced series (R's
     * {@code lm(dx ~ dxreg - 1)}, or on the series when that has rank 0), whose ten standard errors become the
     * optimiser's scales.
     *
     * @throws ArimaFitException when the regressors are rank deficient, where R's optim meets an NA start
     */
    private PivotedQr.LeastSquares regressionStart() {
        double[] dx = x.clone();
        double[][] dr = new double[xreg.length][];
        for (int j = 0; j < xreg.length; j++) {
            dr[j] = xreg[j].clone();
        }
        for (int i = 0; i < order.d(); i++) {
            dx = diff(dx, 1);
            for (int j = 0; j < dr.length; j++) {
                dr[j] = diff(dr[j], 1);
            }
        }
        if (order.period() > 1) {
            for (int i = 0; i < order.sd(); i++) {
                dx = diff(dx, order.period());
                for (int j = 0; j < dr.length; j++) {
                    dr[j] = diff(dr[j], order.period());
                }
            }
        }
        PivotedQr.LeastSquares ls = dx.length > dr.length ? PivotedQr.leastSquares(dx, dr) : null;
        if (ls == null || ls.rank() == 0) {
            ls = PivotedQr.leastSquares(x, xreg);
        }
        for (int j = 0; j < xreg.length; j++) {
            if (!Double.isFinite(ls.coef()[j]) || !Double.isFinite(ls.se()[j])) {
                throw new ArimaFitException("the regressors are rank deficient");
            }
        }
        return ls;
    }

    static double[] diff(double[] v, int lag) {
        double[] out = new double[Math.max(0, v.length - lag)];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[i + lag] - v[i];
        }
        return out;
    }

    private static boolean allFree(boolean[] mask, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!mask[i]) {
                return false;
            }
        }
        return true;
    }

    private static double[] fill(double[] full, boolean[] mask, double[] free) {
        double[] out = full.clone();
        for (int i = 0, k = 0; i < out.length; i++) {
            if (mask[i]) {
                out[i] = free[k++];
            }
        }
        return out;
    }

    private static double[] select(double[] full, boolean[] mask) {
        int count = 0;
        for (boolean b : mask) {
            count += b ? 1 : 0;
        }
        double[] out = new double[count];
        for (int i = 0, k = 0; i < full.length; i++) {
            if (mask[i]) {
                out[k++] = full[i];
            }
        }
        return out;
    }

    private static double[] parscale(double[] parscale, boolean[] mask) {
        return select(parscale, mask);
    }

    /** The free rows and columns of an n x n column-major matrix, as a row-major array of arrays. */
    private static double[][] select(double[] colMajor, int n, boolean[] mask) {
        int[] idx = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (mask[i]) {
                idx[k++] = i;
            }
        }
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                out[i][j] = colMajor[idx[i] + idx[j] * n];
            }
        }
        return out;
    }
}

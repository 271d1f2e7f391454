package dev.automl.algorithms.forecasting.arima;

/**
 * R's {@code polyroot}: the zeros of a polynomial by Jenkins and Traub's three-stage algorithm (TOMS 419, in Ross
 * Ihaka's C translation that R uses). auto.arima decides whether an AR or MA part is too close to non-stationarity
 * from these roots, and for the long polynomials of a seasonal model at a long period the algorithm's answer can be
 * off by more than the 1.01 margin; taking the same path as R keeps the same models rejected.
 */
final class Polyroot {

    private static final double ETA = Math.ulp(1.0);
    private static final double ARE = ETA;
    private static final double MRE = 2.0 * Math.sqrt(2.0) * ETA;
    private static final double INFIN = Double.MAX_VALUE;
    private static final double SMALNO = Double.MIN_NORMAL;
    private static final double BASE = 2.0;
    private static final double COSR = -0.06975647374412529990; // cos 94 degrees
    private static final double SINR = 0.99756405025982424767; // sin 94 degrees

    private int nn;
    private double[] pr;
    private double[] pi;
    private double[] hr;
    private double[] hi;
    private double[] qpr;
    private double[] qpi;
    private double[] qhr;
    private double[] qhi;
    private double[] shr;
    private double[] shi;
    private double sr;
    private double si;
    private double tr;
    private double ti;
    private double pvr;
    private double pvi;
    // Kept between stage-three calls, as R's statics are.
    private double relstp;
    private double omp;

    private Polyroot() {
    }

    /**
     * The roots of {@code c_0 + c_1 z + ... + c_n z^n}, trailing zero coefficients dropped, as {re, im}.
     *
     * @throws ArimaFitException when the algorithm fails, as R's polyroot stops with "root finding code failed"
     */
    static double[][] of(double[] c) {
        int degree = 0;
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(c[i])) {
                throw new ArimaFitException("invalid polynomial coefficient");
            }
            if (c[i] != 0.0) {
                degree = i;
            }
        }
        if (degree < 1) {
            return new double[][] {new double[0], new double[0]};
        }
        double[] opr = new double[degree + 1];
        double[] opi = new double[degree + 1];
        for (int i = 0; i <= degree; i++) {
            opr[degree - i] = c[i];
        }
        double[] zr = new double[degree];
        double[] zi = new double[degree];
        if (!new Polyroot().solve(opr, opi, degree, zr, zi)) {
            throw new ArimaFitException("root finding code failed");
        }
        return new double[][] {zr, zi};
    }

    /** The smallest modulus among the roots, or {@code cap} when there is none smaller (auto.arima's minroot). */
    static double minModulus(double[] c, double cap) {
        double[][] roots = of(c);
        double min = cap;
        for (int i = 0; i < roots[0].length; i++) {
            min = Math.min(min, hypot(roots[0][i], roots[1][i]));
        }
        return min;
    }

    private boolean solve(double[] opr, double[] opi, int degree, double[] zeror, double[] zeroi) {
        double xx = Math.sqrt(0.5);
        double yy = -xx;
        nn = degree;
        int d1 = nn - 1;
        if (opr[0] == 0.0 && opi[0] == 0.0) {
            return false;
        }
        while (opr[nn] == 0.0 && opi[nn] == 0.0) {
            int dn = d1 - nn + 1;
            zeror[dn] = 0.0;
            zeroi[dn] = 0.0;
            nn--;
        }
        nn++;
        if (nn == 1) {
            return true;
        }
        pr = new double[nn];
        pi = new double[nn];
        hr = new double[nn];
        hi = new double[nn];
        qpr = new double[nn];
        qpi = new double[nn];
        qhr = new double[nn];
        qhi = new double[nn];
        shr = new double[nn];
        shi = new double[nn];
        for (int i = 0; i < nn; i++) {
            pr[i] = opr[i];
            pi[i] = opi[i];
            shr[i] = hypot(pr[i], pi[i]);
        }
        double bnd = scale(nn, shr);
        if (bnd != 1.0) {
            for (int i = 0; i < nn; i++) {
                pr[i] *= bnd;
                pi[i] *= bnd;
            }
        }
        double[] z = new double[2];
        while (nn > 2) {
            for (int i = 0; i < nn; i++) {
                shr[i] = hypot(pr[i], pi[i]);
            }
            bnd = cauchy(nn, shr, shi);
            boolean found = false;
            search:
            for (int i1 = 1; i1 <= 2; i1++) {
                noShift(5);
                for (int i2 = 1; i2 <= 9; i2++) {
                    // The shift has modulus bnd and turns by 94 degrees each time.
                    double xxx = COSR * xx - SINR * yy;
                    yy = SINR * xx + COSR * yy;
                    xx = xxx;
                    sr = bnd * xx;
                    si = bnd * yy;
                    if (fixedShift(i2 * 10, z)) {
                        found = true;
                        break search;
                    }
                }
            }
            if (!found) {
                return false;
            }
            int dn = d1 + 2 - nn;
            zeror[dn] = z[0];
            zeroi[dn] = z[1];
            --nn;
            for (int i = 0; i < nn; i++) {
                pr[i] = qpr[i];
                pi[i] = qpi[i];
            }
        }
        double[] last = divide(-pr[1], -pi[1], pr[0], pi[0]);
        zeror[d1] = last[0];
        zeroi[d1] = last[1];
        return true;
    }

    /** The derivative as the first h polynomial, then {@code l1} unshifted steps. */
    private void noShift(int l1) {
        int n = nn - 1;
        int nm1 = n - 1;
        for (int i = 0; i < n; i++) {
            double xni = nn - i - 1;
            hr[i] = xni * pr[i] / n;
            hi[i] = xni * pi[i] / n;
        }
        for (int jj = 1; jj <= l1; jj++) {
            if (hypot(hr[n - 1], hi[n - 1]) <= ETA * 10.0 * hypot(pr[n - 1], pi[n - 1])) {
                for (int i = 1; i <= nm1; i++) {
                    int j = nn - i;
                    hr[j - 1] = hr[j - 2];
                    hi[j - 1] = hi[j - 2];
                }
                hr[0] = 0.0;
                hi[0] = 0.0;
            } else {
                double[] t = divide(-pr[nn - 1], -pi[nn - 1], hr[n - 1], hi[n - 1]);
                tr = t[0];
                ti = t[1];
                for (int i = 1; i <= nm1; i++) {
                    int j = nn - i;
                    double t1 = hr[j - 2];
                    double t2 = hi[j - 2];
                    hr[j - 1] = tr * t1 - ti * t2 + pr[j - 1];
                    hi[j - 1] = tr * t2 + ti * t1 + pi[j - 1];
                }
                hr[0] = pr[0];
                hi[0] = pi[0];
            }
        }
    }

    /** Up to {@code l2} fixed-shift steps, then the variable-shift iteration; true when it converged to z. */
    private boolean fixedShift(int l2, double[] z) {
        int n = nn - 1;
        double[] pv = evaluate(nn, sr, si, pr, pi, qpr, qpi);
        pvr = pv[0];
        pvi = pv[1];
        boolean test = true;
        boolean pasd = false;
        boolean hZero = calcT();
        for (int j = 1; j <= l2; j++) {
            double otr = tr;
            double oti = ti;
            nextH(hZero);
            hZero = calcT();
            z[0] = sr + tr;
            z[1] = si + ti;
            if (!hZero && test && j != l2) {
                if (hypot(tr - otr, ti - oti) >= hypot(z[0], z[1]) * 0.5) {
                    pasd = false;
                } else if (!pasd) {
                    pasd = true;
                } else {
                    // The weak convergence test passed twice: try stage three, keeping h and s to come back to.
                    System.arraycopy(hr, 0, shr, 0, n);
                    System.arraycopy(hi, 0, shi, 0, n);
                    double svsr = sr;
                    double svsi = si;
                    if (variableShift(10, z)) {
                        return true;
                    }
                    test = false;
                    System.arraycopy(shr, 0, hr, 0, n);
                    System.arraycopy(shi, 0, hi, 0, n);
                    sr = svsr;
                    si = svsi;
                    pv = evaluate(nn, sr, si, pr, pi, qpr, qpi);
                    pvr = pv[0];
                    pvi = pv[1];
                    hZero = calcT();
                }
            }
        }
        return variableShift(10, z);
    }

    /** The third stage: up to {@code l3} variable-shift steps from z; true when converged, z then the zero. */
    private boolean variableShift(int l3, double[] z) {
        boolean b = false;
        sr = z[0];
        si = z[1];
        for (int i = 1; i <= l3; i++) {
            double[] pv = evaluate(nn, sr, si, pr, pi, qpr, qpi);
            pvr = pv[0];
            pvi = pv[1];
            double mp = hypot(pvr, pvi);
            double ms = hypot(sr, si);
            if (mp <= 20.0 * errorBound(nn, qpr, qpi, ms, mp)) {
                z[0] = sr;
                z[1] = si;
                return true;
            }
            boolean stalled = false;
            if (i != 1) {
                if (!b && mp >= omp && relstp < 0.05) {
                    // Stalled, probably in a cluster of zeros: five fixed-shift steps into it make one dominate.
                    double tp = relstp;
                    b = true;
                    if (relstp < ETA) {
                        tp = ETA;
                    }
                    double r1 = Math.sqrt(tp);
                    double r2 = sr * (r1 + 1.0) - si * r1;
                    si = sr * r1 + si * (r1 + 1.0);
                    sr = r2;
                    pv = evaluate(nn, sr, si, pr, pi, qpr, qpi);
                    pvr = pv[0];
                    pvi = pv[1];
                    for (int j = 1; j <= 5; ++j) {
                        boolean hz = calcT();
                        nextH(hz);
                    }
                    omp = INFIN;
                    stalled = true;
                } else if (mp * 0.1 > omp) {
                    return false;
                }
            }
            if (!stalled) {
                omp = mp;
            }
            boolean hz = calcT();
            nextH(hz);
            hz = calcT();
            if (!hz) {
                relstp = hypot(tr, ti) / hypot(sr, si);
                sr += tr;
                si += ti;
            }
        }
        return false;
    }

    /** t = -p(s) / h(s); returns whether h(s) is essentially zero (t is then zero). */
    private boolean calcT() {
        int n = nn - 1;
        double[] hv = evaluate(n, sr, si, hr, hi, qhr, qhi);
        boolean zero = hypot(hv[0], hv[1]) <= ARE * 10.0 * hypot(hr[n - 1], hi[n - 1]);
        if (!zero) {
            double[] t = divide(-pvr, -pvi, hv[0], hv[1]);
            tr = t[0];
            ti = t[1];
        } else {
            tr = 0.0;
            ti = 0.0;
        }
        return zero;
    }

    private void nextH(boolean hZero) {
        int n = nn - 1;
        if (!hZero) {
            for (int j = 1; j < n; j++) {
                double t1 = qhr[j - 1];
                double t2 = qhi[j - 1];
                hr[j] = tr * t1 - ti * t2 + qpr[j];
                hi[j] = tr * t2 + ti * t1 + qpi[j];
            }
            hr[0] = qpr[0];
            hi[0] = qpi[0];
        } else {
            for (int j = 1; j < n; j++) {
                hr[j] = qhr[j - 1];
                hi[j] = qhi[j - 1];
            }
            hr[0] = 0.0;
            hi[0] = 0.0;
        }
    }

    /** Horner's rule at s, the partial sums left in q; returns the value. */
    private static double[] evaluate(int n, double sr, double si, double[] pr, double[] pi, double[] qr, double[] qi) {
        qr[0] = pr[0];
        qi[0] = pi[0];
        double vr = qr[0];
        double vi = qi[0];
        for (int i = 1; i < n; i++) {
            double t = vr * sr - vi * si + pr[i];
            vi = vr * si + vi * sr + pi[i];
            qi[i] = vi;
            vr = t;
            qr[i] = vr;
        }
        return new double[] {vr, vi};
    }

    /** A bound on the rounding error of Horner's rule. */
    private static double errorBound(int n, double[] qr, double[] qi, double ms, double mp) {
        double e = hypot(qr[0], qi[0]) * MRE / (ARE + MRE);
        for (int i = 0; i < n; i++) {
            e = e * ms + hypot(qr[i], qi[i]);
        }
        return e * (ARE + MRE) - mp * MRE;
    }

    /** A lower bound on the moduli of the zeros, from the moduli of the coefficients (overwrites pot's last). */
    private static double cauchy(int n, double[] pot, double[] q) {
        int n1 = n - 1;
        pot[n1] = -pot[n1];
        double x = Math.exp((Math.log(-pot[n1]) - Math.log(pot[0])) / n1);
        if (pot[n1 - 1] != 0.0) {
            double xm = -pot[n1] / pot[n1 - 1];
            if (xm < x) {
                x = xm;
            }
        }
        while (true) {
            double xm = x * 0.1;
            double f = pot[0];
            for (int i = 1; i < n; i++) {
                f = f * xm + pot[i];
            }
            if (f <= 0.0) {
                break;
            }
            x = xm;
        }
        double dx = x;
        while (Math.abs(dx / x) > 0.005) {
            q[0] = pot[0];
            for (int i = 1; i < n; i++) {
                q[i] = q[i - 1] * x + pot[i];
            }
            double f = q[n1];
            double delf = q[0];
            for (int i = 1; i < n1; i++) {
                delf = delf * x + q[i];
            }
            dx = f / delf;
            x -= dx;
        }
        return x;
    }

    /** A power of two to scale the coefficients by when some are very large or very small. */
    private static double scale(int n, double[] pot) {
        double high = Math.sqrt(INFIN);
        double lo = SMALNO / ETA;
        double max = 0.0;
        double min = INFIN;
        for (int i = 0; i < n; i++) {
            double x = pot[i];
            if (x > max) {
                max = x;
            }
            if (x != 0.0 && x < min) {
                min = x;
            }
        }
        if (min < lo || max > high) {
            double x = lo / min;
            double sc;
            if (x <= 1.0) {
                sc = 1.0 / (Math.sqrt(max) * Math.sqrt(min));
            } else {
                sc = x;
                if (INFIN / sc > max) {
                    sc = 1.0;
                }
            }
            int ell = (int) (Math.log(sc) / Math.log(BASE) + 0.5);
            return Math.pow(BASE, ell);
        }
        return 1.0;
    }

    /**
     * The modulus of x + iy as glibc (2.35 and later, without FMA) computes it, which R's C code calls: Borges'
     * corrected square root. Java's Math.hypot differs from it in the last bit for about one argument pair in
     * eight, and the algorithm's path on long polynomials turns on such bits.
     */
    static double hypot(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return Double.isInfinite(x) || Double.isInfinite(y) ? Double.POSITIVE_INFINITY : x + y;
        }
        x = Math.abs(x);
        y = Math.abs(y);
        double ax = Math.max(x, y);
        double ay = Math.min(x, y);
        if (ax > 0x1p+511) {
            if (ay <= ax * 0x1p-54) {
                return ax + ay;
            }
            return hypotKernel(ax * 0x1p-600, ay * 0x1p-600) / 0x1p-600;
        }
        if (ay < 0x1p-459) {
            if (ax >= ay / 0x1p-54) {
                return ax + ay;
            }
            return hypotKernel(ax / 0x1p-600, ay / 0x1p-600) * 0x1p-600;
        }
        if (ay <= ax * 0x1p-54) {
            return ax + ay;
        }
        return hypotKernel(ax, ay);
    }

    private static double hypotKernel(double ax, double ay) {
        double h = Math.sqrt(ax * ax + ay * ay);
        double t1;
        double t2;
        if (h <= 2.0 * ay) {
            double delta = h - ay;
            t1 = ax * (2.0 * delta - ax);
            t2 = (delta - 2.0 * (ax - ay)) * delta;
        } else {
            double delta = h - ax;
            t1 = 2.0 * delta * (ax - 2.0 * ay);
            t2 = (4.0 * delta - ay) * ay + delta * delta;
        }
        return h - (t1 + t2) / (2.0 * h);
    }

    /** Complex division avoiding overflow. */
    private static double[] divide(double ar, double ai, double br, double bi) {
        if (br == 0.0 && bi == 0.0) {
            return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        if (Math.abs(br) >= Math.abs(bi)) {
            double r = bi / br;
            double d = br + r * bi;
            return new double[] {(ar + ai * r) / d, (ai - ar * r) / d};
        }
        double r = br / bi;
        double d = bi + r * br;
        return new double[] {(ar * r + ai) / d, (ai * r - ar) / d};
    }
}

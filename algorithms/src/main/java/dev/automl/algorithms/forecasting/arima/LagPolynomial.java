package dev.automl.algorithms.forecasting.arima;

import java.util.Arrays;

/**
 * Tests on the lag polynomials of an ARMA model, {@code 1 - phi_1 z - ... - phi_p z^p} and
 * {@code 1 + theta_1 z + ... + theta_q z^q}: where their roots lie, and the MA polynomial with its roots inside the
 * unit circle reflected outside (R's {@code maInvert}).
 */
final class LagPolynomial {

    private LagPolynomial() {
    }

    /** Whether every root of {@code 1 - a_1 z - ... - a_p z^p} lies outside the unit circle (R's arCheck). */
    static boolean stationary(double[] a) {
        double[] c = new double[a.length + 1];
        c[0] = 1.0;
        for (int i = 0; i < a.length; i++) {
            c[i + 1] = -a[i];
        }
        double[][] roots = Polyroot.of(c);
        for (int i = 0; i < roots[0].length; i++) {
            if (!(Polyroot.hypot(roots[0][i], roots[1][i]) > 1.0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The smallest root modulus of the AR polynomial {@code 1 - phi_1 z - ...} ({@code sign = -1}) or the MA
     * polynomial {@code 1 + theta_1 z + ...} ({@code sign = 1}), capped at 2, as auto.arima's minroot.
     */
    static double minRoot(double[] coefficients, int sign) {
        double[] c = new double[coefficients.length + 1];
        c[0] = 1.0;
        for (int i = 0; i < coefficients.length; i++) {
            c[i + 1] = sign * coefficients[i];
        }
        return Polyroot.minModulus(c, 2.0);
    }

    /**
     * The coefficients up to the last one above 1e-8 in size, as auto.arima trims a polynomial before its root
     * test; empty when none is.
     */
    static double[] trimmed(double[] coefficients) {
        int last = -1;
        for (int i = 0; i < coefficients.length; i++) {
            if (Math.abs(coefficients[i]) > 1e-8) {
                last = i;
            }
        }
        return Arrays.copyOf(coefficients, last + 1);
    }

    /**
     * The MA coefficients with every root of {@code 1 + ma_1 z + ...} inside the unit circle replaced by its
     * reciprocal, which leaves the autocovariances unchanged (up to scale) but makes the MA part invertible.
     */
    static double[] invertMa(double[] ma) {
        int q = ma.length;
        int q0 = q;
        while (q0 > 0 && ma[q0 - 1] == 0.0) {
            q0--;
        }
        if (q0 == 0) {
            return ma.clone();
        }
        double[] c = new double[q0 + 1];
        c[0] = 1.0;
        System.arraycopy(ma, 0, c, 1, q0);
        double[][] roots = Polyroot.of(c);
        double[] re = roots[0];
        double[] im = roots[1];
        boolean any = false;
        for (int i = 0; i < q0; i++) {
            any |= Polyroot.hypot(re[i], im[i]) < 1.0;
        }
        if (!any) {
            return ma.clone();
        }
        double[] out = new double[q];
        if (q0 == 1) {
            out[0] = 1.0 / ma[0];
            return out;
        }
        for (int i = 0; i < q0; i++) {
            if (Polyroot.hypot(re[i], im[i]) < 1.0) {
                double d = re[i] * re[i] + im[i] * im[i];
                re[i] = re[i] / d;
                im[i] = -im[i] / d;
            }
        }
        // The polynomial with these roots and constant term 1: x <- c(x, 0) - c(0, x) / root, root by root.
        double[] xr = {1.0};
        double[] xi = {0.0};
        for (int k = 0; k < q0; k++) {
            double d = re[k] * re[k] + im[k] * im[k];
            double ir = re[k] / d;
            double ii = -im[k] / d;
            double[] nr = new double[xr.length + 1];
            double[] ni = new double[xr.length + 1];
            for (int j = 0; j < nr.length; j++) {
                double ar = j < xr.length ? xr[j] : 0.0;
                double ai = j < xr.length ? xi[j] : 0.0;
                double br = j > 0 ? xr[j - 1] : 0.0;
                double bi = j > 0 ? xi[j - 1] : 0.0;
                nr[j] = ar - (br * ir - bi * ii);
                ni[j] = ai - (br * ii + bi * ir);
            }
            xr = nr;
            xi = ni;
        }
        System.arraycopy(xr, 1, out, 0, q0);
        return out;
    }
}

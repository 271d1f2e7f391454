package dev.automl.algorithms.forecasting.arima;

/**
 * The orders of a seasonal ARIMA(p,d,q)(P,D,Q)[m] model.
 *
 * @param period the seasonal period m; 1 when the series has no seasons
 */
record ArimaOrder(int p, int d, int q, int sp, int sd, int sq, int period) {

    ArimaOrder {
        if (p < 0 || d < 0 || q < 0 || sp < 0 || sd < 0 || sq < 0 || period < 1) {
            throw new IllegalArgumentException("invalid ARIMA order " + p + "," + d + "," + q + "," + sp + "," + sd + ","
                    + sq + " period " + period);
        }
    }

    /** The number of differences, plain and seasonal. */
    int differences() {
        return d + sd;
    }

    /** Whether the model has a seasonal part, as R prints it. */
    boolean seasonal() {
        return sp + sd + sq > 0;
    }

    ArmaParameters arma() {
        return new ArmaParameters(p, q, sp, sq, period);
    }

    /**
     * The differencing polynomial's coefficients {@code Delta}: the state equation carries
     * {@code y_t = w_t + Delta_1 y_{t-1} + ...} where w is the differenced series.
     */
    double[] delta() {
        double[] poly = {1.0};
        for (int i = 0; i < d; i++) {
            poly = convolve(poly, new double[] {1.0, -1.0});
        }
        for (int i = 0; i < sd; i++) {
            double[] s = new double[period + 1];
            s[0] = 1.0;
            s[period] = -1.0;
            poly = convolve(poly, s);
        }
        double[] delta = new double[poly.length - 1];
        for (int i = 1; i < poly.length; i++) {
            delta[i - 1] = -poly[i];
        }
        return delta;
    }

    private static double[] convolve(double[] a, double[] b) {
        double[] out = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }

    @Override
    public String toString() {
        String s = "ARIMA(" + p + "," + d + "," + q + ")";
        return seasonal() ? s + "(" + sp + "," + sd + "," + sq + ")[" + period + "]" : s;
    }
}

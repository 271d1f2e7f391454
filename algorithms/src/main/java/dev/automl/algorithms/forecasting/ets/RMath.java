package dev.automl.algorithms.forecasting.ets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * R's {@code sum} and {@code mean} of doubles to the bit: R accumulates in the x87's 80-bit extended precision (a
 * 64-bit significand) and corrects the mean with a second pass. The initial states, and so where the optimiser
 * starts, depend on those last bits; this emulates that arithmetic exactly with {@link BigDecimal}, which is slow
 * but runs on a few hundred values per fit.
 */
final class RMath {

    private static final int SIGNIFICAND_BITS = 64;
    private static final MathContext DIVISION = new MathContext(80, RoundingMode.HALF_EVEN);
    private static final double LOG2_10 = Math.log(10) / Math.log(2);

    private RMath() {
    }

    /** R's {@code sum(x)}. */
    static double sum(double[] x) {
        BigDecimal s = BigDecimal.ZERO;
        for (double v : x) {
            s = extended(s.add(new BigDecimal(v)));
        }
        return toDouble(s);
    }

    /** R's {@code mean(x)}; NaN for no values. */
    static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        BigDecimal n = BigDecimal.valueOf(x.length);
        BigDecimal s = BigDecimal.ZERO;
        for (double v : x) {
            s = extended(s.add(new BigDecimal(v)));
        }
        s = extended(s.divide(n, DIVISION));
        BigDecimal t = BigDecimal.ZERO;
        for (double v : x) {
            t = extended(t.add(extended(new BigDecimal(v).subtract(s))));
        }
        s = extended(s.add(extended(t.divide(n, DIVISION))));
        return toDouble(s);
    }

    /** Rounds to the nearest value with a 64-bit significand, ties to even, as the x87 does. */
    static BigDecimal extended(BigDecimal v) {
        int sign = v.signum();
        if (sign == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal a = v.abs();
        int e = binaryExponent(a);
        int shift = SIGNIFICAND_BITS - 1 - e;
        BigDecimal scaled = shift >= 0 ? a.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(shift)))
                : a.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-shift)));
        BigInteger significand = scaled.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        BigDecimal rounded = shift >= 0 ? new BigDecimal(significand).divide(new BigDecimal(BigInteger.ONE.shiftLeft(shift)))
                : new BigDecimal(significand).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(-shift)));
        return sign < 0 ? rounded.negate() : rounded;
    }

    /** The e with 2^e <= a < 2^(e+1), for a positive a. */
    private static int binaryExponent(BigDecimal a) {
        int guess = (int) Math.floor((a.unscaledValue().bitLength() - 1) - a.scale() * LOG2_10);
        while (power(guess).compareTo(a) > 0) {
            guess--;
        }
        while (power(guess + 1).compareTo(a) <= 0) {
            guess++;
        }
        return guess;
    }

    private static BigDecimal power(int e) {
        return e >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(e))
                : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
    }

    /** Rounds an exact value to the nearest double, ties to even, as C's cast from long double does. */
    private static double toDouble(BigDecimal v) {
        return Double.parseDouble(v.toString());
    }
}

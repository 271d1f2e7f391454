package dev.automl.algorithms.forecasting.ets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * R's {@code sum} and {@code mean} of doubles to the bit: R accumulates in the x87's 80-bit extended precision (a
 * 64-bit significand) and corrects the mean with a second pass. The initial states, and so where the optimiser
 * starts, depend on those last bits; this emulates that arithmetic exactly, with values held as an integer times a
 * power of two ({@link Binary}), each sum rounded to 64 bits and each quotient correctly rounded to 64 bits. The
 * first version did the same with {@link BigDecimal} (kept as {@link #sumDecimal} and {@link #meanDecimal}, for
 * values that are not finite and as the reference a test holds this one to); on a long series its decimal
 * divisions by powers of two took most of a second per seasonal form.
 */
final class RMath {

    private static final int SIGNIFICAND_BITS = 64;
    private static final MathContext DIVISION = new MathContext(80, RoundingMode.HALF_EVEN);
    private static final double LOG2_10 = Math.log(10) / Math.log(2);

    private RMath() {
    }

    /** R's {@code sum(x)}. */
    static double sum(double[] x) {
        if (!allFinite(x)) {
            return sumDecimal(x);
        }
        Binary s = Binary.ZERO;
        for (double v : x) {
            s = s.plus(Binary.of(v)).extended();
        }
        return s.toDouble();
    }

    /** R's {@code mean(x)}; NaN for no values. */
    static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        if (!allFinite(x)) {
            return meanDecimal(x);
        }
        Binary s = Binary.ZERO;
        for (double v : x) {
            s = s.plus(Binary.of(v)).extended();
        }
        s = s.dividedBy(x.length);
        Binary negated = s.negated();
        Binary t = Binary.ZERO;
        for (double v : x) {
            t = t.plus(Binary.of(v).plus(negated).extended()).extended();
        }
        return s.plus(t.dividedBy(x.length)).extended().toDouble();
    }

    private static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * An exact binary value, {@code significand * 2^exponent}. A quotient rounded to 64 bits directly agrees with
     * the decimal version's, which rounds to 80 decimal digits first: a 64-bit value over a whole number is never
     * exactly halfway between two 64-bit values, nor within 1e-79 of such a point.
     */
    record Binary(BigInteger significand, int exponent) {

        static final Binary ZERO = new Binary(BigInteger.ZERO, 0);

        /** A finite double's exact value. */
        static Binary of(double v) {
            if (v == 0) {
                return ZERO;
            }
            long bits = Double.doubleToRawLongBits(v);
            int biased = (int) ((bits >>> 52) & 0x7ff);
            long fraction = bits & ((1L << 52) - 1);
            long significand = biased == 0 ? fraction : fraction | (1L << 52);
            int exponent = (biased == 0 ? 1 : biased) - 1075;
            return new Binary(BigInteger.valueOf(v < 0 ? -significand : significand), exponent);
        }

        Binary plus(Binary o) {
            if (significand.signum() == 0) {
                return o;
            }
            if (o.significand.signum() == 0) {
                return this;
            }
            if (exponent <= o.exponent) {
                return new Binary(significand.add(o.significand.shiftLeft(o.exponent - exponent)), exponent);
            }
            return new Binary(significand.shiftLeft(exponent - o.exponent).add(o.significand), o.exponent);
        }

        Binary negated() {
            return new Binary(significand.negate(), exponent);
        }

        /** Rounded to the x87's 64-bit significand, ties to even. */
        Binary extended() {
            return rounded(SIGNIFICAND_BITS, false);
        }

        /** The quotient by n, correctly rounded to a 64-bit significand, ties to even. */
        Binary dividedBy(int n) {
            if (significand.signum() == 0) {
                return ZERO;
            }
            BigInteger divisor = BigInteger.valueOf(n);
            // At least 66 bits of quotient, so that rounding to 64 sees the half bit and, with the remainder, the rest.
            int shift = Math.max(0, SIGNIFICAND_BITS + 2 + divisor.bitLength() - significand.abs().bitLength());
            BigInteger[] qr = significand.shiftLeft(shift).divideAndRemainder(divisor);
            return new Binary(qr[0], exponent - shift).rounded(SIGNIFICAND_BITS, qr[1].signum() != 0);
        }

        /**
         * Rounded to {@code bits} significant bits, ties to even.
         *
         * @param sticky whether the value is really a little further from zero than this (a remainder dropped), which
         *               breaks a tie away from zero
         */
        private Binary rounded(int bits, boolean sticky) {
            int sign = significand.signum();
            if (sign == 0) {
                return ZERO;
            }
            BigInteger a = significand.abs();
            int drop = a.bitLength() - bits;
            if (drop <= 0) {
                return this;
            }
            BigInteger kept = a.shiftRight(drop);
            boolean half = a.testBit(drop - 1);
            boolean beyondHalf = sticky || a.getLowestSetBit() < drop - 1;
            if (half && (beyondHalf || kept.testBit(0))) {
                kept = kept.add(BigInteger.ONE);
            }
            return new Binary(sign < 0 ? kept.negate() : kept, exponent + drop);
        }

        /** The nearest double, ties to even, as C's cast from long double does. */
        double toDouble() {
            if (significand.signum() == 0) {
                return 0.0;
            }
            Binary r = rounded(53, false);
            int top = r.exponent + r.significand.abs().bitLength() - 1;
            if (top < Double.MIN_EXPONENT || top > Double.MAX_EXPONENT) {
                // Subnormal or beyond the doubles: leave it to the decimal conversion.
                BigDecimal exact = new BigDecimal(significand);
                BigDecimal scale = new BigDecimal(BigInteger.ONE.shiftLeft(Math.abs(exponent)));
                return RMath.toDouble(exponent >= 0 ? exact.multiply(scale) : exact.divide(scale));
            }
            return Math.scalb((double) r.significand.longValueExact(), r.exponent);
        }
    }

    /** {@link #sum} in decimal arithmetic. */
    static double sumDecimal(double[] x) {
        BigDecimal s = BigDecimal.ZERO;
        for (double v : x) {
            s = extended(s.add(new BigDecimal(v)));
        }
        return toDouble(s);
    }

    /** {@link #mean} in decimal arithmetic. */
    static double meanDecimal(double[] x) {
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

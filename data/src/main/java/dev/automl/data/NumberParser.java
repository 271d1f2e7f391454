package dev.automl.data;

/**
 * Parses a field as a decimal number: optional sign, digits with an optional point, an optional exponent, blanks
 * around; the words {@code Infinity}/{@code NaN}, hex and Java's {@code d}/{@code f} suffixes are not numbers here.
 */
final class NumberParser {

    private static final long EXACT_LIMIT = 1L << 53;
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private NumberParser() {
    }

    /** The value, or NaN when the field is not a number (no number parses to NaN here). */
    static double parse(String s) {
        int end = s.length();
        int i = 0;
        while (i < end && isBlank(s.charAt(i))) {
            i++;
        }
        while (end > i && isBlank(s.charAt(end - 1))) {
            end--;
        }
        int start = i;
        boolean negative = false;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        boolean exact = true;
        int scale = 0;
        int digits = 0;
        char c;
        while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
            if (exact) {
                mantissa = mantissa * 10 + (c - '0');
                exact = mantissa < EXACT_LIMIT;
            }
            i++;
            digits++;
        }
        if (i < end && s.charAt(i) == '.') {
            i++;
            while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
                if (exact) {
                    mantissa = mantissa * 10 + (c - '0');
                    exact = mantissa < EXACT_LIMIT;
                    scale--;
                }
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negativeExponent = s.charAt(i) == '-';
                i++;
            }
            int exponent = 0;
            int exponentDigits = 0;
            while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
                exponent = Math.min(exponent * 10 + (c - '0'), 100_000);
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (i != end) {
            return Double.NaN;
        }
        // Fast path (Clinger): a mantissa below 2^53 and a power of ten up to 10^22 are exact doubles, so one
        // multiplication or division rounds correctly, giving the same double as Double.parseDouble.
        if (exact && scale >= -22 && scale <= 22) {
            double v = mantissa;
            v = scale < 0 ? v / POWERS_OF_TEN[-scale] : v * POWERS_OF_TEN[scale];
            return negative ? -v : v;
        }
        return Double.parseDouble(s.substring(start, end));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}

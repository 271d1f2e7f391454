package dev.automl.algorithms.forecasting.ets;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RMath's binary emulation of R's extended-precision sum and mean, against its first, decimal, version. */
class EtsRMathTest {

    @Test
    void binaryAgreesWithDecimalToTheBit() {
        SplittableRandom random = new SplittableRandom(20240607);
        for (int trial = 0; trial < 800; trial++) {
            int n = 1 + random.nextInt(trial % 20 == 0 ? 1000 : 60);
            double[] x = new double[n];
            int kind = trial % 7;
            double scale = Math.pow(10, random.nextInt(-12, 13));
            double offset = random.nextBoolean() ? 0 : scale * 1e3 * (random.nextDouble() - 0.5);
            for (int i = 0; i < n; i++) {
                x[i] = switch (kind) {
                    case 0 -> scale * random.nextGaussian();
                    case 1 -> offset + scale * random.nextGaussian(); // cancellation in the second pass
                    case 2 -> Math.rint(1000 * random.nextDouble()); // whole numbers, exact sums and ties
                    case 3 -> random.nextInt(5) * 0.1; // repeated decimals
                    case 4 -> Math.scalb(1.0, random.nextInt(-60, 60)) * (random.nextBoolean() ? 1 : -1);
                    case 5 -> i % 2 == 0 ? 1e16 * scale : -1e16 * scale + random.nextGaussian();
                    default -> 1 + 1e-3 * random.nextGaussian(); // multiplicative seasonal ratios
                };
            }
            assertEquals(Double.doubleToLongBits(RMath.sumDecimal(x)), Double.doubleToLongBits(RMath.sum(x)),
                    "sum, trial " + trial);
            assertEquals(Double.doubleToLongBits(RMath.meanDecimal(x)), Double.doubleToLongBits(RMath.mean(x)),
                    "mean, trial " + trial);
        }
    }

    @Test
    void edgeValues() {
        double[][] cases = {{0.0}, {-0.0, -0.0}, {1, -1}, {Double.MIN_VALUE, Double.MIN_VALUE}, {Double.MIN_NORMAL, -3e-310},
                {Double.MAX_VALUE, Double.MAX_VALUE}, {Double.MAX_VALUE, -Double.MAX_VALUE, 1}, {1e300, 1e-300, -1e300},
                {0.1, 0.2, 0.3}, {1, 1, 1, 1, 1, 1, 1e-17}};
        for (double[] x : cases) {
            assertEquals(RMath.sumDecimal(x), RMath.sum(x), java.util.Arrays.toString(x));
            assertEquals(RMath.meanDecimal(x), RMath.mean(x), java.util.Arrays.toString(x));
        }
    }
}

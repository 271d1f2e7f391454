package dev.automl.algorithms.forest;

import java.util.Locale;

/**
 * Reads {@code max_features} as scikit-learn does into the number of features tried per split: "sqrt", "log2", a
 * fraction in (0, 1] (a double) or a count (an integer).
 */
final class FeatureFraction {

    private FeatureFraction() {
    }

    /** At least 1 and at most {@code features}; a fraction gives {@code floor(fraction * features)} as scikit-learn. */
    static int featuresPerSplit(Object value, int features) {
        if (features < 1) {
            throw new IllegalArgumentException("no features to split on");
        }
        int k;
        if (value instanceof String s) {
            k = switch (s.toLowerCase(Locale.ROOT)) {
                case "sqrt" -> (int) Math.sqrt(features);
                case "log2" -> (int) (Math.log(features) / Math.log(2));
                default -> throw new IllegalArgumentException(
                        "max_features must be \"sqrt\", \"log2\" or a fraction in (0, 1], got \"" + s + "\"");
            };
        } else if (value instanceof Long count) {
            if (count < 1) {
                throw new IllegalArgumentException("max_features must be at least 1 feature, got " + count);
            }
            k = (int) Math.min(features, count);
        } else if (value instanceof Double f) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("max_features must be a fraction in (0, 1], got " + f);
            }
            k = (int) (f * features);
        } else {
            throw new IllegalArgumentException("max_features must be \"sqrt\", \"log2\" or a fraction, got " + value);
        }
        return Math.max(1, Math.min(features, k));
    }
}

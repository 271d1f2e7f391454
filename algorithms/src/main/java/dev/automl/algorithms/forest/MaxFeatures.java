package dev.automl.algorithms.forest;

import java.util.Locale;

/**
 * A forest's {@code max_features} as scikit-learn reads it: "sqrt" or "log2" of the feature count, a fraction in
 * (0, 1] (a double) or a count (an integer), turned into the number of features tried per split.
 */
sealed interface MaxFeatures {

    /** The value as a hyperparameter, so that fitted params give back what {@link #of} read. */
    Object value();

    /** At least 1 and at most {@code features}; a fraction gives {@code floor(fraction * features)} as scikit-learn. */
    default int featuresPerSplit(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("no features to split on");
        }
        return Math.max(1, Math.min(features, wanted(features)));
    }

    /** The features per split before clamping to [1, features]. */
    int wanted(int features);

    /** Reads a hyperparameter value; the messages do not name the learner, which callers may add. */
    static MaxFeatures of(Object value) {
        if (value instanceof String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "sqrt" -> Rule.SQRT;
                case "log2" -> Rule.LOG2;
                default -> throw new IllegalArgumentException(
                        "max_features must be \"sqrt\", \"log2\" or a fraction in (0, 1], got \"" + s + "\"");
            };
        }
        if (value instanceof Long count) {
            if (count < 1) {
                throw new IllegalArgumentException("max_features must be at least 1 feature, got " + count);
            }
            return new Count(count);
        }
        if (value instanceof Double f) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("max_features must be a fraction in (0, 1], got " + f);
            }
            return new Fraction(f);
        }
        throw new IllegalArgumentException("max_features must be \"sqrt\", \"log2\" or a fraction, got " + value);
    }

    /** A function of the feature count. */
    enum Rule implements MaxFeatures {
        SQRT, LOG2;

        @Override
        public Object value() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public int wanted(int features) {
            return this == SQRT ? (int) Math.sqrt(features) : (int) (Math.log(features) / Math.log(2));
        }
    }

    /** A share of the features, in (0, 1]. */
    record Fraction(double fraction) implements MaxFeatures {
        @Override
        public Object value() {
            return fraction;
        }

        @Override
        public int wanted(int features) {
            return (int) (fraction * features);
        }
    }

    /** A number of features, at least 1. */
    record Count(long count) implements MaxFeatures {
        @Override
        public Object value() {
            return count;
        }

        @Override
        public int wanted(int features) {
            return (int) Math.min(features, count);
        }
    }
}

package dev.automl.algorithms;

import java.util.List;
import java.util.Random;

/** One dimension of a learner's search space. */
public sealed interface Hyperparameter {

    String name();

    /** A value drawn uniformly (on a log scale where {@code log} is set). */
    Object sample(Random rng);

    /** Integers in [min, max]. */
    record IntRange(String name, int min, int max, boolean log) implements Hyperparameter {
        public IntRange {
            if (min > max || (log && min <= 0)) {
                throw new IllegalArgumentException(name + ": bad range [" + min + ", " + max + "]");
            }
        }

        @Override
        public Object sample(Random rng) {
            if (log) {
                double lo = Math.log(min);
                double hi = Math.log(max + 1.0);
                return (long) Math.min(max, Math.floor(Math.exp(lo + rng.nextDouble() * (hi - lo))));
            }
            return (long) (min + rng.nextInt(max - min + 1));
        }
    }

    /** Reals in [min, max]. */
    record RealRange(String name, double min, double max, boolean log) implements Hyperparameter {
        public RealRange {
            if (min > max || (log && min <= 0)) {
                throw new IllegalArgumentException(name + ": bad range [" + min + ", " + max + "]");
            }
        }

        @Override
        public Object sample(Random rng) {
            if (log) {
                return Math.exp(Math.log(min) + rng.nextDouble() * (Math.log(max) - Math.log(min)));
            }
            return min + rng.nextDouble() * (max - min);
        }
    }

    /** One of a list of values. */
    record Choice(String name, List<Object> options) implements Hyperparameter {
        public Choice {
            options = List.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException(name + ": no options");
            }
        }

        @Override
        public Object sample(Random rng) {
            return options.get(rng.nextInt(options.size()));
        }
    }
}

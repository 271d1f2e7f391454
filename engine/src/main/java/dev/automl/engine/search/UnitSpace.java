package dev.automl.engine.search;

import dev.automl.algorithms.Hyperparameter;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.SearchSpace;
import java.util.List;
import java.util.Random;

/**
 * A learner's search space as the unit hypercube, where a local search can take steps of one size in every
 * direction: ranges map linearly (or on a log scale), choices to equal slices of [0, 1]. A dimension the
 * configuration does not set is NaN, so that the learner's own default stays in force until the search sets it.
 */
final class UnitSpace {

    private final List<Hyperparameter> dims;

    UnitSpace(SearchSpace space) {
        this.dims = space.hyperparameters();
    }

    int dimensions() {
        return dims.size();
    }

    /** The configuration's coordinates; NaN where it leaves a hyperparameter unset or outside the space. */
    double[] toUnit(Params p) {
        double[] x = new double[dims.size()];
        for (int i = 0; i < x.length; i++) {
            Hyperparameter h = dims.get(i);
            Object v = p.values().get(h.name());
            x[i] = v == null ? Double.NaN : toUnit(h, v);
        }
        return x;
    }

    /** The configuration at these coordinates, on top of {@code base} (which keeps the keys outside the space). */
    Params fromUnit(double[] x, Params base) {
        Params out = base;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                out = out.with(dims.get(i).name(), fromUnit(dims.get(i), Math.min(1, Math.max(0, x[i]))));
            }
        }
        return out;
    }

    /** A uniform random point, every dimension set. */
    double[] random(Random rng) {
        double[] x = new double[dims.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        return x;
    }

    boolean isChoice(int dim) {
        return dims.get(dim) instanceof Hyperparameter.Choice;
    }

    private static double toUnit(Hyperparameter h, Object v) {
        if (h instanceof Hyperparameter.IntRange r) {
            return scale(((Number) v).doubleValue(), r.min(), r.max() + (r.log() ? 1 : 0), r.log(), r.min() == r.max());
        }
        if (h instanceof Hyperparameter.RealRange r) {
            return scale(((Number) v).doubleValue(), r.min(), r.max(), r.log(), r.min() == r.max());
        }
        Hyperparameter.Choice c = (Hyperparameter.Choice) h;
        Object normalised = Params.of(c.name(), v).values().get(c.name());
        for (int k = 0; k < c.options().size(); k++) {
            if (Params.of(c.name(), c.options().get(k)).values().get(c.name()).equals(normalised)) {
                return (k + 0.5) / c.options().size();
            }
        }
        return Double.NaN;
    }

    private static double scale(double v, double min, double max, boolean log, boolean degenerate) {
        if (degenerate) {
            return 0.5;
        }
        double u = log ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (v - min) / (max - min);
        return Double.isFinite(u) && u >= -1e-9 && u <= 1 + 1e-9 ? Math.min(1, Math.max(0, u)) : Double.NaN;
    }

    private static Object fromUnit(Hyperparameter h, double u) {
        if (h instanceof Hyperparameter.IntRange r) {
            double v = r.log() ? Math.exp(Math.log(r.min()) + u * (Math.log(r.max() + 1.0) - Math.log(r.min())))
                    : r.min() + u * (r.max() - r.min());
            return (long) Math.max(r.min(), Math.min(r.max(), r.log() ? Math.floor(v) : Math.round(v)));
        }
        if (h instanceof Hyperparameter.RealRange r) {
            double v = r.log() ? Math.exp(Math.log(r.min()) + u * (Math.log(r.max()) - Math.log(r.min())))
                    : r.min() + u * (r.max() - r.min());
            // Four significant digits: enough for any learner, and repeated configurations become visible.
            return Math.max(r.min(), Math.min(r.max(), new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue()));
        }
        Hyperparameter.Choice c = (Hyperparameter.Choice) h;
        return c.options().get(Math.min(c.options().size() - 1, (int) Math.floor(u * c.options().size())));
    }
}

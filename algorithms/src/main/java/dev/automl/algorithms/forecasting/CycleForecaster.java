package dev.automl.algorithms.forecasting;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.KnownParams;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;

import java.util.List;
import java.util.Set;

/**
 * Azure's simple forecasters, which repeat a cycle of values learnt from each series' own past: Naive, Average,
 * and their seasonal forms, whose only setting is the seasonal period. They have nothing to search, and cost
 * next to nothing, so the search runs each once as a baseline the other models must beat.
 */
abstract sealed class CycleForecaster extends SeriesLearner permits Naive, SeasonalNaive, Average, SeasonalAverage {

    /** A fit costs a pass over the rows, and featurizing the series view another: a fiftieth of a LightGBM trial. */
    static final double RELATIVE_COST = 0.02;

    @Override
    public double relativeCost() {
        return RELATIVE_COST;
    }

    /** The plain form a seasonal form falls back to for a series shorter than a season; null for a plain form. */
    CycleForecaster plainForm() {
        return null;
    }

    private boolean seasonal() {
        return plainForm() != null;
    }

    /** Nothing for a seasonal form when the data has no seasons: it would repeat its plain form's trial. */
    @Override
    public List<Params> portfolio(Task task, DataShape shape) {
        if (!seasonal()) {
            return List.of(Params.empty());
        }
        return shape.seasonality() > 1 ? atDataSeasonality(shape) : List.of();
    }

    /**
     * The values to repeat after a series' last value, from its values in time order and the seasonal period; a
     * seasonal form's series holds at least a season.
     */
    abstract double[] cycle(double[] values, int seasonality);

    @Override
    protected void check(Params params) {
        KnownParams.require(name(), params, seasonal() ? Set.of(SEASONALITY) : Set.of());
        seasonalityOf(params);
    }

    /** How actual values after the training end change this form's cycle (a rolling forecast's update). */
    abstract Cycle.Update update();

    @Override
    protected SeriesFit fitSeries(double[] values, Params params, Deadline deadline) {
        int m = params.getInt(SEASONALITY, 1);
        CycleForecaster form = seasonal() && values.length < m ? plainForm() : this;
        double[] cycle = form == this ? cycle(values, m) : form.cycle(values, 1);
        long[] counts = null;
        if (form.update() == Cycle.Update.MEAN) {
            // The mean for step p + 1 ahead averages every cycle-th value back from it: (n + p) / length of them.
            counts = new long[cycle.length];
            for (int p = 0; p < counts.length; p++) {
                counts[p] = (values.length + p) / cycle.length;
            }
        }
        return new Cycle(cycle, form.update(), counts);
    }

    @Override
    protected List<Class<? extends SeriesFit>> fitKinds() {
        return List.of(Cycle.class);
    }
}

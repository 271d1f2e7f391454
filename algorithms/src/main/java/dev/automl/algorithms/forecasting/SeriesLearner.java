package dev.automl.algorithms.forecasting;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureView;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A forecasting learner that fits each series on its own past, as R's forecast package does: it reads the series
 * view (series and step), and forecasts a row from its series' fit. Series are fitted side by side on the trial's
 * threads; a series the deadline leaves unfitted forecasts as M4's Naive2, and the model says it was cut short.
 */
public abstract class SeriesLearner implements Learner {

    @Override
    public final Set<Task> tasks() {
        return Set.of(Task.FORECASTING);
    }

    @Override
    public final FeatureView view() {
        return FeatureView.SERIES;
    }

    /** Nothing to search by default: a series model's portfolio is usually all it runs. */
    @Override
    public SearchSpace space(Task task, DataShape shape) {
        return new SearchSpace(List.of());
    }

    /** The parameter that gives a learner the seasonal period, which a stand-in fit reads too. */
    protected static final String SEASONALITY = "seasonality";

    /** The data's seasonal period as the one parameter set: the portfolio of a model that chooses its own form. */
    protected static List<Params> atDataSeasonality(DataShape shape) {
        return List.of(Params.of(SEASONALITY, shape.seasonality()));
    }

    /**
     * The seasonal period the parameters give, 1 when they give none.
     *
     * @throws IllegalArgumentException naming this learner, when it is not a whole number of at least 1
     */
    protected final int seasonalityOf(Params params) {
        if (params.has(SEASONALITY) && !(params.values().get(SEASONALITY) instanceof Number)) {
            throw new IllegalArgumentException(name() + ": seasonality must be a number of steps");
        }
        int m = params.getInt(SEASONALITY, 1);
        if (m < 1) {
            throw new IllegalArgumentException(name() + ": seasonality must be at least 1, not " + m);
        }
        return m;
    }

    /** Rejects parameters the learner does not take, before any series is fitted. */
    protected abstract void check(Params params);

    /**
     * Fits one series, given its values in time order (at least two). A fit that searches among models stops
     * searching once the deadline passes and returns the best it has found, so that a trial ends within about one
     * model's fit of its deadline.
     */
    protected abstract SeriesFit fitSeries(double[] values, Params params, Deadline deadline);

    /**
     * Fits one series with its covariates, one row per value in the series view's order: for the learners that
     * read regressors ({@link #readsRegressors()}); the others fit the values alone.
     */
    protected SeriesFit fitSeries(double[] values, double[][] regressors, Params params, Deadline deadline) {
        return fitSeries(values, params, deadline);
    }

    /** Whether {@link #fitSeries(double[], double[][], Params, Deadline)} reads the covariates. */
    protected boolean readsRegressors() {
        return false;
    }

    /** The fit types {@link #fitSeries} returns, which loading a saved model reads. */
    protected abstract List<Class<? extends SeriesFit>> fitKinds();

    /** What the leaderboard should say about the series' fits (such as the model forms chosen); empty for nothing. */
    protected String describe(List<SeriesFit> fits) {
        return "";
    }

    @Override
    public final FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        check(params);
        List<SeriesRows.Series> series = SeriesRows.of(train, readsRegressors()).series();
        SeriesFit[] fits = new SeriesFit[series.size()];
        boolean[] cut = new boolean[1];
        int threads = Math.min(ctx.threads(), series.size());
        if (threads <= 1) {
            for (int i = 0; i < fits.length; i++) {
                fits[i] = fitOrStandIn(series.get(i), params, ctx, cut);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, name() + "-series");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<SeriesFit>> futures = new ArrayList<>();
                for (SeriesRows.Series s : series) {
                    futures.add(pool.submit(() -> fitOrStandIn(s, params, ctx, cut)));
                }
                for (int i = 0; i < fits.length; i++) {
                    fits[i] = futures.get(i).get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        List<SeriesModel.Entry> entries = new ArrayList<>();
        for (int i = 0; i < fits.length; i++) {
            entries.add(new SeriesModel.Entry(series.get(i).index(), series.get(i).lastStep(), fits[i]));
        }
        return new SeriesModel(name(), params, entries, cut[0], describe(List.of(fits)));
    }

    private SeriesFit fitOrStandIn(SeriesRows.Series s, Params params, TrialContext ctx, boolean[] cut) {
        double[] values = s.values();
        if (ctx.deadline().expired()) {
            cut[0] = true; // a benign race: every writer writes true
            // M4's Naive2: a seasonal series (by M4's test) repeats its season, seasonally adjusted, where its last
            // value alone would miss every hour of the day but one.
            return Naive2.cycle(values, params.getInt(SEASONALITY, 1));
        }
        if (values.length < 2) {
            return Cycle.lastValue(values);
        }
        SeriesFit fit = fitSeries(values, s.regressors(), params, ctx.deadline());
        if (ctx.deadline().expired()) {
            cut[0] = true; // the fit may have left part of its search out
        }
        return fit;
    }

    @Override
    public final FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        List<Class<? extends SeriesFit>> kinds = new ArrayList<>(fitKinds());
        if (!kinds.contains(Cycle.class)) {
            kinds.add(Cycle.class);
        }
        return SeriesModel.load(dir, kinds);
    }
}

package dev.automl.engine.benchmark;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.forecasting.Naive2;
import dev.automl.data.ColumnType;
import dev.automl.data.DataSource;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.engine.job.DataReference;
import dev.automl.engine.job.ForecastingSettings;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.job.Limits;
import dev.automl.engine.job.Setting;
import dev.automl.engine.model.ModelStore;
import dev.automl.engine.run.AutoMLRun;
import dev.automl.engine.run.RunReporter;
import dev.automl.engine.trial.TrialResult;
import dev.automl.metrics.ForecastScores;
import dev.automl.metrics.MetricCatalog;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a forecasting dataset under the M4 competition's protocol: each series' last {@code horizon} values are held
 * out, one AutoML job forecasts them from the rest within the suite's budget, and the forecasts are scored by M4's
 * sMAPE and MASE (each averaged over the series) and OWA, their mean relative to Naive2's.
 */
final class ForecastBenchmark {

    static final String SMAPE = "smape";
    static final String MASE = "mase";
    static final String OWA = "owa";

    private final LearnerCatalog catalog;
    private final Consumer<String> progress;
    private final int cores;

    ForecastBenchmark(LearnerCatalog catalog, Consumer<String> progress, int cores) {
        this.catalog = catalog;
        this.progress = progress;
        this.cores = cores;
    }

    /** M4's scores of a set of forecasts: sMAPE and MASE averaged over the series. */
    record Scores(double smape, double mase) {

        double owa(Scores naive2) {
            return 0.5 * (smape / naive2.smape() + mase / naive2.mase());
        }
    }

    /** The dataset's sMAPE, MASE and OWA rows of results.csv, as fold 0. */
    List<FoldResult> run(BenchmarkSuite suite, BenchmarkDataset d, Path runDir) {
        long start = System.nanoTime();
        BenchmarkDataset.Series s = d.series();
        SeriesHoldout split;
        try {
            Table table = DataSource.read(d.path(), Map.of(d.target(), ColumnType.NUMERIC)).drop(d.dropColumns());
            split = SeriesHoldout.of(table, d.target(), s);
        } catch (InvalidInputException e) {
            return failed(d, FoldResult.Run.NONE, e.getMessage());
        }
        progress.accept(String.format(Locale.ROOT, "%s: %,d series, %,d rows to train, the last %d of each to forecast,"
                + " %.0f s ...", d.name(), split.trainValues().size(), split.train().rows(), s.horizon(), suite.budgetSeconds()));
        JobSpec spec = JobSpec.builder(Task.FORECASTING, d.target(),
                        MetricCatalog.find(MetricCatalog.NORMALIZED_ROOT_MEAN_SQUARED_ERROR).orElseThrow(),
                        new DataReference(d.path(), "uri_file"))
                .limits(Limits.builder().timeoutMinutes(suite.budgetSeconds() / 60).build())
                .verbosity(JobSpec.Verbosity.WARNING)
                // A benchmark scores the models; explaining them would only take time.
                .explain(false)
                .forecasting(settings(s))
                .build();
        try {
            List<String> notes = new ArrayList<>();
            JobData data = JobData.of(spec, split.train(), notes::add);
            AutoMLRun.Outcome outcome = new AutoMLRun(catalog, RunReporter.silent()).execute(spec, data, notes,
                    new AutoMLRun.Options(runDir, suite.seed(), start, cores));
            double seconds = (System.nanoTime() - start) / 1e9;
            String best = outcome.leaderboard().best().map(TrialResult::algorithm).orElse("");
            int trials = outcome.leaderboard().size();
            if (!outcome.modelSaved()) {
                return failed(d, new FoldResult.Run(Double.NaN, seconds, trials, best), "no model: " + outcome.stoppedBecause());
            }
            double[] forecasts;
            try (ModelStore.LoadedModel model = ModelStore.load(runDir.resolve("model"), catalog)) {
                Predictions p = model.pipeline().predict(split.heldOut().drop(List.of(d.target())));
                forecasts = p.values();
            }
            double[] actual = ((dev.automl.data.NumericColumn) split.heldOut().column(d.target())).values();
            Scores engine = score(actual, forecasts, split, s.maseSeasonality());
            Scores naive2 = score(actual, naive2(split, s), split, s.maseSeasonality());
            progress.accept(String.format(Locale.ROOT, "%s: Naive2 sMAPE %.3f, MASE %.3f", d.name(), naive2.smape(),
                    naive2.mase()));
            List<FoldResult> out = new ArrayList<>();
            out.add(ok(d, SMAPE, new FoldResult.Run(engine.smape(), seconds, trials, best)));
            out.add(ok(d, MASE, new FoldResult.Run(engine.mase(), seconds, trials, best)));
            out.add(ok(d, OWA, new FoldResult.Run(engine.owa(naive2), seconds, trials, best)));
            return out;
        } catch (InvalidInputException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            return failed(d, new FoldResult.Run(Double.NaN, (System.nanoTime() - start) / 1e9, 0, ""), e.getMessage());
        }
    }

    /** The job's forecasting block: the benchmark's series, horizon and seasonality, lags as {@code auto}. */
    private static ForecastingSettings settings(BenchmarkDataset.Series s) {
        return new ForecastingSettings(
                new ForecastingSettings.Series(s.time(), s.grains(), s.frequency(), null, ForecastingSettings.ShortSeries.AUTO),
                Setting.of(s.horizon()),
                new ForecastingSettings.TargetFeatures(Setting.auto(), Setting.off(), Setting.of(s.seasonality()),
                        ForecastingSettings.Stl.NONE),
                new ForecastingSettings.Covariates(false, null, List.of()),
                Setting.auto());
    }

    /** Naive2's forecasts of the held-out rows, in their order. */
    private static double[] naive2(SeriesHoldout split, BenchmarkDataset.Series s) {
        List<double[]> paths = new ArrayList<>();
        for (double[] v : split.trainValues()) {
            paths.add(Naive2.forecast(v, s.maseSeasonality(), s.horizon()));
        }
        double[] out = new double[split.heldOutSeries().length];
        int[] next = new int[paths.size()];
        for (int i = 0; i < out.length; i++) {
            int series = split.heldOutSeries()[i];
            out[i] = paths.get(series)[next[series]++];
        }
        return out;
    }

    /** sMAPE and MASE per series, averaged over the series, with MASE's scale from each series' training values. */
    static Scores score(double[] actual, double[] forecast, SeriesHoldout split, int maseSeasonality) {
        double[] scale = new double[split.trainValues().size()];
        for (int i = 0; i < scale.length; i++) {
            double[] v = split.trainValues().get(i);
            scale[i] = ForecastScores.scale(v, 0, v.length, maseSeasonality);
        }
        Map<String, Double> m = ForecastScores.compute(actual, forecast, split.heldOutSeries(), scale);
        return new Scores(m.get(MetricCatalog.SYMMETRIC_MEAN_ABSOLUTE_PERCENTAGE_ERROR),
                m.get(MetricCatalog.MEAN_ABSOLUTE_SCALED_ERROR));
    }

    private static FoldResult ok(BenchmarkDataset d, String metric, FoldResult.Run run) {
        return FoldResult.ok(d.name(), 0, Task.FORECASTING.id(), metric, run);
    }

    private static List<FoldResult> failed(BenchmarkDataset d, FoldResult.Run run, String why) {
        return List.of(FoldResult.failed(d.name(), 0, Task.FORECASTING.id(), SMAPE, run, why));
    }
}

package dev.automl.engine.benchmark;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Predictions;
import dev.automl.data.ColumnType;
import dev.automl.data.DataSource;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.engine.job.DataReference;
import dev.automl.engine.job.FeaturizationSpec;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.job.Limits;
import dev.automl.engine.model.ModelStore;
import dev.automl.engine.run.AutoMLRun;
import dev.automl.engine.run.RunReporter;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.validation.Fold;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.engine.validation.ValidationPlanner;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Target;
import dev.automl.featurization.TargetEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a suite under the AutoML Benchmark's protocol: each dataset is split into ten stratified outer folds; each
 * chosen fold trains a full AutoML job on the other nine tenths within the budget, and its saved model is scored
 * on the held-out tenth. Results are appended as each fold ends; folds already in results.csv are skipped.
 */
public final class BenchmarkRun {

    static final String RESULTS = "results.csv";
    static final String SUMMARY = "summary.md";
    static final String FOLDS = "folds";

    private final LearnerCatalog catalog;
    private final Consumer<String> progress;
    private final int cores;

    public BenchmarkRun(LearnerCatalog catalog, Consumer<String> progress, int cores) {
        this.catalog = catalog;
        this.progress = progress;
        this.cores = cores;
    }

    public List<FoldResult> execute(BenchmarkSuite suite, Path outputDir) {
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write the output folder " + outputDir.toAbsolutePath() + ": " + e.getMessage());
        }
        ResultsFile file = new ResultsFile(outputDir.resolve(RESULTS));
        List<FoldResult> results = new ArrayList<>(file.read());
        Set<String> done = new HashSet<>();
        results.forEach(r -> done.add(r.dataset() + "/" + r.fold()));
        for (BenchmarkDataset d : suite.datasets()) {
            // A forecasting dataset has one split, M4's holdout, run as fold 0.
            List<Integer> folds = d.task() == Task.FORECASTING ? List.of(0) : suite.folds();
            List<Integer> todo = folds.stream().filter(f -> !done.contains(d.name() + "/" + f)).toList();
            if (todo.isEmpty()) {
                progress.accept(d.name() + ": folds " + folds + " already in " + RESULTS);
                continue;
            }
            runDataset(suite, d, todo, outputDir, result -> {
                file.append(result);
                results.add(result);
                writeSummary(suite, results, outputDir);
                progress.accept(describe(result));
            });
        }
        writeSummary(suite, results, outputDir);
        return results;
    }

    private void runDataset(BenchmarkSuite suite, BenchmarkDataset d, List<Integer> folds, Path outputDir,
                            Consumer<FoldResult> record) {
        if (d.task() == Task.FORECASTING) {
            new ForecastBenchmark(catalog, progress, cores).run(suite, d, outputDir.resolve("runs").resolve(d.name()))
                    .forEach(record);
            return;
        }
        Table table;
        Target target;
        TargetEncoding encoding;
        try {
            table = DataSource.read(d.path(), Map.of(d.target(), d.task() == Task.CLASSIFICATION
                    ? ColumnType.CATEGORICAL : ColumnType.NUMERIC));
            for (String c : d.dropColumns()) {
                table.column(c);
            }
            table = JobData.rowsWithTarget(table.drop(d.dropColumns()), d.target());
            encoding = TargetEncoding.fit(table.column(d.target()), d.task());
            target = encoding.encode(table.column(d.target()), null, null);
        } catch (InvalidInputException e) {
            for (int f : folds) {
                record.accept(FoldResult.failed(d.name(), f, d.task().id(), "", FoldResult.Run.NONE, e.getMessage()));
            }
            return;
        }
        OuterMetric metric = OuterMetric.of(d.task(), encoding.labels().size());
        ValidationPlan outer = ValidationPlanner.plan(target, target.size(), BenchmarkSuite.OUTER_FOLDS, null, suite.seed());
        writeFolds(outer, outputDir.resolve(FOLDS).resolve(d.name() + ".csv"));
        for (int f : folds) {
            progress.accept(String.format(Locale.ROOT, "%s fold %d: %,d rows to train, %,d to score, %.0f s ...", d.name(), f,
                    outer.folds().get(f).train().length, outer.folds().get(f).valid().length, suite.budgetSeconds()));
            record.accept(runFold(suite, d, table, outer.folds().get(f), f, metric,
                    outputDir.resolve("runs").resolve(d.name()).resolve("fold-" + f)));
        }
    }

    /**
     * Writes which outer fold holds each row (0-based, counting the rows whose target is present, in file order),
     * so that another tool can be scored on exactly the same held-out tenths.
     */
    private static void writeFolds(ValidationPlan outer, Path file) {
        int[] foldOf = new int[outer.refitRows().length];
        for (int f = 0; f < outer.folds().size(); f++) {
            for (int row : outer.folds().get(f).valid()) {
                foldOf[row] = f;
            }
        }
        StringBuilder sb = new StringBuilder("row,fold\n");
        for (int row = 0; row < foldOf.length; row++) {
            sb.append(row).append(',').append(foldOf[row]).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FoldResult runFold(BenchmarkSuite suite, BenchmarkDataset d, Table table, Fold fold, int f, OuterMetric metric,
                               Path runDir) {
        long start = System.nanoTime();
        JobSpec spec = JobSpec.builder(d.task(), d.target(), metric.jobMetric(), new DataReference(d.path(), "uri_file"))
                .featurization(FeaturizationSpec.of(new FeaturizationSettings(d.featurization(), Map.of())))
                .limits(Limits.builder().timeoutMinutes(suite.budgetSeconds() / 60).build())
                .verbosity(JobSpec.Verbosity.WARNING)
                // A benchmark scores the models; explaining them would only take time.
                .explain(false)
                .build();
        try {
            List<String> notes = new ArrayList<>();
            JobData data = JobData.of(spec, table.select(fold.train()), notes::add);
            AutoMLRun.Outcome outcome = new AutoMLRun(catalog, RunReporter.silent()).execute(spec, data, notes,
                    new AutoMLRun.Options(runDir, suite.seed(), start, cores));
            double seconds = (System.nanoTime() - start) / 1e9;
            String best = outcome.leaderboard().best().map(TrialResult::algorithm).orElse("");
            int trials = outcome.leaderboard().size();
            if (!outcome.modelSaved()) {
                return FoldResult.failed(d.name(), f, d.task().id(), metric.id(), new FoldResult.Run(Double.NaN, seconds,
                        trials, best), "no model: " + outcome.stoppedBecause());
            }
            double score = scoreHeldOut(runDir.resolve("model"), table.select(fold.valid()), d.target(), metric);
            return FoldResult.ok(d.name(), f, d.task().id(), metric.id(), new FoldResult.Run(score, seconds, trials, best));
        } catch (InvalidInputException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            return FoldResult.failed(d.name(), f, d.task().id(), metric.id(),
                    new FoldResult.Run(Double.NaN, (System.nanoTime() - start) / 1e9, 0, ""), e.getMessage());
        }
    }

    /** The saved model's outer score on the held-out rows, labels encoded as the model knows them. */
    private double scoreHeldOut(Path modelDir, Table heldOut, String targetColumn, OuterMetric metric) {
        try (ModelStore.LoadedModel model = ModelStore.load(modelDir, catalog)) {
            TargetEncoding encoding = model.manifest().target();
            Target y = encoding.encode(heldOut.column(targetColumn), null, null);
            Predictions p = model.pipeline().predict(heldOut);
            int positive = encoding.labels().size() - 1;
            return metric.score(y, p.values(), positive);
        }
    }

    private static void writeSummary(BenchmarkSuite suite, List<FoldResult> results, Path outputDir) {
        try {
            Files.writeString(outputDir.resolve(SUMMARY), SummaryTable.render(suite, results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(FoldResult r) {
        if (!r.ok()) {
            return String.format(Locale.ROOT, "%s fold %d failed: %s", r.dataset(), r.fold(), r.message());
        }
        return String.format(Locale.ROOT, "%s fold %d: %s %.4f (%.0f s, %d trials, best %s)", r.dataset(), r.fold(),
                r.metric(), r.score(), r.seconds(), r.trials(), r.bestAlgorithm());
    }
}

package dev.automl.engine.benchmark;

import dev.automl.data.InvalidInputException;
import dev.automl.data.Task;
import dev.automl.data.series.Frequency;
import dev.automl.engine.benchmark.SuiteDocument.DatasetDocument;
import dev.automl.engine.job.YamlBinder;
import dev.automl.featurization.FeaturizationMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a benchmark suite YAML file; dataset paths are relative to the suite file's folder. */
public final class SuiteParser {

    private SuiteParser() {
    }

    public static BenchmarkSuite parse(Path file) {
        YamlBinder.Bound<SuiteDocument> bound = YamlBinder.bind(file, SuiteDocument.class, "benchmark suite",
                "a suite needs name, budget_seconds, folds and datasets", key -> null);
        SuiteDocument d = bound.value();
        if (d.name() == null || d.name().isBlank()) {
            throw bound.error("name", "'name' is required.");
        }
        double budget = d.budgetSeconds() == null ? 60 : d.budgetSeconds();
        if (!(budget > 0)) {
            throw bound.error("budget_seconds", "'budget_seconds' must be more than 0.");
        }
        List<Integer> folds = d.folds() == null ? List.of(0) : d.folds();
        checkFolds(folds, bound);
        if (d.datasets() == null || d.datasets().isEmpty()) {
            throw bound.error("datasets", "'datasets' must list at least one dataset.");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<BenchmarkDataset> datasets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DatasetDocument ds : d.datasets()) {
            if (ds.name() == null || ds.name().isBlank() || !names.add(ds.name())) {
                throw bound.error("datasets.name", "every dataset needs a 'name' of its own"
                        + (ds.name() == null ? "." : "; '" + ds.name() + "' is used twice."));
            }
            String where = "dataset '" + ds.name() + "': ";
            if (ds.path() == null || ds.target() == null) {
                throw bound.error("datasets", where + "'path' and 'target' are required.");
            }
            Path path = folder.resolve(ds.path()).normalize();
            if (!Files.exists(path)) {
                throw bound.error("datasets.path", where + "'" + ds.path() + "' points at " + path + ", which does not exist.");
            }
            Task task;
            String t = ds.task() == null ? "" : ds.task().toLowerCase(Locale.ROOT);
            switch (t) {
                case "classification" -> task = Task.CLASSIFICATION;
                case "regression" -> task = Task.REGRESSION;
                case "forecasting" -> task = Task.FORECASTING;
                default -> throw bound.error("datasets.task", where + "'task' must be classification, regression or"
                        + " forecasting.");
            }
            BenchmarkDataset.Series series = null;
            if (task == Task.FORECASTING) {
                series = series(ds.forecasting(), where, bound);
            } else if (ds.forecasting() != null) {
                throw bound.error("datasets.forecasting", where + "'forecasting' applies to task: forecasting.");
            }
            FeaturizationMode featurization;
            String f = ds.featurization() == null ? "auto" : ds.featurization().toLowerCase(Locale.ROOT);
            switch (f) {
                case "auto" -> featurization = FeaturizationMode.AUTO;
                case "off" -> featurization = FeaturizationMode.OFF;
                default -> throw bound.error("datasets.featurization", where + "'featurization' must be auto or off.");
            }
            Map<String, Double> refs = ds.reference() == null ? Map.of() : new LinkedHashMap<>(ds.reference());
            datasets.add(new BenchmarkDataset(ds.name(), path, ds.target(), task, new BenchmarkDataset.Preparation(
                    ds.dropColumns() == null ? List.of() : ds.dropColumns(), featurization, series), refs));
        }
        return new BenchmarkSuite(d.name(), budget, folds, d.seed() == null ? 0 : d.seed(), datasets);
    }

    private static BenchmarkDataset.Series series(SuiteDocument.ForecastingDocument f, String where,
                                                  YamlBinder.Bound<SuiteDocument> bound) {
        if (f == null || f.time() == null || f.horizon() == null || f.frequency() == null) {
            throw bound.error("datasets.forecasting", where + "a forecasting dataset needs 'forecasting' with 'time',"
                    + " 'horizon' and 'frequency'.");
        }
        if (f.horizon() < 1) {
            throw bound.error("datasets.forecasting.horizon", where + "'horizon' must be at least 1.");
        }
        Frequency frequency;
        try {
            frequency = Frequency.parse(f.frequency());
        } catch (InvalidInputException e) {
            throw bound.error("datasets.forecasting.frequency", where + e.getMessage());
        }
        int m = f.seasonality() == null ? frequency.seasonality() : f.seasonality();
        int mase = f.maseSeasonality() == null ? m : f.maseSeasonality();
        if (m < 1 || mase < 1) {
            throw bound.error("datasets.forecasting.seasonality", where + "seasonal periods must be at least 1.");
        }
        return new BenchmarkDataset.Series(f.time(), f.series() == null ? List.of() : f.series(), f.horizon(), frequency,
                m, mase);
    }

    private static void checkFolds(List<Integer> folds, YamlBinder.Bound<SuiteDocument> bound) {
        if (folds.isEmpty()) {
            throw bound.error("folds", "'folds' must name at least one of the folds 0 to 9.");
        }
        for (Integer f : folds) {
            if (f == null || f < 0 || f >= BenchmarkSuite.OUTER_FOLDS) {
                throw bound.error("folds", "'folds' holds " + f + "; the outer folds are 0 to 9.");
            }
        }
    }

    /** Folds as the command line gives them: "0,1,2". */
    public static List<Integer> parseFolds(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int f = Integer.parseInt(part.trim());
                if (f < 0 || f >= BenchmarkSuite.OUTER_FOLDS) {
                    throw new NumberFormatException();
                }
                out.add(f);
            } catch (NumberFormatException e) {
                throw new dev.automl.data.InvalidInputException("--folds takes fold numbers from 0 to 9 separated by commas, not '"
                        + text + "'.");
            }
        }
        return out;
    }
}

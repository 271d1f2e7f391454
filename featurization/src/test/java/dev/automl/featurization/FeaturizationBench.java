package dev.automl.featurization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.BenchFiles;
import dev.automl.data.BenchRuns;
import dev.automl.data.DataSource;
import dev.automl.data.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's featurization figure: rows/s of {@code Featurizer.fit} and of {@code FittedFeaturizer.transform} in
 * both views, on all rows of hflights and of a generated 1,000,000-row mixed file. Run by hand:
 * {@code mvn -q -o verify -pl data,featurization -DskipITs -Dautoml.bench=true -Dtest=FeaturizationBench
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class FeaturizationBench {

    @TempDir
    Path tmp;

    @Test
    void hflights() throws Exception {
        measure("hflights", DataSource.read(BenchFiles.HFLIGHTS).drop(List.of(BenchFiles.HFLIGHTS_TARGET)), 5);
    }

    @Test
    void mixedMillionRows() throws Exception {
        measure("mixed 1M", DataSource.read(BenchFiles.mixed(tmp, 1_000_000)).drop(List.of(BenchFiles.MIXED_TARGET)), 5);
    }

    private static void measure(String name, Table features, int runs) throws Exception {
        int rows = features.rows();
        Featurizer featurizer = new Featurizer(FeaturizationSettings.auto());
        FittedFeaturizer fitted = featurizer.fit(features, null);
        int trees = fitted.featureNames(FeatureView.TREES).size();
        int linear = fitted.featureNames(FeatureView.LINEAR).size();
        System.out.printf(Locale.ROOT, "%n== %s: %,d rows x %d raw columns -> %d tree features, %d linear features,"
                + " dropped %s (%s)%n", name, rows, features.columns().size(), trees, linear, fitted.dropped(),
                BenchRuns.load());
        report("fit", BenchRuns.seconds(1, runs, () -> featurizer.fit(features, null)), rows);
        report("transform TREES", BenchRuns.seconds(1, runs, () -> {
            FeatureMatrix x = fitted.transform(features, null, FeatureView.TREES);
            assertEquals(rows, x.rows());
            assertEquals(trees, x.cols());
        }), rows);
        report("transform LINEAR", BenchRuns.seconds(1, runs, () -> {
            FeatureMatrix x = fitted.transform(features, null, FeatureView.LINEAR);
            assertEquals(linear, x.cols());
            assertTrue(Float.isFinite(x.values()[x.values().length - 1]));
        }), rows);
        // A 90 % training fold, as a holdout trial featurizes it: fit and transform over a row subset.
        int[] fold = new int[rows - rows / 10];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = i + i / 9;
        }
        report("fit + TREES, 90 % fold", BenchRuns.seconds(1, runs,
                () -> featurizer.fit(features, fold).transform(features, fold, FeatureView.TREES)), fold.length);
        System.out.println("  (" + BenchRuns.load() + " at the end)");
    }

    private static void report(String step, double[] seconds, int rows) {
        double s = BenchRuns.median(seconds);
        System.out.printf(Locale.ROOT, "  %-24s median %6.3f s (best %6.3f) %,12.0f rows/s%n", step, s, seconds[0],
                rows / s);
    }
}

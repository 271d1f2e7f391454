package dev.automl.algorithms.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forest.DecisionTree;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import dev.automl.featurization.series.SeriesFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A global model of the target relative to each row's anchor, on two trending series a hundred times apart in size:
 * series A climbs by 1 a step from 10, series B by 100 from 1000, each row anchored on the value one step back.
 */
class GlobalForecasterTest {

    private static final TrialContext CTX = new TrialContext(Deadline.never(), 1, 1);
    private static final int STEPS = 100;

    /** Rows of both series: anchor, scale and the step as a feature; the target. */
    private static TrainingData training(boolean withBase) {
        int n = 2 * STEPS;
        float[] x = new float[n * 3];
        double[] y = new double[n];
        for (int s = 0; s < 2; s++) {
            double level = s == 0 ? 10 : 1000;
            double slope = s == 0 ? 1 : 100;
            for (int t = 0; t < STEPS; t++) {
                int r = s * STEPS + t;
                y[r] = level + slope * t;
                x[r * 3] = (float) (t == 0 ? level : level + slope * (t - 1));
                x[r * 3 + 1] = (float) slope;
                x[r * 3 + 2] = t;
            }
        }
        List<String> names = withBase ? List.of(SeriesFeatures.ANCHOR_COLUMN, SeriesFeatures.SCALE_COLUMN, "step")
                : List.of("anchor", "scale", "step");
        return new TrainingData(new FeatureMatrix(x, n, 3, names, new BitSet()),
                new Target(Task.REGRESSION, y, List.of(), null));
    }

    /** The next step of each series after its training end. */
    private static FeatureMatrix next(boolean withBase) {
        float[] x = {10 + 99, 1, STEPS, 1000 + 100 * 99, 100, STEPS};
        List<String> names = withBase ? List.of(SeriesFeatures.ANCHOR_COLUMN, SeriesFeatures.SCALE_COLUMN, "step")
                : List.of("anchor", "scale", "step");
        return new FeatureMatrix(x, 2, 3, names, new BitSet());
    }

    @Test
    void theRelativeTargetCarriesEachSeriesTrendPastTheLevelsTrainingSaw(@TempDir Path dir) throws Exception {
        GlobalForecaster global = new GlobalForecaster(new DecisionTree());
        FittedModel model = global.fit(training(true), null, Params.empty(), CTX);
        // Every row's change is one scale unit, so the tree learns 1 and each series steps on from its anchor.
        assertArrayEquals(new double[] {110, 11000}, model.predict(next(true)).values(), 1e-9);

        // A tree of the levels themselves cannot forecast above the highest level it saw.
        FittedModel plain = global.fit(training(false), null, Params.empty(), CTX);
        double[] levels = plain.predict(next(false)).values();
        assertTrue(levels[1] <= 1000 + 100 * 99, "the plain tree forecast " + levels[1]);

        Path relative = Files.createDirectory(dir.resolve("relative"));
        model.save(relative);
        try (FittedModel loaded = global.load(relative, Task.REGRESSION, 0)) {
            assertArrayEquals(new double[] {110, 11000}, loaded.predict(next(true)).values(), 1e-9);
        }
        Path levelDir = Files.createDirectory(dir.resolve("levels"));
        plain.save(levelDir);
        assertFalse(Files.exists(levelDir.resolve(GlobalForecaster.RELATIVE_DIR)), "a plain model is saved as it is");
        try (FittedModel loaded = global.load(levelDir, Task.REGRESSION, 0)) {
            assertArrayEquals(levels, loaded.predict(next(false)).values(), 1e-9);
        }
    }
}

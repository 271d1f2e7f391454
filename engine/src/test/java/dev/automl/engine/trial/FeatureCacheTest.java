package dev.automl.engine.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.algorithms.TrainingData;
import dev.automl.data.Task;
import dev.automl.engine.job.DataReference;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.engine.validation.ValidationPlanner;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.metrics.MetricCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature cache on titanic (a name to model as text, tickets and cabins of many levels with target statistics
 * learnt out of fold), on a 20 % holdout: a sample featurized on its own equals the same rows of the whole fold's
 * features, and all refit rows under the fold's featurizer are its training rows then its validation rows.
 */
class FeatureCacheTest {

    private static JobData data;
    private static ValidationPlan plan;

    @BeforeAll
    static void read() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("testdata"))) {
            root = root.getParent();
        }
        JobSpec spec = JobSpec.builder(Task.CLASSIFICATION, "Survived", MetricCatalog.find("accuracy").orElseThrow(),
                new DataReference(root.resolve("testdata/titanic/titanic.csv"), "uri_file")).build();
        data = JobData.load(spec, note -> { });
        plan = ValidationPlanner.plan(data.target(), data.trainRows(), null, 0.2, 1);
    }

    private static FeatureCache cache() {
        return new FeatureCache(data, plan, FeaturizationSettings.auto());
    }

    @Test
    void aSampleFeaturizedOnItsOwnIsThoseRowsOfTheWholeFoldsFeatures() {
        int trainRows = plan.folds().get(0).train().length;
        int sample = trainRows / 3;
        int[] positions = FeatureCache.sample(trainRows, sample, 0);
        for (FeatureView view : new FeatureView[] {FeatureView.TREES, FeatureView.LINEAR}) {
            FoldFeatures alone = cache().get(0, view, sample);
            FeatureCache whole = cache();
            FoldFeatures all = whole.get(0, view);
            assertEquals(sample, alone.train().x().rows());
            assertArrayEquals(all.train().x().select(positions).values(), alone.train().x().values(), 0f, view.name());
            assertArrayEquals(all.train().y().select(positions).y(), alone.train().y().y(), 0.0, view.name());
            assertArrayEquals(all.valid().x().values(), alone.valid().x().values(), 0f, view.name());
            // Built after the whole fold, the sample is taken from it.
            assertArrayEquals(alone.train().x().values(), whole.get(0, view, sample).train().x().values(), 0f);
        }
    }

    @Test
    void allRefitRowsUnderAHoldoutsFeaturizerAreItsTrainingRowsThenItsValidationRows() {
        FeatureCache cache = cache();
        FoldFeatures fold = cache.get(0, FeatureView.TREES);
        TrainingData refit = cache.refitRowsUnder(0, FeatureView.TREES);
        int train = fold.train().x().rows();
        int valid = fold.valid().x().rows();
        assertEquals(data.trainRows(), refit.x().rows());
        assertEquals(train + valid, refit.x().rows());
        assertArrayEquals(fold.train().x().values(),
                refit.x().select(IntStream.range(0, train).toArray()).values(), 0f);
        assertArrayEquals(fold.valid().x().values(),
                refit.x().select(IntStream.range(train, train + valid).toArray()).values(), 0f);
        assertArrayEquals(fold.valid().y().y(), refit.y().select(IntStream.range(train, train + valid).toArray()).y(), 0.0);
    }
}

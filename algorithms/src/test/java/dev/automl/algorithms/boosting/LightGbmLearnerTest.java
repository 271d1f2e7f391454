package dev.automl.algorithms.boosting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeatureView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LightGbmLearnerTest extends BoostingLearnerContract {

    private static final LightGbmLearner LEARNER = new LightGbmLearner();

    @Override
    Learner learner(Task task) {
        return LEARNER;
    }

    @Override
    int rounds(FittedModel model) {
        return ((LightGbmModel) model).rounds();
    }

    @Override
    String modelFile() {
        return LightGbmModel.MODEL_FILE;
    }

    @Override
    Params sampled() {
        return Params.of("feature_fraction", 0.7, "bagging_fraction", 0.7, "num_leaves", 15);
    }

    @Override
    Params stumps() {
        // Category groups may be small here; LightGBM's defaults ask 100 rows per group and smooth towards the
        // prior, which a single 2-leaf tree cannot afford.
        return Params.of("num_leaves", 2, "min_data_per_group", 10, "cat_smooth", 1, "cat_l2", 1,
                "min_data_in_leaf", 5);
    }

    @Test
    void describesItselfAsAzureLightGbm() {
        assertEquals("LightGBM", LEARNER.name());
        assertEquals(Set.of(Task.CLASSIFICATION, Task.REGRESSION), LEARNER.tasks());
        assertEquals(FeatureView.TREES, LEARNER.view());
        assertEquals(1.0, LEARNER.relativeCost());
    }

    @Test
    void libraryParametersCarryObjectiveCategoriesAndDeterminism() {
        BitSet categorical = new BitSet();
        categorical.set(1);
        categorical.set(4);
        String p = LightGbmLearner.libraryParams(Params.of("bagging_fraction", 0.8, "n_estimators", 50,
                "lambda_l1", 1e-3), Task.CLASSIFICATION, 3, categorical, ctx(42, 2));
        assertTrue(p.contains("objective=multiclass"), p);
        assertTrue(p.contains("num_class=3"), p);
        assertTrue(p.contains("metric=multi_logloss"), p);
        assertTrue(p.contains("categorical_feature=1,4"), p);
        assertTrue(p.contains("bagging_freq=1"), p);
        assertTrue(p.contains("lambda_l1=0.001"), p);
        assertTrue(p.contains("deterministic=true") && p.contains("force_col_wise=true"), p);
        assertTrue(p.contains("seed=42") && p.contains("num_threads=2"), p);
        assertTrue(!p.contains("n_estimators"), p);
    }
    /** One-row predictions take LightGBM's single-row path; they must equal the same rows predicted in a batch. */
    @Test
    void singleRowsPredictWhatBatchesPredict(@TempDir Path dir) throws IOException {
        for (CsvDataset data : new CsvDataset[] {BLOOD, CONCRETE, IRIS}) {
            Task task = data == CONCRETE ? Task.REGRESSION : Task.CLASSIFICATION;
            int classes = data.labels().size();
            FeatureMatrix test = data.select(TEST).x();
            Path saved = dir.resolve(String.valueOf(classes));
            Files.createDirectories(saved);
            try (FittedModel m = LEARNER.fit(data.select(TRAIN_ALL), null, Params.of("n_estimators", 30), ctx(2))) {
                m.save(saved);
                try (FittedModel loaded = LEARNER.load(saved, task, classes)) {
                    for (FittedModel model : new FittedModel[] {m, loaded}) {
                        double[] batch = model.predict(test).values();
                        int width = batch.length / test.rows();
                        for (int i = 0; i < test.rows(); i++) {
                            FeatureMatrix one = new FeatureMatrix(Arrays.copyOfRange(test.values(), i * test.cols(),
                                    (i + 1) * test.cols()), 1, test.cols(), test.names(), new BitSet());
                            assertArrayEquals(Arrays.copyOfRange(batch, i * width, (i + 1) * width),
                                    model.predict(one).values(), "row " + i + " of " + test.rows());
                        }
                    }
                }
            }
        }
    }

    @Test
    void aClosedModelRefusesToPredictARow() {
        FeatureMatrix test = BLOOD.select(TEST).x();
        FeatureMatrix one = new FeatureMatrix(Arrays.copyOf(test.values(), test.cols()), 1, test.cols(), test.names(),
                new BitSet());
        FittedModel m = LEARNER.fit(BLOOD.select(TRAIN_ALL), null, Params.of("n_estimators", 5), ctx(1));
        m.predict(one);
        m.close();
        assertThrows(IllegalStateException.class, () -> m.predict(one));
    }
}

package dev.automl.algorithms.boosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.featurization.FeatureView;
import dev.automl.metrics.Task;
import java.util.BitSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
}

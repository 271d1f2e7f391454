package dev.automl.algorithms.boosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureView;
import java.util.Set;
import org.junit.jupiter.api.Test;

class XGBoostLearnerTest extends BoostingLearnerContract {

    @Override
    Learner learner(Task task) {
        return task == Task.CLASSIFICATION ? XGBoostLearner.classifier() : XGBoostLearner.regressor();
    }

    @Override
    int rounds(FittedModel model) {
        return ((XGBoostModel) model).rounds();
    }

    @Override
    String modelFile() {
        return XGBoostModel.MODEL_FILE;
    }

    @Override
    Params sampled() {
        return Params.of("subsample", 0.7, "colsample_bytree", 0.7, "max_depth", 4);
    }

    @Override
    Params stumps() {
        return Params.of("max_depth", 1, "min_child_weight", 0.5);
    }

    @Test
    void oneClassTwoAzureNames() {
        assertEquals("XGBoostClassifier", XGBoostLearner.classifier().name());
        assertEquals("XGBoostRegressor", XGBoostLearner.regressor().name());
        assertEquals(Set.of(Task.CLASSIFICATION), XGBoostLearner.classifier().tasks());
        assertEquals(Set.of(Task.REGRESSION), XGBoostLearner.regressor().tasks());
        assertEquals(FeatureView.TREES, XGBoostLearner.classifier().view());
        assertEquals(1.6, XGBoostLearner.regressor().relativeCost());
    }

    @Test
    void eachNameFitsOnlyItsTask() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XGBoostLearner.classifier().fit(CONCRETE.select(TRAIN), null, Params.empty(), ctx(1)));
        assertEquals("XGBoostClassifier fits classification only, not regression", e.getMessage());
    }

    /** The build excludes Scala on purpose; xgboost4j's Java API must work without it. */
    @Test
    void runsWithoutScalaOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("scala.Option"));
    }
}

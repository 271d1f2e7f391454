package dev.automl.algorithms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.data.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which learners a job runs from its allowed and blocked lists. */
class LearnerCatalogTest {

    private static final LearnerCatalog CATALOG = LearnerCatalog.standard();

    private static List<String> names(List<Learner> learners) {
        return learners.stream().map(Learner::name).toList();
    }

    @Test
    void theDefaultSearchLeavesOutLearnersThatRunOnlyWhenNamed() {
        assertEquals(List.of("LightGBM", "XGBoostClassifier", "RandomForest", "ExtremeRandomTrees", "LogisticRegression"),
                names(CATALOG.select(Task.CLASSIFICATION, List.of(), List.of())));
        assertEquals(List.of("DecisionTree", "KNN"),
                names(CATALOG.select(Task.REGRESSION, List.of("KNN", "DecisionTree"), List.of())));
        assertEquals(List.of("LightGBM", "DecisionTree"),
                names(CATALOG.select(Task.REGRESSION, List.of("LightGBM", "DecisionTree", "ElasticNet"), List.of("ElasticNet"))));
    }

    @Test
    void azureSpellingsFindTheLearner() {
        assertEquals("DecisionTree", CATALOG.find("decision_tree", Task.CLASSIFICATION).orElseThrow().name());
    }

    @Test
    void everyAzureNameHasALearnerForItsTask() {
        for (Task task : List.of(Task.CLASSIFICATION, Task.REGRESSION)) {
            for (String name : LearnerCatalog.azureNames(task)) {
                Learner l = CATALOG.find(name, task).orElseThrow(() -> new AssertionError(name + " for " + task));
                assertEquals(true, l.tasks().contains(task), name);
            }
        }
        assertEquals(LearnerCatalog.AZURE_CLASSIFICATION.size(), CATALOG.forTask(Task.CLASSIFICATION).size());
        assertEquals(LearnerCatalog.AZURE_REGRESSION.size(), CATALOG.forTask(Task.REGRESSION).size());
    }

    /** Forecasting has every Azure name but TCNForecaster, a neural network this engine does not train. */
    @Test
    void everyAzureForecastingNameButTheNetworkHasALearner() {
        List<String> missing = LearnerCatalog.AZURE_FORECASTING.stream()
                .filter(name -> CATALOG.find(name, Task.FORECASTING).isEmpty()).toList();
        assertEquals(List.of("TCNForecaster"), missing);
        assertEquals(LearnerCatalog.AZURE_FORECASTING.size() - 1, CATALOG.forTask(Task.FORECASTING).size());
    }
}

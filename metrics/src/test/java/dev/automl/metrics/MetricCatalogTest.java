package dev.automl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.Task;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {

    @Test
    void findIgnoresCaseAsAzureYamlWritesIt() {
        assertEquals("AUC_weighted", MetricCatalog.find("auc_weighted").orElseThrow().name());
        assertEquals("accuracy", MetricCatalog.find("Accuracy").orElseThrow().name());
        assertEquals("normalized_root_mean_squared_error",
                MetricCatalog.find(" NORMALIZED_ROOT_MEAN_SQUARED_ERROR ").orElseThrow().name());
        assertEquals(Optional.empty(), MetricCatalog.find("auc"));
        assertEquals(Optional.empty(), MetricCatalog.find(null));
    }

    @Test
    void nearestSuggestsTheClosestName() {
        List<String> names = MetricCatalog.all().stream().map(MetricDefinition::name).toList();
        assertEquals("accuracy", MetricCatalog.nearest("acuracy", names).orElseThrow());
        assertEquals("AUC_weighted", MetricCatalog.nearest("auc_wieghted", names).orElseThrow());
        assertEquals("r2_score", MetricCatalog.nearest("R2", names).orElseThrow());
        assertEquals("spearman_correlation", MetricCatalog.nearest("spearman_corelation", names).orElseThrow());
        assertEquals(Optional.empty(), MetricCatalog.nearest("accuracy", List.of()));
        assertEquals(3, MetricCatalog.editDistance("kitten", "sitting"));
    }

    @Test
    void catalogListsAzureNamesPerTask() {
        assertEquals(List.of("accuracy", "AUC_weighted", "AUC_macro", "AUC_binary", "log_loss", "norm_macro_recall",
                        "average_precision_score_weighted", "precision_score_weighted", "recall_score_weighted",
                        "f1_score_weighted", "balanced_accuracy"),
                MetricCatalog.forTask(Task.CLASSIFICATION).stream().map(MetricDefinition::name).toList());
        assertEquals(List.of("r2_score", "normalized_root_mean_squared_error", "normalized_mean_absolute_error",
                        "spearman_correlation", "root_mean_squared_error", "mean_absolute_error"),
                MetricCatalog.forTask(Task.REGRESSION).stream().map(MetricDefinition::name).toList());
        Set<String> lowerCase = MetricCatalog.all().stream()
                .map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        assertEquals(MetricCatalog.all().size(), lowerCase.size(), "names must stay unique ignoring case");
    }

    @Test
    void primariesAreAzuresAllowedPrimaryMetricsAndLogLoss() {
        assertEquals(Set.of("accuracy", "AUC_weighted", "norm_macro_recall", "average_precision_score_weighted",
                        "precision_score_weighted", "log_loss"),
                names(MetricCatalog.primaries(Task.CLASSIFICATION)));
        assertEquals(List.of("log_loss"), MetricCatalog.all().stream().filter(MetricCatalog::beyondAzure)
                .map(MetricDefinition::name).toList());
        assertEquals(Set.of("spearman_correlation", "normalized_root_mean_squared_error", "r2_score",
                        "normalized_mean_absolute_error"),
                names(MetricCatalog.primaries(Task.REGRESSION)));
    }

    @Test
    void directionDecidesWhichScoreIsBetter() {
        MetricDefinition accuracy = MetricCatalog.find("accuracy").orElseThrow();
        MetricDefinition logLoss = MetricCatalog.find("log_loss").orElseThrow();
        MetricDefinition nrmse = MetricCatalog.find("normalized_root_mean_squared_error").orElseThrow();
        assertTrue(accuracy.isBetter(0.9, 0.8));
        assertFalse(accuracy.isBetter(0.8, 0.8));
        assertTrue(logLoss.isBetter(0.2, 0.3));
        assertTrue(nrmse.isBetter(0.1, 0.2));
        assertTrue(accuracy.isBetter(0.0, Double.NaN));
        assertFalse(logLoss.isBetter(Double.NaN, 5.0));
        assertTrue(logLoss.compare(0.2, 0.3) < 0);
        assertTrue(logLoss.compare(Double.NaN, 0.3) > 0);
        assertEquals(0, accuracy.compare(Double.NaN, Double.NaN));
    }

    private static Set<String> names(List<MetricDefinition> metrics) {
        return metrics.stream().map(MetricDefinition::name).collect(Collectors.toSet());
    }
}

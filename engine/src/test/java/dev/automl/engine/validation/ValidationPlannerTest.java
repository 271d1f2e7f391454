package dev.automl.engine.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.Task;
import dev.automl.featurization.Target;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Azure's validation rules by row count, stratified folds, and reproducibility. */
class ValidationPlannerTest {

    private static Target classes(int n, int minority) {
        double[] y = new double[n];
        for (int i = 0; i < minority; i++) {
            y[i * (n / minority)] = 1;
        }
        return new Target(Task.CLASSIFICATION, y, List.of("a", "b"), null);
    }

    @Test
    void rowCountRulesAsAzure() {
        assertEquals(10, ValidationPlanner.plan(classes(999, 100), 999, null, null, 1).folds().size());
        assertEquals(3, ValidationPlanner.plan(classes(1000, 100), 1000, null, null, 1).folds().size());
        assertEquals(ValidationPlan.Kind.KFOLD, ValidationPlanner.plan(classes(20_000, 100), 20_000, null, null, 1).kind());
        ValidationPlan big = ValidationPlanner.plan(classes(20_001, 100), 20_001, null, null, 1);
        assertEquals(ValidationPlan.Kind.HOLDOUT, big.kind());
        assertEquals(0.1, big.fraction());
        assertEquals(2000, big.folds().get(0).valid().length, 1);
    }

    @Test
    void userValidationRowsComeAfterTrainingRows() {
        ValidationPlan p = ValidationPlanner.plan(classes(100, 10), 80, 5, null, 1);
        assertEquals(ValidationPlan.Kind.USER, p.kind());
        assertEquals(80, p.folds().get(0).train().length);
        assertEquals(80, p.folds().get(0).valid()[0]);
        assertEquals(80, p.refitRows().length);
    }

    @Test
    void foldsPartitionTheRowsAndKeepClassShares() {
        Target t = classes(1000, 100);
        ValidationPlan p = ValidationPlanner.plan(t, 1000, 5, null, 42);
        int[] seen = new int[1000];
        for (Fold f : p.folds()) {
            assertEquals(200, f.valid().length);
            assertEquals(800, f.train().length);
            int minority = 0;
            for (int r : f.valid()) {
                seen[r]++;
                minority += t.classOf(r);
            }
            assertEquals(20, minority, "each fold holds a fifth of the 100 minority rows");
        }
        assertTrue(Arrays.stream(seen).allMatch(c -> c == 1));
        assertArrayEquals(p.folds().get(3).valid(), ValidationPlanner.plan(t, 1000, 5, null, 42).folds().get(3).valid());
        assertTrue(!Arrays.equals(p.folds().get(0).valid(), ValidationPlanner.plan(t, 1000, 5, null, 43).folds().get(0).valid()));
    }

    @Test
    void holdoutIsStratified() {
        Target t = classes(1000, 100);
        ValidationPlan p = ValidationPlanner.plan(t, 1000, null, 0.2, 3);
        int minority = 0;
        for (int r : p.folds().get(0).valid()) {
            minority += t.classOf(r);
        }
        assertEquals(200, p.folds().get(0).valid().length);
        assertEquals(20, minority);
    }
}

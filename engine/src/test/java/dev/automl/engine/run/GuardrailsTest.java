package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.Column;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.engine.validation.ValidationPlanner;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each guardrail on a hand-made table whose answer is known: passed, done or alerted, with the right details. */
class GuardrailsTest {

    private static Map<String, Guardrails.Check> run(List<Column> columns, Target target, Integer folds) {
        return run(columns, target, folds, List.of());
    }

    private static Map<String, Guardrails.Check> run(List<Column> columns, Target target, Integer folds,
                                                     List<String> pastTarget) {
        Table t = new Table(columns);
        ValidationPlan plan = ValidationPlanner.plan(target, target.size(), folds, null, 0);
        var fitted = new Featurizer(FeaturizationSettings.auto()).fit(t, plan.refitRows());
        return Guardrails.check(t, target, target.size(), fitted, plan, pastTarget).stream()
                .collect(Collectors.toMap(Guardrails.Check::name, Function.identity()));
    }

    /** 100 rows: class 0 for the first {@code zeros}, class 1 after. */
    private static Target binary(int zeros) {
        double[] y = new double[100];
        for (int i = zeros; i < 100; i++) {
            y[i] = 1;
        }
        return new Target(Task.CLASSIFICATION, y, List.of("no", "yes"), null);
    }

    private static NumericColumn noise(String name) {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 37) % 11; // unrelated to the class, few distinct values
        }
        return new NumericColumn(name, v);
    }

    @Test
    void imbalanceAlertsBelowAFifthOfTheLargestClass() {
        Map<String, Guardrails.Check> balanced = run(List.of(noise("x")), binary(60), 3);
        assertEquals(Guardrails.Status.PASSED, balanced.get("Class balancing detection").status());
        Guardrails.Check skewed = run(List.of(noise("x")), binary(85), 3).get("Class balancing detection");
        assertEquals(Guardrails.Status.ALERTED, skewed.status());
        assertEquals(List.of("no: 85 rows (85.0 %)", "yes: 15 rows (15.0 %)"), skewed.details());
    }

    @Test
    void missingValuesHighCardinalityAndDroppedColumnsAreReported() {
        double[] gaps = noise("g").values().clone();
        gaps[3] = Double.NaN;
        gaps[40] = Double.NaN;
        int[] codes = new int[100];
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            codes[i] = i % 60;
        }
        for (int k = 0; k < 60; k++) {
            levels.add("level" + k);
        }
        double[] constant = new double[100];
        Map<String, Guardrails.Check> checks = run(List.of(new NumericColumn("g", gaps),
                new CategoricalColumn("many", codes, levels), new NumericColumn("same", constant)), binary(50), 3);

        assertEquals(Guardrails.Status.DONE, checks.get("Missing feature values imputation").status());
        assertEquals(List.of("g: 2 of 100 rows missing"), checks.get("Missing feature values imputation").details());
        assertEquals(Guardrails.Status.DONE, checks.get("High cardinality feature detection").status());
        assertEquals(List.of("many: 60 levels (LabelEncoder, HashOneHotEncoder)"), checks.get("High cardinality feature detection").details());
        assertEquals(List.of("same: constant"), checks.get("Columns dropped").details());
    }

    @Test
    void aColumnThatAlmostEqualsTheTargetIsALeakageSuspect() {
        Target y = binary(50);
        double[] copy = new double[100];
        for (int i = 0; i < 100; i++) {
            copy[i] = y.y()[i] * 10 + (i % 3); // separates the classes perfectly
        }
        Guardrails.Check leak = run(List.of(noise("x"), new NumericColumn("outcome_code", copy)), y, 3)
                .get("Target leakage detection");
        assertEquals(Guardrails.Status.ALERTED, leak.status());
        assertEquals(List.of("outcome_code: AUC of the column alone 1.0000"), leak.details());

        double[] target = new double[100];
        double[] doubled = new double[100];
        for (int i = 0; i < 100; i++) {
            target[i] = Math.sin(i);
            doubled[i] = 2 * target[i] + 1;
        }
        Target reg = new Target(Task.REGRESSION, target, List.of(), null);
        assertEquals(List.of("twice: absolute correlation with the target 1.0000"),
                run(List.of(noise("x"), new NumericColumn("twice", doubled)), reg, 3).get("Target leakage detection").details());
        assertEquals(Guardrails.Status.PASSED, run(List.of(noise("x")), reg, 3).get("Target leakage detection").status());
        // A forecasting job's anchor or lag tracks the target by design and is known at the forecast's origin.
        assertEquals(Guardrails.Status.PASSED, run(List.of(noise("x"), new NumericColumn("_series_anchor", doubled)), reg, 3,
                List.of("_series_anchor")).get("Target leakage detection").status());
    }

    @Test
    void tooFewValidationRowsAreAlerted() {
        // Cross-validation scores all 100 rows together: enough rows, but only 3 of class 'yes'.
        Guardrails.Check rare = run(List.of(noise("x")), binary(97), 3).get("Validation split handling");
        assertEquals(Guardrails.Status.ALERTED, rare.status());
        assertEquals(List.of("cross-validation (3 folds, scored together): 3 rows of class 'yes'"), rare.details());
        assertEquals(Guardrails.Status.PASSED, run(List.of(noise("x")), binary(50), 10).get("Validation split handling").status());
    }
}

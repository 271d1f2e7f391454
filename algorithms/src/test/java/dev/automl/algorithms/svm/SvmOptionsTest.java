package dev.automl.algorithms.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.automl.algorithms.OptionsContract;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.tribuo.ClassWeights;
import dev.automl.data.Task;
import org.junit.jupiter.api.Test;

/** SVM's options record: defaults, round trips and messages. */
class SvmOptionsTest {

    @Test
    void defaults() {
        SupportVectorMachine.Options o = SupportVectorMachine.Options.of(Params.empty());
        assertEquals(1.0, o.c());
        assertEquals(1.0, o.gammaScale());
        assertEquals(ClassWeights.Mode.NONE, o.classWeight());
        assertEquals(Params.of("C", 1.0, "gamma_scale", 1.0, "class_weight", "none", "kept_rows", 200),
                o.fitted(200));
    }

    @Test
    void everyPortfolioEntryAndSampleReadsAndWritesBack() {
        OptionsContract.check(new SupportVectorMachine(), Task.CLASSIFICATION, SupportVectorMachine.Options::of,
                SupportVectorMachine.Options::toParams);
        // Fitted params refit: the rows kept are taken and ignored.
        SupportVectorMachine.Options o = SupportVectorMachine.Options.of(Params.of("C", 10.0));
        assertEquals(o, SupportVectorMachine.Options.of(o.fitted(561)));
    }

    @Test
    void unknownKeysAndBadValuesFailAsBefore() {
        assertEquals("SVM has no hyperparameter gamma; it takes C, class_weight, gamma_scale, kept_rows",
                assertThrows(IllegalArgumentException.class,
                        () -> SupportVectorMachine.Options.of(Params.of("gamma", 0.1))).getMessage());
        assertEquals("SVM: C and gamma_scale must be > 0, got {C=1.0, class_weight=none, gamma_scale=0.0}",
                assertThrows(IllegalArgumentException.class,
                        () -> SupportVectorMachine.Options.of(Params.of("gamma_scale", 0.0))).getMessage());
        assertEquals("SVM: class_weight must be none or balanced, not bogus",
                assertThrows(IllegalArgumentException.class,
                        () -> SupportVectorMachine.Options.of(Params.of("class_weight", "bogus"))).getMessage());
    }
}

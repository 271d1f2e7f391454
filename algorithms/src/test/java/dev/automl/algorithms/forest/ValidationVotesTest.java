package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrialContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationVotesTest {

    @Test
    void aForestsValidationPredictionsAreItsPredictionsToTheLastBit() {
        for (Learner l : List.of(new RandomForest(), new ExtremeRandomTrees(), new RandomForest(3_000))) {
            for (TestTables.Split s : List.of(TestTables.blood(false), TestTables.iris(false), TestTables.concrete(false))) {
                String what = l.name() + " on " + s.train().y().task().id() + " with " + s.train().y().numClasses() + " classes";
                for (int threads : new int[] {1, 2}) {
                    FittedModel m = l.fit(s.train(), s.test(), Params.of("n_estimators", 60),
                            new TrialContext(Deadline.never(), threads, 11));
                    Predictions built = m.validationPredictions().orElseThrow();
                    assertArrayEquals(m.predict(s.test().x()).values(), built.values(), 0.0, what);
                    assertEquals(s.test().x().rows(), built.rows(), what);
                }
            }
        }
    }

    @Test
    void withoutValidationRowsThereAreNoValidationPredictions() {
        TestTables.Split s = TestTables.blood(false);
        FittedModel m = new ExtremeRandomTrees().fit(s.train(), null, Params.of("n_estimators", 10),
                new TrialContext(Deadline.never(), 1, 1));
        assertTrue(m.validationPredictions().isEmpty());
    }

    @Test
    void aForestWithoutTreesPredictsItsPriorForValidationRows() {
        TestTables.Split s = TestTables.concrete(false);
        FittedModel m = new RandomForest().fit(s.train(), s.test(), Params.of("n_estimators", 50),
                new TrialContext(Deadline.afterSeconds(-1), 1, 1));
        assertEquals(0, m.fittedParams().getInt("n_estimators", -1));
        assertArrayEquals(m.predict(s.test().x()).values(), m.validationPredictions().orElseThrow().values(), 0.0);
    }
}

package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrialContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForestBudgetTest {

    private static final long BUDGET = 3_000;

    private static List<TreeEnsemble.Tree> trees(FittedModel m) {
        return ((ForestModel) m).ensemble().trees();
    }

    @Test
    void theBudgetStopsTreeGrowthAndFittedParamsCountTheTreesGrown() {
        for (Learner l : List.of(new RandomForest(BUDGET), new ExtremeRandomTrees(BUDGET))) {
            for (TestTables.Split s : List.of(TestTables.blood(false), TestTables.concrete(false))) {
                String what = l.name() + " on " + s.train().y().task().id();
                FittedModel m = l.fit(s.train(), null, Params.of("n_estimators", 200),
                        new TrialContext(Deadline.never(), 2, 5));
                List<TreeEnsemble.Tree> trees = trees(m);
                int grown = m.fittedParams().getInt("n_estimators", -1);
                assertEquals(trees.size(), grown, what);
                assertTrue(grown >= 2 && grown < 200, what + ": " + grown + " trees");
                long values = 0;
                for (TreeEnsemble.Tree t : trees) {
                    assertTrue(values <= BUDGET, what + ": a tree was added above the budget");
                    values += t.leafValue().length;
                }
                assertTrue(values > BUDGET, what + ": stopped at " + values + " leaf values");

                // The refit asks for the trees grown and, with the same seed on the same rows, grows that forest.
                FittedModel again = l.fit(s.train(), null, m.fittedParams(), new TrialContext(Deadline.never(), 1, 5));
                assertEquals(grown, trees(again).size(), what);
                assertArrayEquals(m.predict(s.test().x()).values(), again.predict(s.test().x()).values(), 0.0, what);
                System.out.printf("%s with a budget of %d leaf values: %d trees, %d values%n", what, BUDGET, grown,
                        values);
            }
        }
    }

    @Test
    void smallDataGetsEveryTreeItAsksFor() {
        TestTables.Split s = TestTables.blood(false);
        for (Learner l : List.of(new RandomForest(), new ExtremeRandomTrees())) {
            FittedModel m = l.fit(s.train(), null, Params.empty(), new TrialContext(Deadline.never(), 2, 1));
            assertEquals(300, m.fittedParams().getInt("n_estimators", -1), l.name());
            assertEquals(300, trees(m).size(), l.name());
        }
    }
}

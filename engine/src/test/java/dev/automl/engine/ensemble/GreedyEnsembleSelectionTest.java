package dev.automl.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.metrics.MetricCatalog;
import dev.automl.metrics.MetricDefinition;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Greedy ensemble selection on hand-made predictions whose best ensemble is known. */
class GreedyEnsembleSelectionTest {

    private static final MetricDefinition RMSE = MetricCatalog.find("root_mean_squared_error").orElseThrow();
    private static final MetricDefinition ACCURACY = MetricCatalog.find("accuracy").orElseThrow();

    /** RMSE against an all-zero target. */
    private static final ToDoubleFunction<double[]> RMSE_TO_ZERO = p -> {
        double s = 0;
        for (double v : p) {
            s += v * v;
        }
        return Math.sqrt(s / p.length);
    };

    @Test
    void replacementFindsTwoToOneWeights() {
        // A is +1 everywhere (RMSE 1), B is -2 (RMSE 2), C is +3 (RMSE 3). Initialisation: A alone scores 1,
        // A+B averaged scores 0.5, A+B+C 0.667, so it starts from {A, B}. Adding A gives (1 + 1 - 2) / 3 = 0,
        // a perfect score that no later addition improves: weights 2/3 and 1/3.
        List<double[]> candidates = List.of(new double[] {1, 1}, new double[] {-2, -2}, new double[] {3, 3});
        GreedyEnsembleSelection.Selection s = new GreedyEnsembleSelection(3, 10).select(candidates, RMSE_TO_ZERO, RMSE);
        assertArrayEquals(new int[] {2, 1, 0}, s.counts());
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3, 0}, s.weights(), 1e-12);
        assertEquals(0.0, s.score(), 1e-12);
        assertArrayEquals(new double[] {0, 0}, GreedyEnsembleSelection.predictions(candidates, s), 1e-12);
    }

    @Test
    void theBestModelAloneWinsWhenNothingHelps() {
        // B and C are both worse and on A's side of the target: every mixture is worse than A alone.
        List<double[]> candidates = List.of(new double[] {1, 1}, new double[] {2, 2}, new double[] {3, 3});
        GreedyEnsembleSelection.Selection s = new GreedyEnsembleSelection(3, 25).select(candidates, RMSE_TO_ZERO, RMSE);
        assertEquals(1, s.distinctMembers());
        assertEquals(1.0, s.weights()[0], 1e-12);
        assertEquals(1.0, s.score(), 1e-12);
    }

    @Test
    void sortedInitialisationFindsTheEnsembleThatGreedyStepsMiss() {
        // Three rows of class 1; probabilities of class 0 and 1, row-major. Each classifier is wrong on a different
        // row (0.15 for class 1) and right on the others (0.8). Alone each gets 2/3. Any two averaged get only the
        // row both are right on (0.475 elsewhere): 1/3. All three give 0.583 on every row: 3/3.
        double[] a = {0.85, 0.15, 0.2, 0.8, 0.2, 0.8};
        double[] b = {0.2, 0.8, 0.85, 0.15, 0.2, 0.8};
        double[] c = {0.2, 0.8, 0.2, 0.8, 0.85, 0.15};
        ToDoubleFunction<double[]> accuracy = p -> {
            int right = 0;
            for (int i = 0; i < 3; i++) {
                right += p[2 * i + 1] > p[2 * i] ? 1 : 0;
            }
            return right / 3.0;
        };
        GreedyEnsembleSelection.Selection s = new GreedyEnsembleSelection(3, 0).select(List.of(a, b, c), accuracy, ACCURACY);
        assertArrayEquals(new int[] {1, 1, 1}, s.counts());
        assertEquals(1.0, s.score(), 1e-12);
        // From the single best alone, every single step scores 2/3 at best (adding A again), so greedy steps
        // never leave A: this is why Caruana et al. initialise from the sorted best.
        GreedyEnsembleSelection.Selection greedy = new GreedyEnsembleSelection(1, 5).select(List.of(a, b, c), accuracy, ACCURACY);
        assertArrayEquals(new int[] {1, 0, 0}, greedy.counts());
        assertEquals(2.0 / 3, greedy.score(), 1e-12);
    }
}

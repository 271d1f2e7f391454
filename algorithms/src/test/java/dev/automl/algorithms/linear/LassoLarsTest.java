package dev.automl.algorithms.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forest.TestTables;
import dev.automl.data.Task;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LassoLars on concrete's standardised split. At the path's end every feature is active and the fit is least squares:
 * scikit-learn 1.2.1's LinearRegression scores R^2 0.6411. Shorter paths end with a least-squares fit on the features
 * chosen (Tribuo's choice), so they score at least scikit-learn's LassoLars stopped after as many steps (0.3482 at 4).
 */
class LassoLarsTest {

    private static final LassoLars LARS = new LassoLars();

    private static TrialContext ctx() {
        return new TrialContext(Deadline.never(), 1, 1);
    }

    @Test
    void theFullPathIsLeastSquaresAndShorterPathsFitLess() {
        TestTables.Split c = TestTables.concrete(true);
        double all = TestTables.r2(LARS.fit(c.train(), null, Params.empty(), ctx()).predict(c.test().x()), c.test().y());
        double four = TestTables.r2(LARS.fit(c.train(), null, Params.of("n_nonzero_coefs", 4), ctx()).predict(c.test().x()),
                c.test().y());
        double two = TestTables.r2(LARS.fit(c.train(), null, Params.of("n_nonzero_coefs", 2), ctx()).predict(c.test().x()),
                c.test().y());
        System.out.printf("LassoLars concrete R^2 %.4f with every feature (least squares 0.6411), %.4f with 4 (scikit-learn"
                + " 0.3482), %.4f with 2 (0.1673)%n", all, four, two);
        assertEquals(0.6411, all, 1e-3);
        assertTrue(four >= 0.3482 && four < all, "four " + four);
        assertTrue(two >= 0.1673 && two < four, "two " + two);
    }

    @Test
    void savedModelPredictsTheSame(@TempDir Path dir) throws Exception {
        TestTables.Split c = TestTables.concrete(true);
        FittedModel m = LARS.fit(c.train(), null, Params.of("n_nonzero_coefs", 5), ctx());
        m.save(dir);
        FittedModel back = LARS.load(dir, Task.REGRESSION, 0);
        assertArrayEquals(m.predict(c.test().x()).values(), back.predict(c.test().x()).values(), 0.0);
        assertEquals(Params.of("n_nonzero_coefs", 5), back.fittedParams());
    }
}

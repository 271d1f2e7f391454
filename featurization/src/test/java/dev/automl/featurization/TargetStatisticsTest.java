package dev.automl.featurization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.data.CategoricalColumn;
import dev.automl.data.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weight of evidence, class shares and means per level, smoothed by 10 prior rows; out of fold by hand. */
class TargetStatisticsTest {

    // Rows 0-5: a a a a b b with targets 1 1 1 0 0 0.
    private static final CategoricalColumn AB = new CategoricalColumn("k", new int[] {0, 0, 0, 0, 1, 1}, List.of("a", "b"));
    private static final Target BINARY = new Target(Task.CLASSIFICATION, new double[] {1, 1, 1, 0, 0, 0}, List.of("n", "y"), null);

    @Test
    void weightOfEvidenceIsTheSmoothedLogOddsAgainstThePrior() {
        TargetStatistics.Fitted f = TargetStatistics.fit(AB, null, BINARY, TargetStatistics.Kind.WOE);
        // prior 3/6; a: (3 + 10 * 0.5) / (4 + 10) = 8/14, log odds ln(8/6); b: 5/12, ln(5/7)
        assertEquals(Math.log(8.0 / 6), f.statistics().byLevel().get("a")[0], 1e-12);
        assertEquals(Math.log(5.0 / 7), f.statistics().byLevel().get("b")[0], 1e-12);
        assertArrayEquals(new double[] {0}, f.statistics().unseen(), 1e-12);
    }

    @Test
    void eachTrainingRowGetsTheStatisticOfTheOtherFolds() {
        TargetStatistics.Fitted f = TargetStatistics.fit(AB, null, BINARY, TargetStatistics.Kind.WOE);
        // Row 0 is in fold 0 with row 5; the other rows 1-4 hold a: 1 1 0 and b: 0, prior 2/4.
        // a: (2 + 5) / (3 + 10) = 7/13, log odds ln(7/6) against a prior of even odds.
        assertEquals(Math.log(7.0 / 6), f.outOfFold()[0], 1e-6);
        // Row 4 (fold 4): rows 0-3 and 5 hold a: 1 1 1 0 and b: 0, prior 3/5. b: (0 + 6) / (1 + 10) = 6/11.
        double expected = Math.log((6.0 / 11) / (5.0 / 11)) - Math.log(0.6 / 0.4);
        assertEquals(expected, f.outOfFold()[4], 1e-6);
    }

    @Test
    void aLevelSeenOnlyInItsOwnRowLearnsNothingFromItsTarget() {
        CategoricalColumn unique = new CategoricalColumn("k", new int[] {0, 1, 2, 3, 4, 5}, List.of("a", "b", "c", "d", "e", "f"));
        TargetStatistics.Fitted f = TargetStatistics.fit(unique, null, BINARY, TargetStatistics.Kind.WOE);
        for (float v : f.outOfFold()) {
            assertEquals(0f, v, 1e-6);
        }
    }

    @Test
    void severalClassesGetTheSmoothedShareOfEach() {
        Target three = new Target(Task.CLASSIFICATION, new double[] {0, 1, 2, 2, 0, 0}, List.of("x", "y", "z"), null);
        TargetStatistics.Fitted f = TargetStatistics.fit(AB, null, three, TargetStatistics.Kind.CLASS_FREQUENCY);
        // priors 3/6, 1/6, 2/6; a holds 0 1 2 2: (1 + 5) / 14, (1 + 10/6) / 14, (2 + 10/3) / 14
        assertArrayEquals(new double[] {6.0 / 14, (1 + 10.0 / 6) / 14, (2 + 10.0 / 3) / 14},
                f.statistics().byLevel().get("a"), 1e-12);
        assertEquals(List.of("x", "y", "z"), f.statistics().outputs());
    }

    @Test
    void regressionMeansAreStandardisedBeforeSmoothing() {
        Target y = new Target(Task.REGRESSION, new double[] {1, 3, 1, 3, 10, 12}, List.of(), null);
        TargetStatistics.Fitted f = TargetStatistics.fit(AB, null, y, TargetStatistics.Kind.MEAN);
        double mean = 5;
        double sd = Math.sqrt((16 + 4 + 16 + 4 + 25 + 49) / 6.0);
        // a: standardised sum (-4 - 2 - 4 - 2) / sd over 4 + 10 rows; the prior of standardised values is 0
        assertEquals(-12 / sd / 14, f.statistics().byLevel().get("a")[0], 1e-12);
        assertEquals((5 + 7) / sd / 12, f.statistics().byLevel().get("b")[0], 1e-12);
    }
}

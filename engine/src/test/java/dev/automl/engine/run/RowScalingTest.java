package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Params;
import dev.automl.engine.trial.Leaderboard;
import dev.automl.engine.trial.TrialRows;
import dev.automl.engine.validation.Fold;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.metrics.MetricCatalog;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowScalingTest {

    private static final Params A = Params.of("num_leaves", 31);
    private static final Params B = Params.of("num_leaves", 63);

    private static Leaderboard board() {
        return new Leaderboard(MetricCatalog.find("AUC_weighted").orElseThrow());
    }

    @Test
    void theExponentIsTheMedianOverPairsOfOneConfigurationOnTwoSampleSizes() {
        Leaderboard board = board();
        // A: 10 s on 50,000 rows, 80 s on 200,000 (exponent 1.5), 160 s on 800,000 (0.5 from 200,000; 1.0 from 50,000).
        board.add(TrialRows.of(1, "LightGBM", A, 50_000).score(0.80).seconds(10).build());
        board.add(TrialRows.of(2, "LightGBM", A, 200_000).score(0.81).seconds(80).build());
        board.add(TrialRows.of(3, "LightGBM", A, 800_000).score(0.82).seconds(160).build());
        // B ran on one size only: it says nothing of scaling.
        board.add(TrialRows.of(4, "LightGBM", B, 50_000).score(0.79).seconds(1).build());
        RowScaling s = RowScaling.measure(board, 2_000_000);
        assertEquals(1.0, s.exponent("LightGBM"), 1e-12);
        assertEquals(4, s.factor("LightGBM", 200_000, 800_000), 1e-12);
        assertEquals(RowScaling.DEFAULT_EXPONENT, s.exponent("XGBoostClassifier"));
    }

    @Test
    void aTrialOnAllRowsCountsAsTheFoldsTrainingRowsAndExponentsStayWithinBounds() {
        Leaderboard board = board();
        // 0 sample rows is all 1,000,000: 100 times the rows in 1.5 times the time would be exponent 0.09.
        board.add(TrialRows.of(1, "XGBoostClassifier", A, 10_000).score(0.80).seconds(10).build());
        board.add(TrialRows.of(2, "XGBoostClassifier", A, 0).score(0.81).seconds(15).build());
        // Ten times the rows in 1,000 times the time: exponent 3.
        board.add(TrialRows.of(3, "RandomForest", A, 10_000).score(0.70).seconds(1).build());
        board.add(TrialRows.of(4, "RandomForest", A, 100_000).score(0.71).seconds(1000).build());
        // Four times the rows in eight times the time: exponent 1.5.
        board.add(TrialRows.of(5, "LightGBM", A, 50_000).score(0.80).seconds(10).build());
        board.add(TrialRows.of(6, "LightGBM", A, 200_000).score(0.81).seconds(80).build());
        RowScaling s = RowScaling.measure(board, 1_000_000);
        assertEquals(RowScaling.LEAST_EXPONENT, s.exponent("XGBoostClassifier"));
        assertEquals(RowScaling.MOST_EXPONENT, s.exponent("RandomForest"));
        assertEquals(1.5, s.exponent("LightGBM"), 1e-12);
    }

    @Test
    void aSampledHoldoutTrialsRefitIsScaledFromItsSampleByItsLearnersMeasuredExponent() {
        // A 10 % holdout of 1,000,000 rows: folds train on 900,000, the refit on all 1,000,000.
        int[] all = IntStream.range(0, 1_000_000).toArray();
        ValidationPlan holdout = new ValidationPlan(ValidationPlan.Kind.HOLDOUT,
                List.of(new Fold(IntStream.range(0, 900_000).toArray(), IntStream.range(900_000, 1_000_000).toArray())),
                0.1, all);
        Leaderboard board = board();
        board.add(TrialRows.of(1, "LightGBM", A, 50_000).score(0.80).seconds(10).build());
        board.add(TrialRows.of(2, "LightGBM", A, 200_000).score(0.81).seconds(80).folds(1, 0.8).build());
        RefitEstimate linear = new RefitEstimate(holdout, 2);
        RefitEstimate measured = linear.measuredOn(board);
        assertTrue(measured.sampled(board.byId(2).orElseThrow()));
        // Linear: 80 s x 0.8 of the work x 5 times the rows; measured: eight times the time for four times the rows.
        assertEquals(RefitEstimate.SAFETY * 80 * 0.8 * 5, linear.refitSeconds(board.byId(2).orElseThrow()), 1e-9);
        assertEquals(RefitEstimate.SAFETY * 80 * 0.8 * Math.pow(5, 1.5), measured.refitSeconds(board.byId(2).orElseThrow()),
                1e-9);
        board.add(TrialRows.of(3, "LightGBM", A, 0).score(0.82).seconds(50).build());
        assertFalse(measured.sampled(board.byId(3).orElseThrow()));
        // A refit is planned only from a sample within about one growth step of all rows: 200,000 of 1,000,000 is.
        assertTrue(measured.plannable(board.byId(2).orElseThrow()));
        assertFalse(measured.plannable(board.byId(1).orElseThrow()), "50,000 rows are twenty times fewer");
        assertFalse(measured.plannable(board.byId(3).orElseThrow()), "a trial on all rows is not sampled");
    }
}

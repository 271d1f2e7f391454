package dev.automl.engine.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.automl.data.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rolling-origin folds over two series of 10 and 8 rows: cuts a step apart, windows of the horizon, in order. */
class RollingOriginPlannerTest {

    private static final int[] STARTS = {0, 10, 18};

    @Test
    void eachFoldTrainsBeforeItsCutAndIsScoredOnTheNextHorizon() {
        ValidationPlan plan = RollingOriginPlanner.plan(STARTS, List.of("a", "b"), 2, 3, 1);
        assertEquals(ValidationPlan.Kind.ROLLING_ORIGIN, plan.kind());
        assertEquals(3, plan.folds().size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 10, 11, 12, 13}, plan.folds().get(0).train());
        assertArrayEquals(new int[] {6, 7, 14, 15}, plan.folds().get(0).valid());
        assertArrayEquals(new int[] {8, 9, 16, 17}, plan.folds().get(2).valid(), "the last window ends at each series' end");
        // Windows overlap from fold to fold: each is scored on its own, in fold order.
        assertArrayEquals(new int[] {6, 7, 14, 15, 7, 8, 15, 16, 8, 9, 16, 17}, plan.scoredRows());
        assertArrayEquals(new int[] {4, 5, 6, 7}, plan.scoredPositions(1));
        assertEquals(18, plan.refitRows().length);
    }

    @Test
    void cutsLieTheStepApart() {
        ValidationPlan plan = RollingOriginPlanner.plan(STARTS, List.of("a", "b"), 2, 2, 3);
        assertArrayEquals(new int[] {5, 6, 13, 14}, plan.folds().get(0).valid());
        assertArrayEquals(new int[] {8, 9, 16, 17}, plan.folds().get(1).valid());
    }

    /** validation_data: one origin per series at its training end, scored on every row after it; refit on all. */
    @Test
    void validationDataIsOneOriginPerSeries() {
        ValidationPlan plan = RollingOriginPlanner.planAt(STARTS, new int[] {7, 8}, List.of("a", "b"));
        assertEquals(1, plan.folds().size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 17}, plan.folds().get(0).train());
        assertArrayEquals(new int[] {7, 8, 9}, plan.folds().get(0).valid(), "series b has no validation rows");
        assertEquals(18, plan.refitRows().length);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RollingOriginPlanner.planAt(STARTS, new int[] {1, 8}, List.of("Store=1", "Store=2")));
        assertEquals("The series Store=1 has 1 training row before its validation rows; it needs at least 2.", e.getMessage());
    }

    @Test
    void aSeriesTooShortForTheFoldsIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RollingOriginPlanner.plan(STARTS, List.of("Store=1", "Store=2"), 5, 3, 1));
        assertEquals("The series Store=2 has 8 rows; forecast_horizon 5 with 3 validation folds 1 apart needs at least 9"
                + " (2 to train on). Shorten the horizon, use fewer folds (n_cross_validations) or a smaller cv_step_size,"
                + " or let short_series_handling_config drop or pad it.", e.getMessage());
    }

    @Test
    void partitionPlansPlaceEachRowAtItsRank() {
        ValidationPlan kfold = new ValidationPlan(ValidationPlan.Kind.KFOLD, List.of(new Fold(new int[] {0, 2}, new int[] {1, 3}),
                new Fold(new int[] {1, 3}, new int[] {0, 2})), 0, new int[] {0, 1, 2, 3});
        assertArrayEquals(new int[] {0, 1, 2, 3}, kfold.scoredRows());
        assertArrayEquals(new int[] {1, 3}, kfold.scoredPositions(0));
        assertArrayEquals(new int[] {0, 2}, kfold.scoredPositions(1));
    }
}

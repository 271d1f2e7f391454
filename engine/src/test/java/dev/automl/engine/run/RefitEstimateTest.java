package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialRows;
import dev.automl.engine.validation.Fold;
import dev.automl.engine.validation.ValidationPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefitEstimateTest {

    /** Five folds of 1,000 rows: each trains on 800. */
    private static ValidationPlan fiveFolds() {
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            int from = f * 200;
            int[] valid = IntStream.range(from, from + 200).toArray();
            int[] train = IntStream.range(0, 1000).filter(i -> i < from || i >= from + 200).toArray();
            folds.add(new Fold(train, valid));
        }
        return new ValidationPlan(ValidationPlan.Kind.KFOLD, folds, 0, IntStream.range(0, 1000).toArray());
    }

    private static TrialResult trial(double seconds, int foldsFitted, double refitShare) {
        return TrialRows.of(1, "LightGBM").score(0.9).seconds(seconds).folds(foldsFitted, refitShare).build();
    }

    @Test
    void oneFoldsFitScaledToAllRowsLessTheRoundsTheRefitSkips() {
        RefitEstimate one = new RefitEstimate(fiveFolds(), 1);
        // 10 s for 5 folds one after the other: 2 s a fold of 800 rows, 2.5 s for 1,000; early stopping trained
        // four rounds for each one the refit trains.
        assertEquals(2.5 * 0.25, one.likelySeconds(trial(10, 5, 0.25)), 1e-9);
        assertEquals(2.5 * RefitEstimate.SAFETY, one.seconds(trial(10, 5, 1)), 1e-9);
    }

    @Test
    void foldsFittedSideBySideEachTookTheTrialsTime() {
        RefitEstimate two = new RefitEstimate(fiveFolds(), 2);
        // Two folds at a time make three waves, so each fold took 10 / 3 s.
        assertEquals(10.0 / 3 * 1.25, two.likelySeconds(trial(10, 5, 1)), 1e-9);
    }

    @Test
    void foldsInWavesOfTheThreadCount() {
        ValidationPlan plan = fiveFolds();
        ValidationPlan three = new ValidationPlan(ValidationPlan.Kind.KFOLD, plan.folds().subList(0, 3), 0, plan.refitRows());
        // Three folds on two threads run as two waves, so 10 s is 5 s a fold.
        assertEquals(5 * 1.25, new RefitEstimate(three, 2).likelySeconds(trial(10, 3, 1)), 1e-9);
    }

    @Test
    void aTrialsShareOfTheTimeLeftLeavesRoomForItsRefit() {
        ValidationPlan plan = fiveFolds();
        ValidationPlan three = new ValidationPlan(ValidationPlan.Kind.KFOLD, plan.folds().subList(0, 3), 0, plan.refitRows());
        // A trial of two waves takes 2 fold-times; its refit on 1,000 rows takes 1.25 of them, with the margin.
        assertEquals(RefitEstimate.SAFETY * 1.25 / 2, new RefitEstimate(three, 2).ratio(), 1e-9);
        assertEquals(0, new RefitEstimate(new ValidationPlan(ValidationPlan.Kind.HOLDOUT, plan.folds().subList(0, 1), 0.2,
                plan.refitRows()), 2).ratio());
    }

    @Test
    void aRollingOriginPlansItsRefitForItsFoldModelsForecastFromTheirCut() {
        ValidationPlan plan = fiveFolds();
        RefitEstimate rolling = new RefitEstimate(new ValidationPlan(ValidationPlan.Kind.ROLLING_ORIGIN,
                plan.folds().subList(0, 3), 0, plan.refitRows()), 2);
        assertTrue(rolling.required());
        assertEquals(RefitEstimate.SAFETY * 1.25 / 2, rolling.ratio(), 1e-9);
    }

    @Test
    void anEnsemblesRefitIsItsMembersOneAfterTheOther() {
        RefitEstimate one = new RefitEstimate(fiveFolds(), 1);
        assertEquals(RefitEstimate.SAFETY * (2.5 + 1.25), one.seconds(List.of(trial(10, 5, 1), trial(10, 5, 0.5))), 1e-9);
    }

    @Test
    void onSmallDataAnEnsemblesMembersRefitSideBySideLongestFirst() {
        RefitEstimate two = new RefitEstimate(fiveFolds(), 2);
        assertEquals(2, two.refitLanes());
        // 10 s for 5 folds on two threads is 10 / 3 s a fold, 25 / 6 s on all 1,000 rows; the members refit in two
        // lanes: the two longest first, then the shortest beside the shorter of them.
        double a = 25.0 / 6, b = a / 2, c = a / 4;
        assertEquals(RefitEstimate.SAFETY * Math.max(a, b + c),
                two.seconds(List.of(trial(10, 5, 0.25), trial(10, 5, 1), trial(10, 5, 0.5))), 1e-9);
        // Longest first into the lane that frees first: 5 | 4, 3 after the 4, 3 after the 5, 3 after the 7.
        assertEquals(10, RefitEstimate.inLanes(new double[] {3, 5, 3, 4, 3}, 2), 1e-12);
        assertEquals(18, RefitEstimate.inLanes(new double[] {3, 5, 3, 4, 3}, 1), 1e-12);
    }
}

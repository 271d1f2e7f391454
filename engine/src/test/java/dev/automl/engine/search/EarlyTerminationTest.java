package dev.automl.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.engine.trial.Leaderboard;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialRows;
import dev.automl.metrics.MetricCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Early termination waits for 20 completed trials, then for 10 without an improvement beyond the tolerance that
 * cost as much as the search up to the last improvement, in declared cost units rather than seconds.
 */
class EarlyTerminationTest {

    private static final TrialCost COST = new TrialCost(1_000);
    /** No tolerance: every gain is an improvement. */
    private static final EarlyTermination ANY_GAIN = new EarlyTermination(COST, 0);

    private static TrialResult trial(int id, double score) {
        return trial(id, score, "LightGBM");
    }

    /** LightGBM costs 1 unit, RandomForest 2 and LogisticRegression 0.5; the seconds are noise to be ignored. */
    private static TrialResult trial(int id, double score, String algorithm) {
        return TrialRows.of(id, algorithm).score(score).seconds(Math.random() * 100).build();
    }

    private static Leaderboard accuracy() {
        return new Leaderboard(MetricCatalog.find("accuracy").orElseThrow());
    }

    @Test
    void cheapTrialsAfterAnExpensiveBestDoNotEndTheSearch() {
        Leaderboard board = accuracy();
        List<TrialResult> done = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            done.add(trial(i, 0.5 + i / 100.0, "RandomForest")); // the best, trial 20, after 40 units
        }
        for (int i = 21; i <= 40; i++) {
            done.add(trial(i, 0.6, "LogisticRegression"));
        }
        // 20 trials without a new best, but only 10 units since it: not yet.
        assertFalse(ANY_GAIN.shouldStop(done, board));
        for (int i = 41; i <= 55; i++) {
            done.add(trial(i, 0.6, "RandomForest"));
        }
        // 10 + 30 units since the best, as much as the 40 up to it: stop.
        assertTrue(ANY_GAIN.shouldStop(done, board));
    }

    @Test
    void stopsOnlyAfterTwentyAndTenWithoutImprovement() {
        Leaderboard board = accuracy();
        List<TrialResult> done = new ArrayList<>();
        for (int i = 1; i <= 19; i++) {
            done.add(trial(i, i == 1 ? 0.9 : 0.5));
        }
        assertFalse(ANY_GAIN.shouldStop(done, board), "fewer than 20 completed");
        done.add(trial(20, 0.95));
        for (int i = 21; i <= 39; i++) {
            done.add(trial(i, 0.95));
            assertFalse(ANY_GAIN.shouldStop(done, board), "ties are not improvements, but only " + (i - 20) + " units since");
        }
        done.add(trial(40, 0.94)); // 20 units since the best, as many as up to it
        assertTrue(ANY_GAIN.shouldStop(done, board));
    }

    @Test
    void gainsWithinTheToleranceAreNotImprovements() {
        // 1/sqrt(2,500) = 2 %: from 0.80, only a score above 0.816 counts.
        EarlyTermination rule = EarlyTermination.forRows(COST, 2_500);
        assertEquals(0.02, rule.tolerance(), 1e-12);
        Leaderboard board = accuracy();
        List<TrialResult> done = new ArrayList<>();
        done.add(trial(1, 0.80));
        for (int i = 2; i <= 20; i++) {
            done.add(trial(i, 0.80 + i * 0.0008)); // creeping up to 0.816, never more than 2 % above 0.80
        }
        assertTrue(rule.shouldStop(done, board), "19 trials and 19 units since the last improvement beyond 2 %");
        assertFalse(ANY_GAIN.shouldStop(done, board), "without a tolerance trial 20 is an improvement");

        List<TrialResult> clear = new ArrayList<>(done.subList(0, 19));
        clear.add(trial(20, 0.8161)); // beyond 0.816: an improvement
        assertFalse(rule.shouldStop(clear, board));
    }

    @Test
    void toleranceFollowsTheRowsWithinBounds() {
        assertEquals(0.05, EarlyTermination.forRows(COST, 100).tolerance(), 1e-12);
        assertEquals(0.01, EarlyTermination.forRows(COST, 10_000).tolerance(), 1e-12);
        assertEquals(0.001, EarlyTermination.forRows(COST, 5_000_000).tolerance(), 1e-12);
    }

    @Test
    void lowerIsBetterMetricsImproveDownwards() {
        Leaderboard board = new Leaderboard(MetricCatalog.find("normalized_root_mean_squared_error").orElseThrow());
        List<TrialResult> done = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            done.add(trial(i, 1.0 / i));
        }
        assertFalse(EarlyTermination.forRows(COST, 2_500).shouldStop(done, board));
    }
}

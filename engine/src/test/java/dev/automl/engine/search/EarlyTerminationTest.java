package dev.automl.engine.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Params;
import dev.automl.engine.run.Leaderboard;
import dev.automl.engine.run.TrialResult;
import dev.automl.engine.run.TrialStatus;
import dev.automl.metrics.MetricCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Early termination waits for 20 completed trials, then for 10 without a new best that took as long as the best. */
class EarlyTerminationTest {

    private static TrialResult trial(int id, double score) {
        return trial(id, score, 1);
    }

    private static TrialResult trial(int id, double score, double seconds) {
        return new TrialResult(id, "LightGBM", Params.empty(), "random", TrialStatus.COMPLETED, "", Map.of(), score, seconds, 1,
                Params.empty(), null, 0);
    }

    @Test
    void quickTrialsAfterASlowBestDoNotEndTheSearch() {
        Leaderboard board = new Leaderboard(MetricCatalog.find("accuracy").orElseThrow());
        List<TrialResult> done = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            done.add(trial(i, 0.5 + i / 100.0, 2)); // the best, trial 20, after 40 s of trials
        }
        for (int i = 21; i <= 40; i++) {
            done.add(trial(i, 0.6, 0.5));
        }
        // 20 trials without a new best, but only 10 s since it: not yet.
        assertFalse(EarlyTermination.shouldStop(done, board));
        done.add(trial(41, 0.6, 30));
        // 40 s since the best, as long as it took to find: stop.
        assertTrue(EarlyTermination.shouldStop(done, board));
    }

    @Test
    void stopsOnlyAfterTwentyAndTenWithoutImprovement() {
        Leaderboard board = new Leaderboard(MetricCatalog.find("accuracy").orElseThrow());
        List<TrialResult> done = new ArrayList<>();
        for (int i = 1; i <= 19; i++) {
            done.add(trial(i, i == 1 ? 0.9 : 0.5));
        }
        assertFalse(EarlyTermination.shouldStop(done, board), "fewer than 20 completed");
        done.add(trial(20, 0.95));
        for (int i = 21; i <= 29; i++) {
            done.add(trial(i, 0.95, 2));
            assertFalse(EarlyTermination.shouldStop(done, board), "ties are not improvements, but only " + (i - 20) + " since");
        }
        done.add(trial(30, 0.94, 2)); // 20 s since the best, as long as the 20 s up to it
        assertTrue(EarlyTermination.shouldStop(done, board));
    }

    @Test
    void lowerIsBetterMetricsImproveDownwards() {
        Leaderboard board = new Leaderboard(MetricCatalog.find("normalized_root_mean_squared_error").orElseThrow());
        List<TrialResult> done = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            done.add(trial(i, 1.0 / i));
        }
        assertFalse(EarlyTermination.shouldStop(done, board));
    }
}

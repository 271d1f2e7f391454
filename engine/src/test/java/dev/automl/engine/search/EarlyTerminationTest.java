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

/** Early termination waits for 20 completed trials, then for 10 without a new best. */
class EarlyTerminationTest {

    private static TrialResult trial(int id, double score) {
        return new TrialResult(id, "LightGBM", Params.empty(), "random", TrialStatus.COMPLETED, "", Map.of(), score, 1, 1,
                Params.empty(), null);
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
            done.add(trial(i, 0.95));
            assertFalse(EarlyTermination.shouldStop(done, board), "ties are not improvements, but only " + (i - 20) + " since");
        }
        done.add(trial(30, 0.94));
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

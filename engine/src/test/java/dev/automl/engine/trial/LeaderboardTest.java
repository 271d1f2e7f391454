package dev.automl.engine.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.algorithms.Params;
import dev.automl.metrics.MetricCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranking: best first by the metric's direction, ties by trial id, unfinished trials last. */
class LeaderboardTest {

    private static TrialResult trial(int id, TrialStatus status, double score) {
        return TrialRows.of(id, "LightGBM").status(status).score(score).build();
    }

    @Test
    void ranksByDirectionThenId() {
        Leaderboard up = new Leaderboard(MetricCatalog.find("AUC_weighted").orElseThrow());
        Leaderboard down = new Leaderboard(MetricCatalog.find("normalized_mean_absolute_error").orElseThrow());
        for (Leaderboard b : List.of(up, down)) {
            b.add(trial(1, TrialStatus.COMPLETED, 0.5));
            b.add(trial(2, TrialStatus.FAILED, Double.NaN));
            b.add(trial(3, TrialStatus.COMPLETED, 0.7));
            b.add(trial(4, TrialStatus.COMPLETED, 0.5));
            b.add(trial(5, TrialStatus.TIMED_OUT, Double.NaN));
        }
        assertEquals(List.of(3, 1, 4, 2, 5), up.ranked().stream().map(TrialResult::id).toList());
        assertEquals(List.of(1, 4, 3, 2, 5), down.ranked().stream().map(TrialResult::id).toList());
        assertEquals(3, up.best().orElseThrow().id());
        assertEquals(3, up.count(TrialStatus.COMPLETED));
        assertEquals(1, up.count(TrialStatus.TIMED_OUT));
        assertEquals(6, up.nextId());
    }

    @Test
    void refitParamsAverageWhatFoldsFound() {
        Params combined = RefitParams.combine(List.of(Params.of("n_estimators", 100, "learning_rate", 0.05, "objective", "x"),
                Params.of("n_estimators", 121, "learning_rate", 0.05, "objective", "x")));
        assertEquals(Params.of("n_estimators", 111L, "learning_rate", 0.05, "objective", "x"), combined);
    }
}

package dev.automl.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.data.Task;
import dev.automl.engine.trial.Leaderboard;
import dev.automl.engine.trial.TrialFit;
import dev.automl.engine.trial.TrialOrigin;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialScores;
import dev.automl.engine.trial.TrialSpec;
import dev.automl.metrics.MetricCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The search on a made-up objective, where each trial's score and time are a fixed function of its learner and
 * hyperparameters: the same seed gives the same path, local search climbs, and learners that cannot fit in the
 * time left are not started.
 */
class CostFrugalSearchTest {

    private static final LearnerCatalog CATALOG = LearnerCatalog.standard();
    private static final DataShape SHAPE = new DataShape(5_000, 20, 2, 0.2);

    /** LightGBM is best at learning_rate 0.02 with 15 leaves; the others score a flat 0.80 (logistic 0.70). */
    private static double score(TrialSpec s) {
        Params p = s.params();
        return switch (s.learner().name()) {
            case "LightGBM" -> {
                double lr = Math.log(p.getDouble("learning_rate", 0.05) / 0.02);
                double leaves = Math.log(p.getDouble("num_leaves", 31) / 15.0);
                yield 0.9 - 0.02 * lr * lr - 0.02 * leaves * leaves;
            }
            case "LogisticRegression" -> 0.70;
            default -> 0.80;
        };
    }

    /** Seconds a trial takes: its learner's relative cost, slower with more leaves. */
    private static double seconds(TrialSpec s) {
        return s.learner().relativeCost() * (1 + s.params().getDouble("num_leaves", 31) / 100);
    }

    private static List<TrialSpec> run(long seed, int trials, double secondsLeft) {
        return run(seed, trials, secondsLeft, SHAPE);
    }

    private static List<TrialSpec> run(long seed, int trials, double secondsLeft, DataShape shape) {
        return run(seed, trials, secondsLeft, shape, new java.util.Random(0), 0);
    }

    /** @param jitter how far each measured time may stray, as a share of it: a busy machine */
    private static List<TrialSpec> run(long seed, int trials, double secondsLeft, DataShape shape, java.util.Random noise,
                                       double jitter) {
        CostFrugalSearch search = new CostFrugalSearch(CATALOG.select(Task.CLASSIFICATION, java.util.List.of(), java.util.List.of()), Task.CLASSIFICATION, shape, seed);
        Leaderboard board = new Leaderboard(MetricCatalog.find("AUC_weighted").orElseThrow());
        List<TrialSpec> path = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            Optional<TrialSpec> next = search.next(board, secondsLeft, secondsLeft);
            if (next.isEmpty()) {
                break;
            }
            TrialSpec s = next.get();
            path.add(s);
            double measured = seconds(s) * rowsShare(s, shape) * (1 + jitter * (2 * noise.nextDouble() - 1));
            board.add(TrialResult.completed(s.id(), s.configuration(), "",
                    new TrialScores(Map.of("AUC_weighted", score(s)), score(s), null), new TrialFit(measured, 1, s.params(), 1)));
        }
        return path;
    }

    /** Trials on a sample take the sample's share of the time. */
    private static double rowsShare(TrialSpec s, DataShape shape) {
        return s.sampleRows() == 0 ? 1 : (double) s.sampleRows() / shape.rows();
    }

    private static List<String> describe(List<TrialSpec> path) {
        return path.stream().map(s -> s.id() + " " + s.learner().name() + " " + s.params() + " on " + s.sampleRows()).toList();
    }

    @Test
    void sameSeedSamePathAndAnotherSeedAnother() {
        assertEquals(describe(run(7, 60, 100)), describe(run(7, 60, 100)));
        assertNotEquals(describe(run(7, 60, 100)), describe(run(8, 60, 100)));
    }

    @Test
    void timingNoiseDoesNotChangeThePath() {
        // Trials that take up to three times longer or shorter, as on a loaded machine, pick the same learners and
        // configurations when no deadline is near.
        List<String> quiet = describe(run(7, 80, 1_000, SHAPE, new java.util.Random(1), 0));
        assertEquals(quiet, describe(run(7, 80, 1_000, SHAPE, new java.util.Random(2), 0.7)));
        assertEquals(quiet, describe(run(7, 80, 1_000, SHAPE, new java.util.Random(3), 0.7)));
    }

    @Test
    void everyLearnerStartsFromItsCheapStartPointThenTheBestGetsTheTrials() {
        List<TrialSpec> path = run(1, 80, 100);
        List<String> first = path.subList(0, 5).stream().map(s -> s.learner().name()).toList();
        assertEquals(List.of("LightGBM", "XGBoostClassifier", "RandomForest", "ExtremeRandomTrees", "LogisticRegression"), first);
        assertEquals(Params.of("learning_rate", 0.05, "num_leaves", 31), path.get(0).params());
        long lightGbm = path.stream().filter(s -> s.learner().name().equals("LightGBM")).count();
        assertTrue(lightGbm > path.size() / 2, lightGbm + " of " + path.size() + " trials went to the best learner");
    }

    @Test
    void localSearchClimbsTowardsTheOptimum() {
        List<TrialSpec> path = run(3, 120, 100);
        double portfolioBest = path.stream().filter(s -> s.learner().name().equals("LightGBM") && s.origin() == TrialOrigin.PORTFOLIO)
                .mapToDouble(CostFrugalSearchTest::score).max().orElseThrow();
        double best = path.stream().mapToDouble(CostFrugalSearchTest::score).max().orElseThrow();
        assertTrue(path.stream().anyMatch(s -> s.origin() == TrialOrigin.LOCAL), describe(path).toString());
        // The portfolio's best is 0.8973 (learning rate 0.0152, 16 leaves); the optimum is 0.9.
        assertTrue(best > portfolioBest, best + " vs the portfolio's " + portfolioBest);
        assertTrue(best > 0.899, "best " + best);
    }

    @Test
    void learnersThatCannotFitInTheTimeLeftAreNotStarted() {
        // With 1.2 s a trial, XGBoost (relative cost 1.6, measured against LightGBM's 1.31 s) never starts,
        // and LightGBM's fastest trial (1.31 s) no longer fits either once it has run.
        List<TrialSpec> path = run(1, 20, 1.2);
        assertTrue(path.stream().noneMatch(s -> s.learner().name().startsWith("XGBoost")), describe(path).toString());
    }

    @Test
    void largeDataStartsOnASampleAndGrowsItWhenTimeAllows() {
        DataShape large = new DataShape(900_000, 20, 2, 0.2);
        List<TrialSpec> path = run(1, 60, 100, large);
        assertEquals(50_000, path.get(0).sampleRows());
        TrialSpec grown = path.stream().filter(s -> s.origin() == TrialOrigin.GROW).findFirst().orElseThrow();
        assertEquals(200_000, grown.sampleRows());
        assertTrue(path.stream().anyMatch(s -> s.sampleRows() == 0), describe(path).toString());
        // LightGBM's fastest trial here (8 leaves) takes 0.06 s on 50,000 rows, so 0.24 s on 200,000 rows: more
        // than half of the 0.4 s a trial may take, so LightGBM's sample does not grow (cheaper learners' may).
        List<TrialSpec> tight = run(1, 60, 0.4, large);
        assertTrue(tight.stream().filter(s -> s.learner().name().equals("LightGBM")).allMatch(s -> s.sampleRows() == 50_000),
                describe(tight).toString());
    }

    /** A search that has run every learner's start point, each taking {@link #seconds}. */
    private static CostFrugalSearch afterStartPoints(Leaderboard board) {
        CostFrugalSearch search = new CostFrugalSearch(CATALOG.select(Task.CLASSIFICATION, List.of(), List.of()),
                Task.CLASSIFICATION, SHAPE, 7);
        for (int i = 0; i < 5; i++) {
            add(board, search.next(board, 1_000, 1_000).orElseThrow(), "");
        }
        return search;
    }

    private static void add(Leaderboard board, TrialSpec s, String reason) {
        board.add(TrialResult.completed(s.id(), s.configuration(), reason,
                new TrialScores(Map.of("AUC_weighted", score(s)), score(s), null),
                new TrialFit(reason.isEmpty() ? seconds(s) : 0.01, 1, s.params(), 1)));
    }

    /** The learners of {@code trials} further trials, each given {@code share} seconds. */
    private static java.util.Set<String> learnersUnder(CostFrugalSearch search, Leaderboard board, double share, int trials) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (int i = 0; i < trials; i++) {
            Optional<TrialSpec> next = search.next(board, 1_000, share);
            if (next.isEmpty()) {
                break;
            }
            names.add(next.get().learner().name());
            add(board, next.get(), "");
        }
        return names;
    }

    @Test
    void aLearnerWhoseTrialsNeedMoreThanTwiceTheirShareIsNotStarted() {
        // The start points took 1.31 s (LightGBM) and 2.62 s (RandomForest): under a 0.6 s share (1.2 s at most)
        // neither is started again, under a 1 s share LightGBM is and RandomForest still is not.
        Leaderboard board = new Leaderboard(MetricCatalog.find("AUC_weighted").orElseThrow());
        java.util.Set<String> tight = learnersUnder(afterStartPoints(board), board, 0.6, 40);
        assertTrue(!tight.contains("LightGBM") && !tight.contains("RandomForest"), tight.toString());
        Leaderboard again = new Leaderboard(MetricCatalog.find("AUC_weighted").orElseThrow());
        java.util.Set<String> wider = learnersUnder(afterStartPoints(again), again, 1, 40);
        assertTrue(wider.contains("LightGBM") && !wider.contains("RandomForest"), wider.toString());
    }

    @Test
    void aTrialCutShortAtItsShareDoesNotCountAsTheLearnersSpeed() {
        Leaderboard board = new Leaderboard(MetricCatalog.find("AUC_weighted").orElseThrow());
        CostFrugalSearch search = afterStartPoints(board);
        // LightGBM's start point took 1.31 s; a trial of it cut short after 0.01 s says nothing of its speed, so
        // under a 0.6 s share (1.2 s at most) LightGBM is still not started.
        TrialSpec lightGbm;
        do {
            lightGbm = search.next(board, 1_000, 1_000).orElseThrow();
            add(board, lightGbm, lightGbm.learner().name().equals("LightGBM")
                    ? "cut short at its share of the search's time left (1 s); scored as trained so far" : "");
        } while (!lightGbm.learner().name().equals("LightGBM"));
        assertTrue(board.byId(lightGbm.id()).orElseThrow().cutShort());
        assertTrue(!learnersUnder(search, board, 0.6, 40).contains("LightGBM"));
    }
}

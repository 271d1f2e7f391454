package dev.automl.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.data.Task;
import dev.automl.engine.job.EnsembleSettings;
import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.Scorer;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialRows;
import dev.automl.engine.trial.TrialStatus;
import dev.automl.featurization.Target;
import dev.automl.metrics.MetricCatalog;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ensembles of made-up trials on 200 binary rows whose predictions are known. */
class EnsembleBuilderTest {

    private static final int ROWS = 200;
    private static final Target Y = target();
    private static final Scorer AUC = new Scorer(Task.CLASSIFICATION, 1, 0, MetricCatalog.find("AUC_weighted").orElseThrow());

    private static Target target() {
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = i % 2;
        }
        return new Target(Task.CLASSIFICATION, y, List.of("0", "1"), null);
    }

    /** Probabilities that rank the rows right with noise of the given size, so that averaging two such helps. */
    private static double[] noisy(long seed, double noise) {
        Random r = new Random(seed);
        double[] p = new double[ROWS * 2];
        for (int i = 0; i < ROWS; i++) {
            double p1 = Math.min(1, Math.max(0, 0.3 + 0.4 * (i % 2) + noise * r.nextGaussian()));
            p[2 * i] = 1 - p1;
            p[2 * i + 1] = p1;
        }
        return p;
    }

    private static TrialResult row(int id, String algorithm, long seed) {
        double[] p = noisy(seed, 0.3);
        return TrialRows.of(id, algorithm).score(AUC.primaryScore(Y, p)).predictions(p).build();
    }

    private static EnsembleBuilder builder() {
        return new EnsembleBuilder(AUC, Y, MetaLearnerChoice.of(EnsembleSettings.defaults(), Task.CLASSIFICATION,
                LearnerCatalog.standard()), 3);
    }

    @Test
    void candidatesAreCompletedSingleTrialsWithEveryPredictionBestFirst() {
        TrialResult a = row(1, "LightGBM", 1);
        TrialResult failed = TrialRows.of(2, "LightGBM").status(TrialStatus.FAILED).build();
        TrialResult partial = TrialRows.of(3, "RandomForest").score(0.99).build(); // scored on some folds only
        TrialResult b = row(4, "LogisticRegression", 2);
        TrialResult vote = TrialRows.of(5, new Candidate.Vote(List.of(1, 4), new double[] {0.5, 0.5}))
                .score(0.999).predictions(noisy(9, 0.1)).build();
        assertEquals(List.of(a, b), EnsembleBuilder.candidates(List.of(vote, a, failed, partial, b)));
    }

    @Test
    void theVoteBeatsItsMembersAndTheStackIsScoredCrossFitted() {
        List<TrialResult> candidates = List.of(row(1, "LightGBM", 1), row(2, "XGBoostClassifier", 2), row(3, "RandomForest", 3));
        TrialResult vote = builder().vote(4, candidates, Deadline.afterSeconds(30));
        assertEquals("VotingEnsemble", vote.algorithm());
        assertTrue(vote.score() > candidates.stream().mapToDouble(TrialResult::score).max().orElseThrow(),
                "independent errors average out: " + vote.score());
        Candidate.Vote v = (Candidate.Vote) vote.candidate();
        assertTrue(v.memberIds().size() >= 2, v.memberIds().toString());

        TrialResult stack = builder().stack(5, candidates, v.memberIds(), Deadline.afterSeconds(30));
        assertEquals(TrialStatus.COMPLETED, stack.status(), stack.reason());
        assertEquals(List.of(1, 2, 3), ((Candidate.Stack) stack.candidate()).memberIds());
        assertTrue(stack.score() > 0.8, "a cross-fitted stack of three good members: " + stack.score());
    }

    @Test
    void aStackWithNoTimeLeftTimesOutWithItsReason() {
        List<TrialResult> candidates = List.of(row(1, "LightGBM", 1), row(2, "XGBoostClassifier", 2));
        TrialResult stack = builder().stack(3, candidates, List.of(1, 2), Deadline.afterSeconds(-1));
        assertEquals(TrialStatus.TIMED_OUT, stack.status());
        assertEquals("no time left to fit the meta-learner", stack.reason());
        assertEquals("LogisticRegressionCV", stack.params().values().get("stack_meta_learner_type"));
    }
}

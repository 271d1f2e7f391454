package dev.automl.engine.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.SearchSpace;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.engine.job.DataReference;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.engine.validation.ValidationPlanner;
import dev.automl.featurization.FeatureView;
import dev.automl.metrics.MetricCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One trial on blood transfusion's three folds: scored out of fold, timed out at its deadline, failed with a reason. */
class TrialRunnerTest {

    private static JobData data;
    private static ValidationPlan plan;
    private static Scorer scorer;

    @BeforeAll
    static void read() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("testdata"))) {
            root = root.getParent();
        }
        JobSpec spec = JobSpec.builder(Task.CLASSIFICATION, "donated", MetricCatalog.find("AUC_weighted").orElseThrow(),
                new DataReference(root.resolve("testdata/blood_transfusion/blood_transfusion.csv"), "uri_file")).build();
        data = JobData.load(spec, note -> { });
        plan = ValidationPlanner.plan(data.target(), data.trainRows(), 3, null, 1);
        scorer = Scorer.of(spec, data, plan);
    }

    private static TrialRunner runner() {
        return new TrialRunner(new FeatureCache(data, plan, dev.automl.featurization.FeaturizationSettings.auto()), scorer);
    }

    private static TrialSpec spec(Learner learner) {
        return new TrialSpec(1, new Candidate.Configuration(learner, Params.empty(), TrialOrigin.PORTFOLIO, 0));
    }

    @Test
    void aCompletedTrialIsScoredOnEveryRowOutOfFoldAndKeepsItsFirstFoldModel() {
        Learner logistic = LearnerCatalog.standard().byName("LogisticRegression").orElseThrow();
        try (TrialOutcome o = runner().run(spec(logistic), Deadline.afterSeconds(60), 2, 5, "the test's limit", false)) {
            TrialResult r = o.result();
            assertTrue(r.completed(), r.toString());
            assertEquals(3, r.foldsFitted());
            assertEquals(748 * 2, r.validPredictions().length);
            // The same metric from the predictions it reports: out-of-fold scores are the row's scores.
            assertEquals(scorer.primaryScore(data.target().select(plan.scoredRows()), r.validPredictions()), r.score(), 1e-12);
            assertTrue(r.score() > 0.7 && r.score() < 0.8, "logistic regression's AUC on blood is about 0.75: " + r.score());
            assertEquals("", r.reason());
            assertNotNull(o.standIn());
        }
    }

    @Test
    void aTrialPastItsTrialTimeoutIsTimedOutAndKeepsNoModel() {
        Learner lightGbm = LearnerCatalog.standard().byName("LightGBM").orElseThrow();
        TrialOutcome o = runner().run(spec(lightGbm), Deadline.afterSeconds(-1), 2, 5,
                "the trial time limit (trial_timeout_minutes: 1)", false);
        assertEquals(TrialStatus.TIMED_OUT, o.result().status());
        assertEquals("stopped at the trial time limit (trial_timeout_minutes: 1) after 0 of 3 folds", o.result().reason());
        assertNull(o.standIn());
        assertTrue(Double.isNaN(o.result().score()));
    }

    @Test
    void aLearnerThatThrowsFailsItsTrialWithTheReason() {
        TrialOutcome o = runner().run(spec(new Throwing()), Deadline.afterSeconds(60), 1, 5, "the test's limit", false);
        assertEquals(TrialStatus.FAILED, o.result().status());
        assertEquals("IllegalArgumentException: num_leaves must be positive", o.result().reason());
        assertEquals("Throwing", o.result().algorithm());
        assertNull(o.standIn());
    }

    /** A learner whose every fit fails, as one with a bad hyperparameter does. */
    private static final class Throwing implements Learner {
        @Override
        public String name() {
            return "Throwing";
        }

        @Override
        public Set<Task> tasks() {
            return Set.of(Task.CLASSIFICATION);
        }

        @Override
        public FeatureView view() {
            return FeatureView.TREES;
        }

        @Override
        public double relativeCost() {
            return 1;
        }

        @Override
        public SearchSpace space(Task task, DataShape shape) {
            return new SearchSpace(List.of());
        }

        @Override
        public List<Params> portfolio(Task task, DataShape shape) {
            return List.of(Params.empty());
        }

        @Override
        public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
            throw new IllegalArgumentException("num_leaves must be positive");
        }

        @Override
        public FittedModel load(Path dir, Task task, int numClasses) {
            throw new UnsupportedOperationException();
        }
    }
}

package dev.automl.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Column;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.engine.model.Member;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.Target;
import dev.automl.featurization.TargetEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Permutation importance on a synthetic regression where only two of eight columns matter. */
class PermutationImportanceTest {

    private static final int ROWS = 1_000;

    /** x0 ... x7 uniform; y = 3 x0 + 2 x3 plus a little noise. */
    private static Table data(Random random) {
        List<Column> columns = new ArrayList<>();
        double[][] x = new double[8][ROWS];
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < 8; j++) {
                x[j][i] = random.nextDouble();
            }
            y[i] = 3 * x[0][i] + 2 * x[3][i] + 0.05 * random.nextGaussian();
        }
        for (int j = 0; j < 8; j++) {
            columns.add(new NumericColumn("x" + j, x[j]));
        }
        columns.add(new NumericColumn("y", y));
        return new Table(columns);
    }

    private static double rmse(Target y, double[] p) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += (y.y()[i] - p[i]) * (y.y()[i] - p[i]);
        }
        return Math.sqrt(s / p.length);
    }

    private static TrainedPipeline pipeline(String algorithm, Table features, Target y) {
        FittedFeaturizer featurizer = new Featurizer(FeaturizationSettings.auto()).fit(features, null);
        Learner learner = LearnerCatalog.standard().find(algorithm, Task.REGRESSION).orElseThrow();
        FittedModel model = learner.fit(new TrainingData(featurizer.transform(features, null, learner.view()), y), null,
                Params.empty(), new TrialContext(Deadline.never(), 1, 1));
        return TrainedPipeline.single(featurizer, TargetEncoding.fit(features.column("x0"), Task.REGRESSION),
                new Member(learner, Params.empty(), model));
    }

    @Test
    void theTwoColumnsThatMatterComeFirstForEveryKindOfModel() {
        Table all = data(new Random(1));
        Table features = all.drop(List.of("y"));
        Target y = new Target(Task.REGRESSION, ((NumericColumn) all.column("y")).values(), List.of(), null);
        for (String algorithm : List.of("LightGBM", "ElasticNet", "RandomForest", "KNN")) {
            try (TrainedPipeline p = pipeline(algorithm, features, y)) {
                PermutationImportance.Result r = PermutationImportance.compute(p, features, y, features.columnNames(),
                        PermutationImportanceTest::rmse, 3, 7, Deadline.never());
                assertEquals(3, r.repeats(), algorithm);
                assertEquals(Set.of("x0", "x3"), Set.of(r.raw().get(0).name(), r.raw().get(1).name()), algorithm + ": " + r.raw());
                assertEquals("x0", r.raw().get(0).name(), algorithm + ": x0 weighs 3, x3 2");
                assertTrue(r.raw().get(2).mean() < 0.2 * r.raw().get(1).mean(), algorithm + ": " + r.raw());
                assertEquals(Set.of("x0", "x3"), Set.of(r.engineered().get(0).source(), r.engineered().get(1).source()),
                        algorithm + ": " + r.engineered());
            }
        }
    }

    @Test
    void aSpentBudgetLeavesTheFewestRowsAndSaysItWasCutShort() {
        Table all = data(new Random(2));
        Table features = all.drop(List.of("y"));
        Target y = new Target(Task.REGRESSION, ((NumericColumn) all.column("y")).values(), List.of(), null);
        try (TrainedPipeline p = pipeline("LightGBM", features, y)) {
            PermutationImportance.Result r = PermutationImportance.compute(p, features, y, features.columnNames(),
                    PermutationImportanceTest::rmse, 3, 7, Deadline.afterSeconds(0));
            assertEquals(PermutationImportance.MIN_ROWS, r.rows());
            assertTrue(r.cutShort());
            assertEquals(0, r.repeats());
            // The same seed, the same importances.
            PermutationImportance.Result a = PermutationImportance.compute(p, features, y, features.columnNames(),
                    PermutationImportanceTest::rmse, 2, 7, Deadline.never());
            PermutationImportance.Result b = PermutationImportance.compute(p, features, y, features.columnNames(),
                    PermutationImportanceTest::rmse, 2, 7, Deadline.never());
            assertEquals(a.raw(), b.raw());
        }
    }
}

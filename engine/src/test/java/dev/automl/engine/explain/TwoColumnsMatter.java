package dev.automl.engine.explain;

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

/** A synthetic regression where only two of eight columns matter (y = 3 x0 + 2 x3 plus noise), and pipelines on it. */
final class TwoColumnsMatter {

    private static final int ROWS = 1_000;

    /** x0 ... x7 uniform; y = 3 x0 + 2 x3 plus a little noise. */
    static Table data(Random random) {
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

    static double rmse(Target y, double[] p) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += (y.y()[i] - p[i]) * (y.y()[i] - p[i]);
        }
        return Math.sqrt(s / p.length);
    }

    static TrainedPipeline pipeline(String algorithm, Table features, Target y) {
        FittedFeaturizer featurizer = new Featurizer(FeaturizationSettings.auto()).fit(features, null);
        Learner learner = LearnerCatalog.standard().find(algorithm, Task.REGRESSION).orElseThrow();
        FittedModel model = learner.fit(new TrainingData(featurizer.transform(features, null, learner.view()), y), null,
                Params.empty(), new TrialContext(Deadline.never(), 1, 1));
        return TrainedPipeline.single(featurizer, TargetEncoding.fit(features.column("x0"), Task.REGRESSION),
                new Member(learner, Params.empty(), model));
    }

    /** The target of a draw. */
    static Target target(Table all) {
        return new Target(Task.REGRESSION, ((NumericColumn) all.column("y")).values(), List.of(), null);
    }

    private TwoColumnsMatter() {
    }
}

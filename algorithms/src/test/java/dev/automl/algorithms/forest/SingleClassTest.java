package dev.automl.algorithms.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.featurization.FeatureMatrix;
import java.util.BitSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SingleClassTest {

    @Test
    void trainingRowsOfOneClassPredictThatClass() {
        TestTables.Split s = TestTables.iris(false);
        int[] rows = IntStream.range(0, s.train().y().size()).filter(i -> s.train().y().classOf(i) == 2).toArray();
        FeatureMatrix x = s.train().x();
        float[] v = new float[rows.length * x.cols()];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x.values(), rows[i] * x.cols(), v, i * x.cols(), x.cols());
        }
        TrainingData one = new TrainingData(new FeatureMatrix(v, rows.length, x.cols(), x.names(), new BitSet()),
                s.train().y().select(rows));
        for (Learner l : new Learner[] {new RandomForest(), new ExtremeRandomTrees()}) {
            Predictions p = l.fit(one, null, Params.of("n_estimators", 5), new TrialContext(Deadline.never(), 1, 1))
                    .predict(s.test().x());
            for (int i = 0; i < p.rows(); i++) {
                assertEquals(1.0, p.probability(i, 2), l.name());
            }
        }
    }
}

package dev.automl.algorithms.svm;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forest.CovertypeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures LIBSVM's fit time in kernel evaluations per squared row, the figure behind {@link FitTime}; run by hand
 * only: {@code mvn -o -pl algorithms test -Dtest=SvmFitTimeBench -Dautoml.bench=true}.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class SvmFitTimeBench {

    @Test
    void kernelEvaluationsPerRowSquared() throws Exception {
        for (int rows : new int[] {1_000, 2_000, 4_000, 8_000}) {
            TrainingData d = CovertypeData.standardised(rows);
            double eval = FitTime.secondsPerKernelEvaluation(d.x());
            long t = System.nanoTime();
            new SupportVectorMachine().fit(d, null, Params.empty(), new TrialContext(Deadline.never(), 1, 1));
            double secs = (System.nanoTime() - t) / 1e9;
            System.out.printf("SVM %d rows x %d features, 7 classes: %.2f s = %.2f kernel evaluations per row squared%n",
                    rows, d.x().cols(), secs, secs / eval / ((double) rows * rows));
        }
    }
}

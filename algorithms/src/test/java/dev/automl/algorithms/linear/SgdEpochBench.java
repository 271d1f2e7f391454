package dev.automl.algorithms.linear;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forest.CovertypeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures what one SGD epoch and one LinearSVM iteration cost in {@link IterationBudget}'s data passes, the figures
 * behind their deadline estimates; run by hand only:
 * {@code mvn -o -pl algorithms test -Dtest=SgdEpochBench -Dautoml.bench=true}.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class SgdEpochBench {

    /** LinearSVM's C: a larger one makes each Newton step's conjugate-gradient solve longer; try -Dsvm.c=100. */
    private static final double C = Double.parseDouble(System.getProperty("svm.c", "1"));

    @Test
    void passesPerEpoch() throws Exception {
        for (int rows : new int[] {20_000, 50_000}) {
            TrainingData d = CovertypeData.standardised(rows);
            double pass = IterationBudget.secondsPerPass(d.x().toDoubleRows());
            for (String loss : new String[] {"log", "hinge"}) {
                long t = System.nanoTime();
                new StochasticGradientDescent().fit(d, null, Params.of("epochs", 5, "loss", loss),
                        new TrialContext(Deadline.never(), 1, 1));
                double perEpoch = (System.nanoTime() - t) / 1e9 / 5;
                System.out.printf("SGD %s %d rows x %d features, 7 classes: %.3f s per epoch = %.1f passes per output%n",
                        loss, rows, d.x().cols(), perEpoch, perEpoch / pass / 7);
            }
            for (int iterations : new int[] {1, 3, 10, 1000}) {
                long t = System.nanoTime();
                var m = new LinearSvm().fit(d, null, Params.of("max_iter", iterations, "C", C),
                        new TrialContext(Deadline.never(), 1, 1));
                double secs = (System.nanoTime() - t) / 1e9;
                System.out.printf("LinearSVM %d rows: %.3f s for up to %d iterations (%.1f passes per output each), params %s%n",
                        rows, secs, iterations, secs / iterations / pass / 7, m.fittedParams());
            }
        }
    }
}

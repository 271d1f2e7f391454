package dev.automl.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.Task;
import dev.automl.engine.model.ProbabilityCalibration;
import dev.automl.featurization.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Calibrations fitted to probabilities whose miscalibration is known, on labels drawn from the true ones. */
class ProbabilityCalibratorTest {

    private static final int ROWS = 4_000;
    private static final int CLASSES = 3;

    /** True probabilities per row (a softmax of random margins) and labels drawn from them. */
    private record Drawn(double[] truth, Target y) {
    }

    private static Drawn draw(long seed) {
        Random r = new Random(seed);
        double[] truth = new double[ROWS * CLASSES];
        double[] y = new double[ROWS];
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            labels.add("c" + c);
        }
        for (int i = 0; i < ROWS; i++) {
            double sum = 0;
            for (int c = 0; c < CLASSES; c++) {
                truth[i * CLASSES + c] = Math.exp(2 * r.nextGaussian());
                sum += truth[i * CLASSES + c];
            }
            double u = r.nextDouble();
            int label = CLASSES - 1;
            for (int c = 0; c < CLASSES; c++) {
                truth[i * CLASSES + c] /= sum;
            }
            for (int c = 0; c < CLASSES; c++) {
                u -= truth[i * CLASSES + c];
                if (u < 0) {
                    label = c;
                    break;
                }
            }
            y[i] = label;
        }
        return new Drawn(truth, new Target(Task.CLASSIFICATION, y, labels, null));
    }

    @Test
    void powerAndFloorComputedByHand() {
        // [0.2, 0.8] squared is [0.04, 0.64], renormalised [1/17, 16/17]; a tenth mixed with the uniform half.
        double[] q = new ProbabilityCalibration(2, 0.1).apply(new double[] {0.2, 0.8}, 2);
        assertArrayEquals(new double[] {0.9 / 17 + 0.05, 0.9 * 16 / 17 + 0.05}, q, 1e-15);
        assertArrayEquals(new double[] {0.2, 0.8}, ProbabilityCalibration.NONE.apply(new double[] {0.2, 0.8}, 2), 0);
    }

    @Test
    void hedgedProbabilitiesAreSharpenedBackToThePowerThatHedgedThem() {
        Drawn d = draw(1);
        // An average of models hedges: the square root of the truth, renormalised, as a power of 1/2 would give.
        double[] hedged = new ProbabilityCalibration(0.5, 0).apply(d.truth(), CLASSES);
        ProbabilityCalibrator.Fit fit = ProbabilityCalibrator.fit(d.y(), hedged, 7);
        assertEquals(2.0, fit.calibration().power(), 0.2);
        assertTrue(fit.pays());
        assertTrue(fit.crossFittedLogLoss() < fit.plainLogLoss() - 0.02,
                fit.crossFittedLogLoss() + " against " + fit.plainLogLoss());
    }

    @Test
    void confidentMistakesGetAFloorAndNoProbabilityIsZero() {
        Drawn d = draw(2);
        // The truth, rounded to certainty: every row whose label was not its most likely class is a confident mistake.
        double[] certain = new double[d.truth().length];
        for (int i = 0; i < ROWS; i++) {
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                best = d.truth()[i * CLASSES + c] > d.truth()[i * CLASSES + best] ? c : best;
            }
            certain[i * CLASSES + best] = 1;
        }
        ProbabilityCalibrator.Fit fit = ProbabilityCalibrator.fit(d.y(), certain, 7);
        assertTrue(fit.pays());
        assertTrue(fit.calibration().floor() >= 0.03, "floor " + fit.calibration().floor());
        for (double p : fit.calibration().apply(certain, CLASSES)) {
            assertTrue(p > 0 && p < 1, "probability " + p);
        }
    }

    @Test
    void wellCalibratedProbabilitiesAreLeftAsTheyAre() {
        Drawn d = draw(3);
        ProbabilityCalibrator.Fit fit = ProbabilityCalibrator.fit(d.y(), d.truth(), 7);
        assertEquals(1.0, fit.calibration().power(), 0.1);
        assertFalse(fit.crossFittedLogLoss() < fit.plainLogLoss() - 0.002,
                fit.crossFittedLogLoss() + " against " + fit.plainLogLoss());
        for (double p : fit.plain()) {
            assertTrue(p >= ProbabilityCalibration.LEAST_FLOOR / CLASSES);
        }
    }
}

package dev.automl.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bag of made-up models whose predictions and contributions are known: averaged, saved and read back. */
class BaggedModelTest {

    @TempDir
    Path dir;

    private static final FeatureMatrix X = new FeatureMatrix(new float[] {1, 2}, 2, 1, List.of("x"), new BitSet());

    /** Predicts {@code value} for every row (regression) or {@code value} for class 1 (classification). */
    private record Constant(Task task, double value) implements FittedModel {
        @Override
        public Predictions predict(FeatureMatrix x) {
            if (task == Task.REGRESSION) {
                return Predictions.regression(new double[] {value, value});
            }
            return Predictions.probabilities(new double[] {1 - value, value, 1 - value, value}, 2);
        }

        @Override
        public Optional<Contributions> contributions(FeatureMatrix x) {
            return Optional.of(new Contributions(2, 1, 1, new double[] {value - 1, value - 1}, new double[] {1}));
        }

        @Override
        public void save(Path d) throws java.io.IOException {
            Files.writeString(d.resolve("value.txt"), Double.toString(value));
        }

        @Override
        public Params fittedParams() {
            return Params.of("value", value);
        }
    }

    @Test
    void predictionsAreTheModelsMeanAndSoAreARegressionBagsContributions() {
        BaggedModel bag = new BaggedModel(Task.REGRESSION, List.of(new Constant(Task.REGRESSION, 2),
                new Constant(Task.REGRESSION, 4)));
        assertArrayEquals(new double[] {3, 3}, bag.predict(X).values(), 0);
        Contributions c = bag.contributions(X).orElseThrow();
        assertArrayEquals(new double[] {2, 2}, c.values(), 0);
        assertEquals(3, c.margin(0, 0), 0, "the mean contributions add up to the mean prediction");
        BaggedModel classes = new BaggedModel(Task.CLASSIFICATION, List.of(new Constant(Task.CLASSIFICATION, 0.2),
                new Constant(Task.CLASSIFICATION, 0.6)));
        assertArrayEquals(new double[] {0.6, 0.4, 0.6, 0.4}, classes.predict(X).values(), 1e-15);
        assertTrue(classes.contributions(X).isEmpty(), "margins pass through a link before a classifier's are averaged");
    }

    @Test
    void eachModelIsSavedInANumberedFolderAndReadBackInOrder() throws Exception {
        BaggedModel bag = new BaggedModel(Task.REGRESSION, List.of(new Constant(Task.REGRESSION, 2),
                new Constant(Task.REGRESSION, 5), new Constant(Task.REGRESSION, 8)));
        bag.save(dir);
        BaggedModel back = BaggedModel.load(dir, Task.REGRESSION, 3,
                d -> new Constant(Task.REGRESSION, Double.parseDouble(Files.readString(d.resolve("value.txt")))));
        assertEquals(3, back.size());
        assertArrayEquals(new double[] {5, 5}, back.predict(X).values(), 0);
        assertEquals(Params.of("value", 2.0), back.fittedParams());
    }
}

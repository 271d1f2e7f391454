package dev.automl.algorithms.boosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved LightGBM model that is cut short or damaged is refused with a message: LightGBM's own parser aborts the
 * JVM on such text, so each of these would otherwise end the test run.
 */
class LightGbmModelTextTest {

    @TempDir
    Path tmp;

    /** Three classes and a few rounds: trees with splits, several per round. */
    private String savedModel() throws IOException {
        try (FittedModel m = new LightGbmLearner().fit(BoostingLearnerContract.IRIS.select(BoostingLearnerContract.TRAIN_ALL),
                null, Params.of("n_estimators", 4, "num_leaves", 4, "min_data_in_leaf", 3), BoostingLearnerContract.ctx(1))) {
            m.save(tmp);
        }
        return Files.readString(tmp.resolve(LightGbmModel.MODEL_FILE));
    }

    @Test
    void everyCutOfAModelIsLoadedOrRefusedWithoutACrash() throws IOException {
        String text = savedModel();
        LightGbmModelText.check(text);
        int refused = 0;
        for (int end = 0; end < text.length(); end += 3) {
            try (LightGbmBooster b = LightGbmBooster.fromModelString(text.substring(0, end))) {
                assertTrue(b.numFeatures() > 0);
            } catch (IllegalStateException e) {
                refused++;
            }
        }
        assertTrue(refused > text.length() / 6, refused + " of " + text.length() / 3 + " cuts refused");
    }

    @Test
    void aDamagedTreeIsNamed() throws IOException {
        String text = savedModel();
        String noLeaves = text.replaceFirst("(?m)^leaf_value=.*$", "leaf_value=0.5");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LightGbmModelText.check(noLeaves));
        assertTrue(e.getMessage().startsWith("not a whole LightGBM model: tree 0 leaf_value has 1 values where "),
                e.getMessage());
        String outside = text.replaceFirst("(?m)^left_child=\\S+", "left_child=99");
        e = assertThrows(IllegalStateException.class, () -> LightGbmModelText.check(outside));
        assertEquals("not a whole LightGBM model: tree 0 left_child points at 99.0, outside the tree. Train the model"
                + " again.", e.getMessage());
        String cut = text.substring(0, text.indexOf("end of trees") - 40);
        e = assertThrows(IllegalStateException.class, () -> LightGbmModelText.check(cut));
        assertEquals("not a whole LightGBM model: it has no 'end of trees' line, so it is cut short. Train the model"
                + " again.", e.getMessage());
    }

    @Test
    void theWholeModelStillPredicts() throws IOException {
        String text = savedModel();
        try (FittedModel m = LightGbmModel.load(tmp, Task.CLASSIFICATION, 3, 1)) {
            Predictions p = m.predict(BoostingLearnerContract.IRIS.select(BoostingLearnerContract.TEST).x());
            assertEquals(3, p.numClasses());
        }
        assertTrue(text.contains("end of trees"));
    }
}

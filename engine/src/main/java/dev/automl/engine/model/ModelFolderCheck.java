package dev.automl.engine.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.data.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks of a model folder a user names before it is loaded, each failing with what is wrong with the folder
 * itself (absent, a file, a run's folder rather than its model, a damaged {@code model.json}) rather than with a
 * parser's message about its bytes.
 */
final class ModelFolderCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHAT_IT_IS = "the model folder of a run (outputs/<job>/model)";

    private ModelFolderCheck() {
    }

    static void requireUsable(Path dir) {
        Path shown = dir.toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            throw new InvalidInputException("The model folder " + shown + " does not exist. Point --model at "
                    + WHAT_IT_IS + ".");
        }
        if (!Files.isDirectory(dir)) {
            Path parent = shown.getParent();
            throw new InvalidInputException(shown + " is a file; point --model at " + WHAT_IT_IS
                    + (shown.getFileName().toString().equals(ModelStore.MANIFEST) && parent != null
                    ? ", here " + parent : "") + ".");
        }
        Path manifest = dir.resolve(ModelStore.MANIFEST);
        if (!Files.exists(manifest) && Files.isRegularFile(dir.resolve("model").resolve(ModelStore.MANIFEST))) {
            throw new InvalidInputException(shown + " is a run's output folder; its model is in "
                    + shown.resolve("model") + ". Point --model there.");
        }
        if (!Files.isRegularFile(manifest)) {
            return; // ModelStore says that model.json is missing.
        }
        try {
            if (Files.size(manifest) == 0) {
                throw new InvalidInputException(manifest.toAbsolutePath().normalize() + " is empty, so the model"
                        + " folder is damaged. Run the job again to save a new model.");
            }
            JSON.readTree(manifest.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(manifest.toAbsolutePath().normalize() + (e.getLocation() == null ? ""
                    : ", line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())
                    + ": not valid JSON (" + e.getOriginalMessage() + "), so the model folder is damaged or cut short."
                    + " Run the job again to save a new model.");
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + manifest.toAbsolutePath().normalize() + ": "
                    + e.getMessage());
        }
    }
}

package dev.automl.engine.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.data.ColumnType;
import dev.automl.data.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Writes a trained pipeline to a model directory ({@code model.json} + {@code learner/}) and reads it back. */
public final class ModelStore {

    static final String MANIFEST = "model.json";
    static final String LEARNER_DIR = "learner";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelStore() {
    }

    public static void save(Path dir, TrainedPipeline pipeline, Map<String, ColumnType> schema, String targetColumn,
                            Map<String, Object> provenance) throws IOException {
        delete(dir);
        Files.createDirectories(dir.resolve(LEARNER_DIR));
        pipeline.model().save(dir.resolve(LEARNER_DIR));
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String c : pipeline.featurizer().requiredColumns()) {
            inputs.put(c, schema.get(c).name().toLowerCase(Locale.ROOT));
        }
        ModelManifest m = new ModelManifest(ModelManifest.FORMAT_VERSION, targetColumn, pipeline.target(),
                pipeline.learner().name(), pipeline.view().name().toLowerCase(Locale.ROOT), pipeline.params().values(), inputs,
                pipeline.featurizer(), provenance);
        JSON.writeValue(dir.resolve(MANIFEST).toFile(), m);
    }

    /** A saved model, ready to predict. */
    public record LoadedModel(ModelManifest manifest, TrainedPipeline pipeline) implements AutoCloseable {

        /** The types to read new data with, so that it is parsed as the training data was. */
        public Map<String, ColumnType> inputTypes() {
            Map<String, ColumnType> out = new LinkedHashMap<>();
            manifest.inputColumns().forEach((k, v) -> out.put(k, ColumnType.valueOf(v.toUpperCase(Locale.ROOT))));
            return out;
        }

        @Override
        public void close() {
            pipeline.close();
        }
    }

    public static LoadedModel load(Path dir, LearnerCatalog catalog) {
        Path manifestFile = dir.resolve(MANIFEST);
        ModelManifest m;
        try {
            m = JSON.readValue(manifestFile.toFile(), ModelManifest.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InvalidInputException("No model at " + dir.toAbsolutePath().normalize() + ": " + MANIFEST
                    + " is missing. Point --model at the model folder of a run (outputs/<job>/model).");
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the model " + manifestFile + ": " + e.getMessage());
        }
        if (m.formatVersion() != ModelManifest.FORMAT_VERSION) {
            throw new InvalidInputException("The model at " + dir + " has format version " + m.formatVersion()
                    + "; this build reads version " + ModelManifest.FORMAT_VERSION + ".");
        }
        Learner learner = catalog.byName(m.algorithm()).orElseThrow(() -> new InvalidInputException(
                "The model at " + dir + " uses the algorithm '" + m.algorithm() + "', which this build does not have."));
        try {
            FittedModel model = learner.load(dir.resolve(LEARNER_DIR), m.target().task(), m.target().labels().size());
            TrainedPipeline p = new TrainedPipeline(m.featurizer(), m.target(), learner, Params.of(m.hyperparameters()), model);
            return new LoadedModel(m, p);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the model files in " + dir.resolve(LEARNER_DIR) + ": " + e.getMessage());
        }
    }

    /** Removes a model directory and everything in it, if it exists. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.automl.engine.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.automl.algorithms.BaggedModel;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.data.ColumnType;
import dev.automl.data.DataSource;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.featurization.series.SeriesFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Writes a trained pipeline to a model directory ({@code model.json}, {@code members/<i>/}, and {@code meta/} for a
 * stack) and reads it back.
 */
public final class ModelStore {

    static final String MANIFEST = "model.json";
    static final String MEMBERS_DIR = "members";
    static final String META_DIR = "meta";
    /** A few training rows that sampled explanations compare new rows against. */
    static final String BACKGROUND = "background.csv";
    /** Where a model is written before it takes the model folder's place: {@code model.saving} beside {@code model}. */
    static final String STAGING = ".saving";
    /** Where the model before it waits while a new one takes its place. */
    static final String PREVIOUS = ".previous";
    /** Background rows: each costs one prediction per column per explained row. */
    public static final int BACKGROUND_ROWS = 32;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelStore() {
    }

    public static void save(Path dir, TrainedPipeline pipeline, Map<String, ColumnType> schema, String targetColumn,
                            Provenance provenance) throws IOException {
        save(dir, pipeline, schema, targetColumn, provenance, null);
    }

    /** @param intervals a forecasting model's prediction intervals; null for none */
    public static void save(Path dir, TrainedPipeline pipeline, Map<String, ColumnType> schema, String targetColumn,
                            Provenance provenance, ForecastIntervals intervals) throws IOException {
        save(dir, pipeline, schema, targetColumn, provenance, intervals, null);
    }

    /**
     * Rows of the training data saved beside the model for explaining it later (see {@link #BACKGROUND}).
     *
     * @param trainRows how many leading rows of the table are training rows (the rest are validation rows)
     */
    public record Background(Table table, int trainRows, long seed) {
    }

    /**
     * Saves the model into a staging folder beside {@code dir} and only then puts it in {@code dir}'s place, so that
     * a full disk, an unwritable folder or a kill while saving leaves the model that was there before intact (a kill
     * between the two renames at the end leaves it as {@code dir.previous}, which {@link #load} falls back to).
     *
     * @param background the rows to save for explanations; null for none
     */
    public static void save(Path dir, TrainedPipeline pipeline, Map<String, ColumnType> schema, String targetColumn,
                            Provenance provenance, ForecastIntervals intervals, Background background)
            throws IOException {
        Path staging = sibling(dir, STAGING);
        delete(staging);
        try {
            write(staging, pipeline, schema, targetColumn, provenance, intervals);
            if (background != null) {
                saveBackground(staging, background.table(), background.trainRows(), background.seed());
            }
            publish(staging, dir);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        }
    }

    /** Replaces {@code dir} by the complete model in {@code staging}, each step a rename within the parent. */
    private static void publish(Path staging, Path dir) throws IOException {
        Path previous = sibling(dir, PREVIOUS);
        delete(previous);
        if (Files.exists(dir)) {
            Files.move(dir, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        delete(previous);
    }

    /**
     * Leaves {@code dir} as the last complete save left it, for a new run that will replace it: a model that a kill
     * between a save's two renames left as {@code dir.previous} is put back, and a half-written staging folder is
     * removed. The model itself stays until the new run's is saved, so that a run that cannot save (a full disk)
     * does not take the earlier model with it.
     */
    public static void settle(Path dir) throws IOException {
        Path previous = sibling(dir, PREVIOUS);
        if (!Files.exists(dir) && Files.isDirectory(previous)) {
            Files.move(previous, dir, StandardCopyOption.ATOMIC_MOVE);
        }
        delete(sibling(dir, STAGING));
        delete(previous);
    }

    /**
     * What went wrong in saving, as a user reads it: the operating system's reason and the file ("File too large
     * (out/model.saving/members/0/forest.bin)", "No space left on device"), not an exception's class.
     */
    public static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.toString();
    }

    private static Path sibling(Path dir, String suffix) {
        return dir.toAbsolutePath().resolveSibling(dir.toAbsolutePath().getFileName() + suffix);
    }

    private static void deleteQuietly(Path dir) {
        try {
            delete(dir);
        } catch (IOException ignored) {
            // The save's own failure is the one to report; a staging folder left over is cleared by the next save.
        }
    }

    private static void write(Path dir, TrainedPipeline pipeline, Map<String, ColumnType> schema, String targetColumn,
                              Provenance provenance, ForecastIntervals intervals) throws IOException {
        Files.createDirectories(dir);
        List<ModelManifest.MemberEntry> members = new ArrayList<>();
        double[] weights = pipeline.combination() instanceof Combination.Vote v ? v.weights() : null;
        for (int i = 0; i < pipeline.members().size(); i++) {
            Member m = pipeline.members().get(i);
            Path memberDir = Files.createDirectories(dir.resolve(MEMBERS_DIR).resolve(String.valueOf(i)));
            m.model().save(memberDir);
            Double weight = pipeline.combination() instanceof Combination.Single ? Double.valueOf(1.0)
                    : weights != null ? Double.valueOf(weights[i]) : null;
            members.add(entry(m.learner(), m.params(), weight, m.model() instanceof BaggedModel b ? b.size() : null));
        }
        ModelManifest.MemberEntry meta = null;
        if (pipeline.combination() instanceof Combination.Stack s) {
            s.metaModel().save(Files.createDirectories(dir.resolve(META_DIR)));
            meta = entry(s.metaLearner(), s.metaParams(), null, null);
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        List<String> required = new ArrayList<>(pipeline.featurizer().requiredColumns());
        if (pipeline.series() != null) {
            // The derived columns come from the series; the time and grain columns place new rows in them.
            required.removeAll(pipeline.series().derivedColumns());
            SeriesFeatures.Layout layout = pipeline.series().layout();
            required.add(0, layout.timeColumn());
            for (String g : layout.grainColumns()) {
                if (!required.contains(g)) {
                    required.add(1, g);
                }
            }
            required = required.stream().distinct().toList();
        }
        for (String c : required) {
            inputs.put(c, schema.get(c).name().toLowerCase(Locale.ROOT));
        }
        ModelManifest m = ModelManifest.builder()
                .target(targetColumn, pipeline.target())
                .algorithm(pipeline.algorithm(), pipeline.params().values())
                .members(kind(pipeline.combination()), members, meta)
                .calibration(pipeline.combination().calibration())
                .inputs(inputs, pipeline.featurizer())
                .series(pipeline.series(), intervals)
                .provenance(provenance)
                .build();
        JSON.writeValue(dir.resolve(MANIFEST).toFile(), m);
    }

    /**
     * Writes a seeded sample of {@link #BACKGROUND_ROWS} of the training rows' input columns beside the model, for
     * explaining models that give no exact contributions ({@code predict --explain}).
     *
     * @param trainRows how many leading rows of the table are training rows (the rest are validation rows)
     */
    static void saveBackground(Path dir, Table table, int trainRows, long seed) throws IOException {
        ModelManifest m = JSON.readValue(dir.resolve(MANIFEST).toFile(), ModelManifest.class);
        List<String> columns = new ArrayList<>(m.inputColumns().keySet());
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < trainRows; i++) {
            all.add(i);
        }
        Collections.shuffle(all, new Random(seed ^ 0x9E3779B97F4A7C15L));
        List<Integer> rows = all.subList(0, Math.min(BACKGROUND_ROWS, all.size()));
        try (PredictionCsv out = PredictionCsv.open(dir.resolve(BACKGROUND), columns)) {
            for (int r : rows) {
                List<String> record = new ArrayList<>(columns.size());
                for (String c : columns) {
                    record.add(table.column(c).text(r));
                }
                out.printRecord(record);
            }
            out.commit();
        }
    }

    /** The background rows saved beside the model, read with its input types; empty when none were saved. */
    public static Optional<Table> background(Path dir, Map<String, ColumnType> types) {
        Path file = dir.resolve(BACKGROUND);
        return Files.exists(file) ? Optional.of(DataSource.read(file, types)) : Optional.empty();
    }

    private static ModelManifest.MemberEntry entry(Learner learner, Params params, Double weight, Integer bagged) {
        return new ModelManifest.MemberEntry(learner.name(), learner.view().name().toLowerCase(Locale.ROOT),
                params.values(), weight, bagged);
    }

    private static String kind(Combination c) {
        if (c instanceof Combination.Vote) {
            return "vote";
        }
        return c instanceof Combination.Stack ? "stack" : "single";
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

    public static LoadedModel load(Path folder, LearnerCatalog catalog) {
        // A kill between publish's two renames leaves the model before as model.previous and no model folder.
        Path dir = !Files.exists(folder.resolve(MANIFEST)) && Files.exists(sibling(folder, PREVIOUS).resolve(MANIFEST))
                ? sibling(folder, PREVIOUS) : folder;
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
        Task task = m.target().task();
        int classes = m.target().labels().size();
        List<Member> members = new ArrayList<>();
        try {
            for (int i = 0; i < m.members().size(); i++) {
                ModelManifest.MemberEntry e = m.members().get(i);
                // A forecasting model's target is a regression target; its global members are forecasting learners.
                Learner learner = learner(catalog, e, m.series() == null ? task : Task.FORECASTING, dir);
                Path memberDir = dir.resolve(MEMBERS_DIR).resolve(String.valueOf(i));
                FittedModel model = e.bagged() == null ? learner.load(memberDir, task, classes)
                        : BaggedModel.load(memberDir, task, e.bagged(), d -> learner.load(d, task, classes));
                members.add(new Member(learner, Params.of(e.hyperparameters()), model));
            }
            ProbabilityCalibration calibration = m.calibration() == null ? ProbabilityCalibration.NONE : m.calibration();
            Combination combination = switch (m.combination()) {
                case "single" -> new Combination.Single();
                case "vote" -> new Combination.Vote(m.members().stream().mapToDouble(ModelManifest.MemberEntry::weight)
                        .toArray(), calibration);
                case "stack" -> {
                    Learner meta = learner(catalog, m.metaLearner(), task, dir);
                    yield new Combination.Stack(meta, Params.of(m.metaLearner().hyperparameters()),
                            meta.load(dir.resolve(META_DIR), task, classes), calibration);
                }
                default -> throw new InvalidInputException("The model at " + dir + " combines its members by '"
                        + m.combination() + "', which this build does not know.");
            };
            return new LoadedModel(m, new TrainedPipeline(m.featurizer(), m.target(), m.algorithm(),
                    Params.of(m.hyperparameters()), members, combination, m.series()));
        } catch (IOException e) {
            members.forEach(Member::close);
            throw new InvalidInputException("Cannot read the model files in " + dir + ": " + e.getMessage());
        }
    }

    private static Learner learner(LearnerCatalog catalog, ModelManifest.MemberEntry e, Task task, Path dir) {
        return catalog.byName(e.algorithm(), task).orElseThrow(() -> new InvalidInputException(
                "The model at " + dir + " uses the algorithm '" + e.algorithm() + "', which this build does not have."));
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

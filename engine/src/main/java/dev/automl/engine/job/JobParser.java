package dev.automl.engine.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.data.ColumnType;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Task;
import dev.automl.engine.job.JobDocument.ColumnTransformerDocument;
import dev.automl.engine.job.JobDocument.DataInputDocument;
import dev.automl.engine.job.JobDocument.FeaturizationDocument;
import dev.automl.engine.job.JobDocument.LimitsDocument;
import dev.automl.engine.job.JobDocument.TrainingDocument;
import dev.automl.featurization.ColumnPurpose;
import dev.automl.featurization.FeaturizationMode;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.ImputationStrategy;
import dev.automl.featurization.ImputerSpec;
import dev.automl.featurization.TfIdfSpec;
import dev.automl.featurization.Transformer;
import dev.automl.metrics.MetricCatalog;
import dev.automl.metrics.MetricDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Azure ML CLI v2 AutoML job YAML into a {@link JobSpec}, turning every mistake into an error that
 * names the file, the line and column, and the nearest valid key or value.
 */
public final class JobParser {

    /** Azure keys this engine knows but does not implement yet: an error, never silently ignored. */
    private static final Map<String, String> NOT_YET = Map.of(
            "test_data_size", "split off test data yourself and name it in test_data",
            "cv_split_column_names", "use n_cross_validations",
            "search_space", "the search space is each learner's own for now",
            "sweep", "the search space is each learner's own for now")
            .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                    e -> "'" + e.getKey() + "' is an Azure AutoML option this engine does not support yet (" + e.getValue()
                            + "). Remove it to run the job."));

    /** The column purposes of {@code column_name_and_types}, as Azure spells them. */
    private static final List<String> COLUMN_PURPOSES = List.of("Numeric", "Categorical", "DateTime", "Text", "Hashes", "Ignore");

    private final LearnerCatalog catalog;

    public JobParser(LearnerCatalog catalog) {
        this.catalog = catalog;
    }

    /** The SHA-256 of the job file's bytes, which the model's provenance records. */
    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the job file " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public JobSpec parse(Path jobFile) {
        YamlBinder.Bound<JobDocument> bound = YamlBinder.bind(jobFile, JobDocument.class, "job file",
                "an AutoML job needs at least task, target_column_name and training_data", NOT_YET::get);
        return new Validation(jobFile, bound.fileName(), bound.locations()).validate(bound.value());
    }

    /** The checks that need the whole document: required keys, allowed values, and how keys combine. */
    private final class Validation {
        private final Path jobFile;
        private final String fileName;
        private final YamlKeyLocations locations;

        Validation(Path jobFile, String fileName, YamlKeyLocations locations) {
            this.jobFile = jobFile;
            this.fileName = fileName;
            this.locations = locations;
        }

        private InvalidInputException error(String key, String message) {
            String loc = locations.describe(key);
            return new InvalidInputException(fileName + (loc == null ? "" : ", " + loc) + ": " + message);
        }

        JobSpec validate(JobDocument d) {
            List<String> ignored = new ArrayList<>();
            for (String k : JobDocument.AZURE_ONLY) {
                if (locations.describe(k) != null) {
                    ignored.add(k);
                }
            }
            if (d.type() != null && !"automl".equals(d.type().asText())) {
                throw error("type", "'type' is '" + d.type().asText() + "'; this engine runs AutoML jobs, 'type: automl'.");
            }
            Task task = task(d.task());
            if (d.targetColumnName() == null || d.targetColumnName().isBlank()) {
                throw error("target_column_name", "'target_column_name' is required: the column to predict.");
            }
            MetricDefinition primary = primaryMetric(d.primaryMetric(), task);
            if (d.trainingData() == null) {
                throw error("training_data", "'training_data' is required: {path: <MLTable folder or CSV file>, type: mltable}.");
            }
            DataReference training = data("training_data", d.trainingData());
            DataReference validation = d.validationData() == null ? null : data("validation_data", d.validationData());
            DataReference test = d.testData() == null ? null : data("test_data", d.testData());
            Integer folds = crossValidations(d.nCrossValidations());
            Double fraction = d.validationDataSize();
            if (fraction != null && !(fraction > 0 && fraction < 1)) {
                throw error("validation_data_size", "'validation_data_size' must be between 0 and 1 (a fraction of the rows), not " + fraction + ".");
            }
            int ways = (validation != null ? 1 : 0) + (folds != null ? 1 : 0) + (fraction != null ? 1 : 0);
            if (ways > 1) {
                throw error(validation != null ? "validation_data" : "n_cross_validations",
                        "name only one of validation_data, n_cross_validations and validation_data_size.");
            }
            String weight = blankToNull(d.weightColumnName());
            if (weight != null && weight.equals(d.targetColumnName())) {
                throw error("weight_column_name", "'weight_column_name' names the target column '" + weight + "'.");
            }
            String positive = d.positiveLabel() == null || d.positiveLabel().isNull() ? null : d.positiveLabel().asText();
            if (positive != null && task != Task.CLASSIFICATION) {
                throw error("positive_label", "'positive_label' applies to classification only.");
            }
            FeaturizationSpec featurization = featurization(d.featurization(), d.targetColumnName(), task);
            ForecastingSettings forecasting = null;
            if (task == Task.FORECASTING) {
                forecasting = new ForecastingBlock(this::error).read(d.forecasting());
            } else if (d.forecasting() != null) {
                throw error("forecasting", "the 'forecasting' block applies to task: forecasting; this is a " + task.id()
                        + " job.");
            }
            List<String> notes = new ArrayList<>(featurization.notes());
            if (MetricCatalog.beyondAzure(primary)) {
                notes.add("primary_metric: " + primary.name() + " is an extension: Azure's list of primary metrics"
                        + " lacks it. Lower is better; the search, early termination and ensembles follow it.");
            }
            Limits limits = limits(d.limits(), ignored);
            List<String> allowed = List.of();
            List<String> blocked = List.of();
            EnsembleSettings ensembles = null;
            Boolean explain = null;
            if (d.training() != null) {
                TrainingDocument t = d.training();
                explain = t.enableModelExplainability();
                ensembles = ensembles(t, task);
                notYetIfTrue("training.enable_onnx_compatible_models", t.enableOnnxCompatibleModels(), "models are saved in the libraries' own formats");
                notYetIfTrue("training.enable_dnn_training", t.enableDnnTraining(), "this engine trains no neural networks, such as Azure's TCNForecaster");
                if (t.trainingMode() != null && !Set.of("auto", "non_distributed").contains(t.trainingMode().toLowerCase(Locale.ROOT))) {
                    throw error("training.training_mode", "'training.training_mode: " + t.trainingMode()
                            + "' is not supported: this engine trains on one machine (use non_distributed or remove the key).");
                }
                if (t.ensembleModelDownloadTimeoutMinutes() != null) {
                    ignored.add("training.ensemble_model_download_timeout_minutes");
                }
                allowed = algorithms("training.allowed_training_algorithms", t.allowedTrainingAlgorithms(), task, null);
                blocked = algorithms("training.blocked_training_algorithms", t.blockedTrainingAlgorithms(), task, notes);
                if (catalog.select(task, allowed, blocked).isEmpty()) {
                    throw error(blocked.isEmpty() ? "training.allowed_training_algorithms" : "training.blocked_training_algorithms",
                            "the allowed and blocked algorithm lists leave no algorithm to train.");
                }
            }
            return JobSpec.builder(task, d.targetColumnName(), primary, training)
                    .jobFile(jobFile, sha256(jobFile))
                    .validationData(validation)
                    .testData(test)
                    .nCrossValidations(folds)
                    .validationDataSize(fraction)
                    .weightColumn(weight)
                    .positiveLabel(positive)
                    .featurization(featurization)
                    .limits(limits)
                    .algorithms(allowed, blocked)
                    .ensembles(ensembles)
                    .messages(ignored, notes)
                    .verbosity(verbosity(d.logVerbosity()))
                    .forecasting(forecasting)
                    .explain(explain)
                    .build();
        }

        private Task task(String value) {
            if (value == null) {
                throw error("task", "'task' is required: classification, regression or forecasting.");
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "classification":
                    return Task.CLASSIFICATION;
                case "regression":
                    return Task.REGRESSION;
                case "forecasting":
                    return Task.FORECASTING;
                default:
                    throw error("task", "'task' must be classification, regression or forecasting, not '" + value + "'.");
            }
        }

        private MetricDefinition primaryMetric(String value, Task task) {
            if (value == null) {
                return MetricCatalog.find(task == Task.CLASSIFICATION ? "accuracy" : "normalized_root_mean_squared_error").orElseThrow();
            }
            List<MetricDefinition> primaries = MetricCatalog.primaries(task);
            List<String> valid = primaries.stream().map(MetricDefinition::name).toList();
            MetricDefinition m = MetricCatalog.find(value).orElse(null);
            if (m == null || !primaries.contains(m)) {
                String nearest = NearestName.of(value, valid);
                throw error("primary_metric", "'primary_metric: " + value + "' is not a primary metric for " + task.id() + "."
                        + (nearest == null ? "" : " Did you mean '" + nearest + "'?") + " Valid: " + String.join(", ", valid) + ".");
            }
            return m;
        }

        private DataReference data(String key, DataInputDocument d) {
            if (d.path() == null || d.path().isBlank()) {
                throw error(key, "'" + key + ".path' is required.");
            }
            String type = d.type() == null ? "mltable" : d.type().toLowerCase(Locale.ROOT);
            if (!type.equals("mltable") && !type.equals("uri_file")) {
                throw error(key + ".type", "'" + key + ".type: " + d.type() + "' is not supported; use mltable (a folder with an MLTable file) or uri_file (a CSV or Parquet file).");
            }
            String p = d.path();
            if (p.startsWith("azureml:") || p.contains("://") && !p.startsWith("file://")) {
                throw error(key + ".path", "'" + p + "' is not a local path; this engine reads local MLTable folders and CSV files.");
            }
            if (p.startsWith("file://")) {
                p = p.substring("file://".length());
            } else if (p.startsWith("file:")) {
                p = p.substring("file:".length());
            }
            Path folder = jobFile.toAbsolutePath().getParent();
            Path resolved = folder.resolve(p).normalize();
            if (!Files.exists(resolved)) {
                throw error(key + ".path", "'" + key + ".path' points at " + resolved + ", which does not exist.");
            }
            if (type.equals("mltable") && !Files.isDirectory(resolved) && !resolved.getFileName().toString().equals("MLTable")) {
                throw error(key + ".path", "'" + key + "' has type mltable, but " + resolved + " is a file; point at the folder holding the MLTable file, or use type: uri_file.");
            }
            if (type.equals("uri_file") && Files.isDirectory(resolved)) {
                throw error(key + ".path", "'" + key + "' has type uri_file, but " + resolved + " is a folder; use type: mltable.");
            }
            if (!Files.isDirectory(resolved) && resolved.getFileName().toString().equals("MLTable")) {
                resolved = resolved.getParent();
            }
            return new DataReference(resolved, type);
        }

        private Integer crossValidations(JsonNode n) {
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isTextual() && n.asText().equalsIgnoreCase("auto")) {
                return null;
            }
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 2) {
                throw error("n_cross_validations", "'n_cross_validations' must be 'auto' or a whole number of at least 2, not '" + n.asText() + "'.");
            }
            return n.asInt();
        }

        private FeaturizationSpec featurization(FeaturizationDocument f, String target, Task task) {
            if (f == null) {
                return new FeaturizationSpec(FeaturizationSettings.auto(), Map.of(), List.of(), List.of());
            }
            boolean customised = f.columnNameAndTypes() != null || f.transformerParams() != null
                    || f.blockedTransformers() != null;
            FeaturizationMode mode;
            String m = f.mode() == null ? (customised ? "custom" : "auto") : f.mode().toLowerCase(Locale.ROOT);
            switch (m) {
                case "auto" -> mode = FeaturizationMode.AUTO;
                case "off" -> mode = FeaturizationMode.OFF;
                case "custom" -> mode = FeaturizationMode.CUSTOM;
                default -> throw error("featurization.mode", "'featurization.mode' must be auto, off or custom, not '" + f.mode() + "'.");
            }
            if (customised && mode != FeaturizationMode.CUSTOM) {
                throw error("featurization.mode", "column_name_and_types, transformer_params and blocked_transformers "
                        + "need 'featurization.mode: custom'.");
            }
            notYetIfTrue("featurization.enable_dnn_featurization", f.enableDnnFeaturization(), "text embeddings come in a later version");
            if (f.datasetLanguage() != null && !f.datasetLanguage().equalsIgnoreCase("eng")) {
                throw error("featurization.dataset_language", "'dataset_language: " + f.datasetLanguage() + "' is not "
                        + "supported: text columns are split into words at spaces and punctuation, which suits English "
                        + "('eng', the default) and languages written like it.");
            }
            Map<String, ColumnType> types = new LinkedHashMap<>();
            Map<String, ColumnPurpose> purposes = new LinkedHashMap<>();
            List<String> ignoredColumns = new ArrayList<>();
            if (f.columnNameAndTypes() != null) {
                for (Map.Entry<String, String> e : f.columnNameAndTypes().entrySet()) {
                    String key = "featurization.column_name_and_types." + e.getKey();
                    if (e.getKey().equals(target)) {
                        throw error(key, "'column_name_and_types' names the target column '" + target + "'; its type follows from the task.");
                    }
                    String purpose = e.getValue() == null ? "" : e.getValue().toLowerCase(Locale.ROOT);
                    switch (purpose) {
                        case "numeric" -> types.put(e.getKey(), ColumnType.NUMERIC);
                        case "categorical" -> types.put(e.getKey(), ColumnType.CATEGORICAL);
                        case "datetime" -> types.put(e.getKey(), ColumnType.DATETIME);
                        case "ignore" -> ignoredColumns.add(e.getKey());
                        case "text" -> {
                            types.put(e.getKey(), ColumnType.CATEGORICAL);
                            purposes.put(e.getKey(), ColumnPurpose.TEXT);
                        }
                        case "hashes", "categoricalhash" -> {
                            types.put(e.getKey(), ColumnType.CATEGORICAL);
                            purposes.put(e.getKey(), ColumnPurpose.HASHES);
                        }
                        default -> throw error(key, "unknown column purpose '" + e.getValue()
                                + "'; use " + String.join(", ", COLUMN_PURPOSES) + ".");
                    }
                }
            }
            Map<String, ImputerSpec> imputers = new LinkedHashMap<>();
            Map<String, Integer> hashBits = new LinkedHashMap<>();
            Map<String, TfIdfSpec> tfIdf = new LinkedHashMap<>();
            if (f.transformerParams() != null) {
                for (Map.Entry<String, List<ColumnTransformerDocument>> e : f.transformerParams().entrySet()) {
                    String key = "featurization.transformer_params." + e.getKey();
                    String name = LearnerCatalog.normalise(e.getKey());
                    if (!List.of("imputer", "hashonehotencoder", "tfidf").contains(name)) {
                        String nearest = NearestName.of(e.getKey(), List.of("imputer", "hash_one_hot_encoder", "tf_idf"));
                        throw error(key, "unknown transformer '" + e.getKey() + "'." + (nearest == null ? "" : " Did you mean '" + nearest + "'?"));
                    }
                    for (ColumnTransformerDocument t : e.getValue() == null ? List.<ColumnTransformerDocument>of() : e.getValue()) {
                        if (t == null) {
                            throw error(key, "an entry of '" + e.getKey() + "' is empty; each entry needs fields: and"
                                    + " parameters:.");
                        }
                        List<String> fields = t.fields() == null ? List.of() : t.fields();
                        requireNoBlank(key + ".fields", fields, "a column name");
                        switch (name) {
                            case "imputer" -> {
                                ImputerSpec spec = imputer(key, t, task);
                                if (fields.isEmpty()) {
                                    throw error(key, "each imputer entry needs 'fields': the columns it applies to.");
                                }
                                fields.forEach(c -> imputers.put(c, spec));
                            }
                            case "hashonehotencoder" -> perColumn(key, fields, hashBits(key, t), hashBits,
                                    ColumnPurpose.HASHES, types, purposes);
                            default -> perColumn(key, fields, tfIdf(key, t), tfIdf, ColumnPurpose.TEXT, types, purposes);
                        }
                    }
                }
            }
            Set<Transformer> blocked = new LinkedHashSet<>();
            List<String> notes = new ArrayList<>();
            if (f.blockedTransformers() != null) {
                List<String> names = java.util.Arrays.stream(Transformer.values()).map(Transformer::azureName).toList();
                for (String b : f.blockedTransformers()) {
                    Transformer t = Transformer.byName(b == null ? "" : b).orElseThrow(() -> {
                        String nearest = NearestName.of(String.valueOf(b), names);
                        return error("featurization.blocked_transformers", "unknown transformer '" + b + "' in "
                                + "blocked_transformers." + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
                                + " Azure's are " + String.join(", ", names) + ".");
                    });
                    blocked.add(t);
                    if (!t.implemented()) {
                        notes.add("blocked_transformers: this engine has no " + t.azureName()
                                + ", so blocking it changes nothing.");
                    }
                }
            }
            return new FeaturizationSpec(new FeaturizationSettings(mode, imputers, purposes, hashBits, tfIdf, blocked),
                    types, ignoredColumns, notes);
        }

        /**
         * Sets a transformer's parameters for its fields, each of which takes the transformer's purpose; without
         * fields, as Azure, for every column the transformer applies to.
         */
        private <T> void perColumn(String key, List<String> fields, T value, Map<String, T> byColumn, ColumnPurpose purpose,
                                   Map<String, ColumnType> types, Map<String, ColumnPurpose> purposes) {
            if (fields.isEmpty()) {
                byColumn.put(FeaturizationSettings.ALL_COLUMNS, value);
            }
            for (String c : fields) {
                byColumn.put(c, value);
                purposeFromTransformer(key, c, purpose, types, purposes);
            }
        }

        /** A column named by hash_one_hot_encoder or tf_idf takes that transformer's purpose unless typed otherwise. */
        private void purposeFromTransformer(String key, String column, ColumnPurpose purpose,
                                            Map<String, ColumnType> types, Map<String, ColumnPurpose> purposes) {
            ColumnPurpose given = purposes.get(column);
            if (given != null && given != purpose || given == null && types.containsKey(column)) {
                throw error(key, "column '" + column + "' is " + (given != null ? given.name().toLowerCase(Locale.ROOT)
                        : types.get(column).name().toLowerCase(Locale.ROOT)) + " in column_name_and_types, so "
                        + (purpose == ColumnPurpose.TEXT ? "tf_idf" : "hash_one_hot_encoder") + " cannot apply to it.");
            }
            types.put(column, ColumnType.CATEGORICAL);
            purposes.put(column, purpose);
        }

        private int hashBits(String key, ColumnTransformerDocument t) {
            Map<String, JsonNode> p = t.parameters() == null ? Map.of() : t.parameters();
            for (String k : p.keySet()) {
                if (!k.equals("number_of_bits")) {
                    throw error(key, "unknown hash_one_hot_encoder parameter '" + k + "'; use number_of_bits.");
                }
            }
            JsonNode bits = p.get("number_of_bits");
            if (bits == null) {
                throw error(key, "hash_one_hot_encoder needs 'number_of_bits': the encoding has 2^bits columns.");
            }
            if (!bits.canConvertToInt() || !bits.isIntegralNumber() || bits.asInt() < 1 || bits.asInt() > 16) {
                throw error(key, "'number_of_bits' must be a whole number from 1 to 16, not '" + bits.asText() + "'.");
            }
            return bits.asInt();
        }

        private TfIdfSpec tfIdf(String key, ColumnTransformerDocument t) {
            Map<String, JsonNode> p = t.parameters() == null ? Map.of() : t.parameters();
            TfIdfSpec d = TfIdfSpec.DEFAULTS;
            List<String> known = List.of("max_features", "min_df", "ngram_range", "char_ngrams", "use_idf");
            for (String k : p.keySet()) {
                if (!known.contains(k)) {
                    String nearest = NearestName.of(k, known);
                    throw error(key, "unknown tf_idf parameter '" + k + "'." + (nearest == null ? "" : " Did you mean '"
                            + nearest + "'?") + " tf_idf takes " + String.join(", ", known) + ".");
                }
            }
            int maxFeatures = wholeNumber(key, p, "max_features", d.maxFeatures(), 1, TfIdfSpec.MAX_FEATURES);
            int minDf = wholeNumber(key, p, "min_df", d.minDf(), 1, Integer.MAX_VALUE);
            int words = d.wordNgrams();
            JsonNode range = p.get("ngram_range");
            if (range != null) {
                if (!range.isArray() || range.size() != 2 || range.get(0).asInt() != 1 || !range.get(1).isIntegralNumber()
                        || range.get(1).asInt() < 1 || range.get(1).asInt() > 3) {
                    throw error(key, "'ngram_range' must be [1, 1], [1, 2] or [1, 3]: words, and pairs or triples of words.");
                }
                words = range.get(1).asInt();
            }
            int chars = wholeNumber(key, p, "char_ngrams", d.charNgrams(), 0, 6);
            JsonNode idf = p.get("use_idf");
            if (idf != null && !idf.isBoolean()) {
                throw error(key, "'use_idf' must be true or false, not '" + idf.asText() + "'.");
            }
            return new TfIdfSpec(maxFeatures, minDf, words, chars, idf == null ? d.useIdf() : idf.asBoolean());
        }

        private int wholeNumber(String key, Map<String, JsonNode> p, String name, int fallback, int min, int max) {
            JsonNode v = p.get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
                throw error(key, "'" + name + "' must be a whole number from " + min + " to " + max + ", not '"
                        + v.asText() + "'.");
            }
            return v.asInt();
        }

        private ImputerSpec imputer(String key, ColumnTransformerDocument t, Task task) {
            Map<String, JsonNode> p = t.parameters() == null ? Map.of() : t.parameters();
            for (String k : p.keySet()) {
                if (!k.equals("strategy") && !k.equals("fill_value")) {
                    throw error(key, "unknown imputer parameter '" + k + "'; use strategy and, for constant, fill_value.");
                }
            }
            JsonNode s = p.get("strategy");
            String strategy = s == null ? "mean" : s.asText().toLowerCase(Locale.ROOT);
            ImputationStrategy st;
            switch (strategy) {
                case "mean" -> st = ImputationStrategy.MEAN;
                case "median" -> st = ImputationStrategy.MEDIAN;
                case "most_frequent" -> st = ImputationStrategy.MOST_FREQUENT;
                case "constant" -> st = ImputationStrategy.CONSTANT;
                case "ffill" -> st = ImputationStrategy.FORWARD_FILL;
                default -> throw error(key, "unknown imputer strategy '" + strategy + "'; use mean, median, most_frequent,"
                        + " constant or, for forecasting, ffill.");
            }
            if (st == ImputationStrategy.FORWARD_FILL && task != Task.FORECASTING) {
                throw error(key, "the ffill imputer carries a series' last value forward in time, so it applies to"
                        + " forecasting jobs only; use mean, median, most_frequent or constant.");
            }
            JsonNode fill = p.get("fill_value");
            if (st == ImputationStrategy.CONSTANT && (fill == null || fill.isNull())) {
                throw error(key, "the constant imputer needs 'fill_value'.");
            }
            return new ImputerSpec(st, fill == null || fill.isNull() ? null : fill.asText());
        }

        private Limits limits(LimitsDocument l, List<String> ignored) {
            Limits d = Limits.defaults();
            if (l == null) {
                return d;
            }
            if (l.maxNodes() != null) {
                ignored.add("limits.max_nodes");
            }
            double timeout = positive("limits.timeout_minutes", l.timeoutMinutes(), d.timeoutMinutes());
            double trialTimeout = positive("limits.trial_timeout_minutes", l.trialTimeoutMinutes(), d.trialTimeoutMinutes());
            int maxTrials = atLeastOne("limits.max_trials", l.maxTrials(), d.maxTrials());
            int concurrent = atLeastOne("limits.max_concurrent_trials", l.maxConcurrentTrials(), d.maxConcurrentTrials());
            int cores = l.maxCoresPerTrial() == null ? -1 : l.maxCoresPerTrial();
            if (cores == 0 || cores < -1) {
                throw error("limits.max_cores_per_trial", "'limits.max_cores_per_trial' must be -1 (all) or at least 1.");
            }
            return Limits.builder()
                    .timeoutMinutes(timeout)
                    .trialTimeoutMinutes(trialTimeout)
                    .maxTrials(maxTrials)
                    .maxConcurrentTrials(concurrent)
                    .maxCoresPerTrial(cores)
                    .enableEarlyTermination(l.enableEarlyTermination() == null ? d.enableEarlyTermination() : l.enableEarlyTermination())
                    .exitScore(l.exitScore())
                    .build();
        }

        private double positive(String key, Double v, double dflt) {
            if (v == null) {
                return dflt;
            }
            if (!(v > 0)) {
                throw error(key, "'" + key + "' must be more than 0.");
            }
            return v;
        }

        private int atLeastOne(String key, Integer v, int dflt) {
            if (v == null) {
                return dflt;
            }
            if (v < 1) {
                throw error(key, "'" + key + "' must be at least 1.");
            }
            return v;
        }

        private EnsembleSettings ensembles(TrainingDocument t, Task task) {
            boolean vote = !Boolean.FALSE.equals(t.enableVoteEnsemble());
            // Azure leaves the stack out of forecasting by default: its meta-learner overfits short series. Here it
            // would also be cross-fitted on rows of the same forecast windows, so it is not offered at all yet.
            if (task == Task.FORECASTING && Boolean.TRUE.equals(t.enableStackEnsemble())) {
                throw error("training.enable_stack_ensemble", "'enable_stack_ensemble: true' is not supported for"
                        + " forecasting yet (Azure turns it off for forecasting by default). Remove it or set it to false.");
            }
            boolean stack = task != Task.FORECASTING && !Boolean.FALSE.equals(t.enableStackEnsemble());
            JobDocument.StackEnsembleDocument s = t.stackEnsembleSettings();
            if (s == null) {
                return new EnsembleSettings(vote, stack, null, Map.of());
            }
            String base = "training.stack_ensemble_settings.";
            if (s.stackMetaLearnerTrainPercentage() != null) {
                throw error(base + "stack_meta_learner_train_percentage", "'stack_meta_learner_train_percentage' is not "
                        + "supported: this engine trains the meta-learner on the out-of-fold (or validation) predictions of "
                        + "every validation row, so no share of the training rows is held back for it. Remove the key.");
            }
            String type = null;
            if (s.stackMetaLearnerType() != null && !s.stackMetaLearnerType().equalsIgnoreCase("none")) {
                List<String> valid = EnsembleSettings.META_LEARNER_TYPES.stream()
                        .filter(n -> n.equals("LogisticRegression") || n.equals("LogisticRegressionCV")
                                || n.equals("LightGBMClassifier") ? task == Task.CLASSIFICATION : task != Task.CLASSIFICATION)
                        .toList();
                type = valid.stream().filter(n -> LearnerCatalog.normalise(n).equals(LearnerCatalog.normalise(s.stackMetaLearnerType())))
                        .findFirst().orElse(null);
                if (type == null) {
                    String nearest = NearestName.of(s.stackMetaLearnerType(), valid);
                    throw error(base + "stack_meta_learner_type", "'stack_meta_learner_type: " + s.stackMetaLearnerType()
                            + "' is not a meta-learner for " + task.id() + "." + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
                            + " Valid: " + String.join(", ", valid) + ".");
                }
            }
            Map<String, Object> kwargs = new LinkedHashMap<>();
            if (s.stackMetaLearnerKwargs() != null) {
                for (Map.Entry<String, JsonNode> e : s.stackMetaLearnerKwargs().entrySet()) {
                    JsonNode v = e.getValue();
                    if (v == null || !(v.isNumber() || v.isBoolean() || v.isTextual())) {
                        throw error(base + "stack_meta_learner_kwargs", "'stack_meta_learner_kwargs." + e.getKey()
                                + "' must be a number, a string or true/false.");
                    }
                    kwargs.put(e.getKey(), v.isNumber() ? (Object) v.numberValue() : v.isBoolean() ? (Object) v.booleanValue() : v.asText());
                }
            }
            return new EnsembleSettings(vote, stack, type, kwargs);
        }

        private void notYetIfTrue(String key, Boolean value, String why) {
            if (Boolean.TRUE.equals(value)) {
                throw error(key, "'" + key + ": true' is not supported yet (" + why + "). Set it to false or remove it.");
            }
        }

        /**
         * The learner names a list means. An Azure algorithm this engine lacks is an error when allowed, and a note
         * when blocked ({@code absentNotes} not null): blocking it changes nothing.
         */
        private List<String> algorithms(String key, List<String> names, Task task, List<String> absentNotes) {
            if (names == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            List<String> available = new ArrayList<>();
            for (Learner l : catalog.forTask(task)) {
                available.add(l.name());
            }
            requireNoBlank(key, names, "an algorithm name");
            for (String name : names) {
                Learner l = catalog.find(name, task).orElse(null);
                if (l != null) {
                    out.add(l.name());
                    continue;
                }
                String norm = LearnerCatalog.normalise(name);
                boolean azure = LearnerCatalog.azureNames(task).stream().anyMatch(a -> LearnerCatalog.normalise(a).equals(norm));
                Task other = task == Task.CLASSIFICATION ? Task.REGRESSION : Task.CLASSIFICATION;
                boolean otherTask = LearnerCatalog.azureNames(other).stream().anyMatch(a -> LearnerCatalog.normalise(a).equals(norm));
                String msg;
                if (azure && absentNotes != null) {
                    absentNotes.add("blocked_training_algorithms: this engine has no " + name
                            + " yet, so blocking it changes nothing.");
                    continue;
                } else if (azure) {
                    msg = "the algorithm '" + name + "' is not available yet.";
                } else if (otherTask) {
                    msg = "'" + name + "' is a " + other.id() + " algorithm; this is a " + task.id() + " job.";
                } else {
                    String nearest = NearestName.of(name, LearnerCatalog.azureNames(task));
                    msg = "unknown algorithm '" + name + "'." + (nearest == null ? "" : " Did you mean '" + nearest + "'?");
                }
                throw error(key, msg + " Available for " + task.id() + ": " + String.join(", ", available) + ".");
            }
            return out;
        }

        private JobSpec.Verbosity verbosity(String v) {
            if (v == null) {
                return JobSpec.Verbosity.INFO;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "debug" -> JobSpec.Verbosity.DEBUG;
                case "info", "notset" -> JobSpec.Verbosity.INFO;
                case "warning", "error", "critical" -> JobSpec.Verbosity.WARNING;
                default -> throw error("log_verbosity", "'log_verbosity' must be one of notset, debug, info, warning, error, critical.");
            };
        }

        /** A YAML list item written as "- " with nothing after it is a null, which no list of names can hold. */
        private void requireNoBlank(String key, List<String> names, String what) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i) == null || names.get(i).isBlank()) {
                    throw error(key, "item " + (i + 1) + " of '" + key + "' is empty; write " + what + " there, or"
                            + " remove the item.");
                }
            }
        }

        private String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}

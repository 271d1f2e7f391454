package dev.automl.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.LearnerCatalog;
import dev.automl.data.ColumnType;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Task;
import dev.automl.featurization.ColumnPurpose;
import dev.automl.featurization.FeaturizationMode;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.ImputationStrategy;
import dev.automl.featurization.TfIdfSpec;
import dev.automl.featurization.Transformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job YAML: Azure's keys and defaults, and an exact message for each kind of mistake. */
class JobParserTest {

    @TempDir
    Path dir;

    private JobSpec parse(String yaml) throws IOException {
        return parse(yaml, LearnerCatalog.standard());
    }

    private JobSpec parse(String yaml, LearnerCatalog catalog) throws IOException {
        Files.writeString(dir.resolve("data.csv"), "a,b\n1,x\n");
        Path job = dir.resolve("job.yml");
        Files.writeString(job, yaml);
        return new JobParser(catalog).parse(job);
    }

    private String error(String yaml) {
        return error(yaml, LearnerCatalog.standard());
    }

    private String error(String yaml, LearnerCatalog catalog) {
        return assertThrows(InvalidInputException.class, () -> parse(yaml, catalog)).getMessage();
    }

    private static final String MINIMAL = "type: automl\ntask: classification\ntarget_column_name: b\n"
            + "training_data:\n  path: ./data.csv\n  type: uri_file\n";

    @Test
    void minimalJobTakesAzureDefaults() throws IOException {
        JobSpec s = parse(MINIMAL);
        assertEquals(Task.CLASSIFICATION, s.task());
        assertEquals("accuracy", s.primaryMetric().name());
        assertEquals(dir.resolve("data.csv"), s.trainingData().path());
        assertEquals(Limits.defaults(), s.limits());
        assertEquals(6 * 24 * 60, s.limits().timeoutMinutes());
        assertEquals(1000, s.limits().maxTrials());
        assertTrue(s.limits().enableEarlyTermination());
        assertNull(s.nCrossValidations());
        assertEquals(FeaturizationMode.AUTO, s.featurization().settings().mode());
        assertEquals(List.of(), s.ignoredKeys());
    }

    @Test
    void azureExampleKeysAreReadOrIgnored() throws IOException {
        JobSpec s = parse("$schema: https://azuremlsdk2.blob.core.windows.net/preview/0.0.1/autoMLJob.schema.json\n"
                + "type: automl\nexperiment_name: x\ndescription: y\ncompute: azureml:cpu-cluster\n"
                + "task: regression\nprimary_metric: R2_Score\ntarget_column_name: a\n"
                + "training_data:\n  path: ./data.csv\n  type: uri_file\n"
                + "n_cross_validations: 5\n"
                + "limits:\n  timeout_minutes: 2\n  max_trials: 7\n  max_concurrent_trials: 2\n  max_nodes: 4\n  exit_score: 0.9\n"
                + "featurization:\n  mode: custom\n  column_name_and_types:\n    b: Categorical\n"
                + "  transformer_params:\n    Imputer:\n      - fields: [\"a\"]\n        parameters:\n          strategy: median\n"
                + "training:\n  allowed_training_algorithms: [light_gbm]\n  enable_model_explainability: false\n");
        assertEquals("r2_score", s.primaryMetric().name());
        assertEquals(5, s.nCrossValidations());
        assertEquals(new Limits(2, 30 * 24 * 60, 7, 2, -1, true, 0.9), s.limits());
        assertEquals(ColumnType.CATEGORICAL, s.featurization().columnTypes().get("b"));
        assertEquals(ImputationStrategy.MEDIAN, s.featurization().settings().imputers().get("a").strategy());
        assertEquals(List.of("LightGBM"), s.allowedAlgorithms());
        assertEquals(List.of("$schema", "experiment_name", "description", "compute", "limits.max_nodes"), s.ignoredKeys());
    }

    @Test
    void misspelledKeyGivesLineColumnAndNearestKey() {
        assertEquals("job.yml, line 8, column 3: unknown key 'limits.max_trails'. Did you mean 'max_trials'? Valid keys here: "
                + "enable_early_termination, exit_score, max_concurrent_trials, max_cores_per_trial, max_nodes, max_trials, "
                + "timeout_minutes, trial_timeout_minutes.", error(MINIMAL + "limits:\n  max_trails: 3\n"));
    }

    @Test
    void topLevelTypoSuggestsTheKey() {
        String e = error("type: automl\ntask: classification\ntarget_colum_name: b\n");
        assertTrue(e.startsWith("job.yml, line 3, column 1: unknown key 'target_colum_name'. Did you mean 'target_column_name'?"), e);
    }

    @Test
    void wrongValueTypeIsExplained() {
        assertEquals("job.yml, line 8, column 20: 'limits.timeout_minutes' must be a number, not 'soon'.",
                error(MINIMAL + "limits:\n  timeout_minutes: soon\n"));
    }

    @Test
    void unsupportedOptionsAreRefusedByName() {
        assertTrue(error(MINIMAL + "test_data_size: 0.1\n").contains(
                "'test_data_size' is an Azure AutoML option this engine does not support yet"));
        assertEquals("job.yml, line 8, column 3: 'training.enable_dnn_training: true' is not supported yet "
                + "(this engine trains no neural networks, such as Azure's TCNForecaster). Set it to false or remove it.",
                error(MINIMAL + "training:\n  enable_dnn_training: true\n"));
    }

    @Test
    void customFeaturizationReadsTextHashesAndTransformerParams() throws IOException {
        FeaturizationSpec f = parse(MINIMAL + "featurization:\n  mode: custom\n  column_name_and_types:\n"
                + "    Name: Text\n    Ticket: Hashes\n"
                + "  transformer_params:\n    hash_one_hot_encoder:\n      - fields: [Cabin]\n        parameters:\n"
                + "          number_of_bits: 4\n"
                + "    tf_idf:\n      - fields: [Name]\n        parameters:\n          max_features: 20\n"
                + "          ngram_range: [1, 1]\n          char_ngrams: 0\n"
                + "  blocked_transformers: [labelencoder, WordEmbedding]\n").featurization();
        FeaturizationSettings s = f.settings();
        assertEquals(Map.of("Name", ColumnPurpose.TEXT, "Ticket", ColumnPurpose.HASHES, "Cabin", ColumnPurpose.HASHES),
                s.purposes());
        assertEquals(Map.of("Cabin", 4), s.hashBits());
        assertEquals(new TfIdfSpec(20, 2, 1, 0, true), s.tfIdf().get("Name"));
        assertEquals(Set.of(Transformer.LABEL_ENCODER, Transformer.WORD_EMBEDDING), s.blocked());
        assertEquals(List.of("blocked_transformers: this engine has no WordEmbedding, so blocking it changes nothing."),
                f.notes());
        assertEquals(ColumnType.CATEGORICAL, f.columnTypes().get("Cabin"));
    }

    @Test
    void customFeaturizationMistakesAreNamed() {
        String custom = MINIMAL + "featurization:\n  mode: custom\n";
        assertEquals("job.yml, line 9, column 3: unknown transformer 'OneHotEncoding' in blocked_transformers. Did you "
                + "mean 'OneHotEncoder'? Azure's are TextTargetEncoder, OneHotEncoder, CatTargetEncoder, TfIdf, "
                + "WoETargetEncoder, LabelEncoder, WordEmbedding, NaiveBayes, CountVectorizer, HashOneHotEncoder.",
                error(custom + "  blocked_transformers: [OneHotEncoding]\n"));
        assertEquals("job.yml, line 10, column 5: unknown tf_idf parameter 'max_feature'. Did you mean 'max_features'? "
                + "tf_idf takes max_features, min_df, ngram_range, char_ngrams, use_idf.",
                error(custom + "  transformer_params:\n    tf_idf:\n      - fields: [a]\n        parameters:\n"
                        + "          max_feature: 3\n"));
        assertEquals("job.yml, line 10, column 5: 'number_of_bits' must be a whole number from 1 to 16, not '40'.",
                error(custom + "  transformer_params:\n    hash_one_hot_encoder:\n      - fields: [a]\n"
                        + "        parameters:\n          number_of_bits: 40\n"));
        assertEquals("job.yml, line 10, column 5: column 'a' is numeric in column_name_and_types, so "
                + "hash_one_hot_encoder cannot apply to it.",
                error(custom + "  transformer_params:\n    hash_one_hot_encoder:\n      - fields: [a]\n"
                        + "        parameters:\n          number_of_bits: 4\n  column_name_and_types:\n    a: Numeric\n"));
        assertEquals("job.yml, line 10, column 5: unknown column purpose 'Texts'; use Numeric, Categorical, DateTime, "
                + "Text, Hashes, Ignore.", error(custom + "  column_name_and_types:\n    a: Texts\n"));
        assertTrue(error(MINIMAL + "featurization:\n  dataset_language: deu\n").contains(
                "'dataset_language: deu' is not supported"));
    }

    @Test
    void anAzureAlgorithmABuildLacksIsRefusedWhenAllowedAndNotedWhenBlocked() throws IOException {
        // The standard build has every Azure name; a catalog without GradientBoosting stands for one that does not.
        LearnerCatalog lacking = new LearnerCatalog(LearnerCatalog.standard().forTask(Task.CLASSIFICATION).stream()
                .filter(l -> !l.name().equals("GradientBoosting")).toList());
        JobSpec s = parse(MINIMAL + "training:\n  blocked_training_algorithms: [GradientBoosting, light_gbm]\n", lacking);
        assertEquals(List.of("LightGBM"), s.blockedAlgorithms());
        assertEquals(List.of("blocked_training_algorithms: this engine has no GradientBoosting yet, so blocking it changes nothing."),
                s.notes());
        assertTrue(error(MINIMAL + "training:\n  allowed_training_algorithms: [GradientBoosting]\n", lacking)
                .contains("the algorithm 'GradientBoosting' is not available yet."));
        assertEquals(List.of("GradientBoosting", "LightGBM"),
                parse(MINIMAL + "training:\n  blocked_training_algorithms: [gradient_boosting, light_gbm]\n")
                        .blockedAlgorithms());
    }

    @Test
    void aRegressionOnlyAlgorithmInAClassificationJobNamesTheValidOnes() {
        assertTrue(error(MINIMAL + "training:\n  allowed_training_algorithms: [ElasticNet]\n").endsWith(
                "'ElasticNet' is a regression algorithm; this is a classification job. Available for classification: "
                        + "LightGBM, XGBoostClassifier, RandomForest, ExtremeRandomTrees, LogisticRegression, DecisionTree, "
                        + "KNN, SGD, LinearSVM, SVM, MultinomialNaiveBayes, GradientBoosting, BernoulliNaiveBayes."));
    }

    @Test
    void ensemblesAreOnByDefaultAndFollowTheirSettings() throws IOException {
        assertEquals(EnsembleSettings.defaults(), parse(MINIMAL).ensembles());
        EnsembleSettings s = parse(MINIMAL + "training:\n  enable_vote_ensemble: false\n  stack_ensemble_settings:\n"
                + "    stack_meta_learner_type: lightgbmclassifier\n    stack_meta_learner_kwargs:\n      num_leaves: 4\n").ensembles();
        assertEquals(new EnsembleSettings(false, true, "LightGBMClassifier", java.util.Map.of("num_leaves", 4)), s);
    }

    @Test
    void stackSettingsMistakesAreNamed() {
        assertEquals("job.yml, line 9, column 5: 'stack_meta_learner_type: ElasticNet' is not a meta-learner for "
                + "classification. Valid: LogisticRegression, LogisticRegressionCV, LightGBMClassifier.",
                error(MINIMAL + "training:\n  stack_ensemble_settings:\n    stack_meta_learner_type: ElasticNet\n"));
        assertEquals("job.yml, line 9, column 5: 'stack_meta_learner_train_percentage' is not supported: this engine "
                + "trains the meta-learner on the out-of-fold (or validation) predictions of every validation row, so no "
                + "share of the training rows is held back for it. Remove the key.",
                error(MINIMAL + "training:\n  stack_ensemble_settings:\n    stack_meta_learner_train_percentage: 0.2\n"));
        assertTrue(error(MINIMAL + "training:\n  stack_ensemble_settings:\n    stack_meta_learner_typ: ElasticNet\n")
                .contains("stack_meta_learner_type"));
    }

    @Test
    void logLossIsAPrimaryMetricBeyondAzuresListAndTheJobIsToldSo() throws IOException {
        JobSpec spec = parse(MINIMAL + "primary_metric: log_loss\n");
        assertEquals("log_loss", spec.primaryMetric().name());
        assertFalse(spec.primaryMetric().higherIsBetter());
        assertTrue(spec.notes().contains("primary_metric: log_loss is an extension: Azure's list of primary metrics"
                + " lacks it. Lower is better; the search, early termination and ensembles follow it."), spec.notes()
                .toString());
        assertTrue(parse(MINIMAL).notes().isEmpty());
        assertTrue(error(MINIMAL.replace("task: classification", "task: regression") + "primary_metric: log_loss\n")
                .contains("'primary_metric: log_loss' is not a primary metric for regression."));
    }

    @Test
    void badValuesCiteTheirKey() {
        assertEquals("job.yml, line 2, column 1: 'task' must be classification, regression or forecasting, not 'clustering'.",
                error(MINIMAL.replace("task: classification", "task: clustering")));
        assertEquals("job.yml, line 7, column 1: 'primary_metric: r2_score' is not a primary metric for classification. "
                + "Valid: accuracy, AUC_weighted, log_loss, norm_macro_recall, average_precision_score_weighted,"
                + " precision_score_weighted.", error(MINIMAL + "primary_metric: r2_score\n"));
        assertEquals("job.yml, line 7, column 1: 'primary_metric: acuracy' is not a primary metric for classification. "
                + "Did you mean 'accuracy'? Valid: accuracy, AUC_weighted, log_loss, norm_macro_recall, "
                + "average_precision_score_weighted, precision_score_weighted.", error(MINIMAL + "primary_metric: acuracy\n"));
        assertTrue(error(MINIMAL + "n_cross_validations: 1\n").contains("'n_cross_validations' must be 'auto' or a whole number of at least 2"));
        assertTrue(error(MINIMAL + "validation_data_size: 1.5\n").contains("between 0 and 1"));
        assertTrue(error(MINIMAL + "n_cross_validations: 3\nvalidation_data_size: 0.2\n").contains(
                "name only one of validation_data, n_cross_validations and validation_data_size."));
    }

    @Test
    void unknownAlgorithmSuggestsTheNearestAzureName() {
        String e = error(MINIMAL + "training:\n  allowed_training_algorithms: [LightGMB]\n");
        assertTrue(e.startsWith("job.yml, line 8, column 3: unknown algorithm 'LightGMB'. Did you mean 'LightGBM'? Available for classification: "), e);
    }

    @Test
    void missingRequiredKeysAreNamed() {
        assertEquals("job.yml: 'task' is required: classification, regression or forecasting.", error("type: automl\ntarget_column_name: b\n"));
        assertTrue(error("type: automl\ntask: regression\n").contains("'target_column_name' is required"));
        assertTrue(error("").contains("is empty"));
    }

    @Test
    void notYamlIsReported() {
        String e = error("type: automl\ntask: [unclosed\n");
        assertTrue(e.startsWith("job.yml, line "), e);
        assertTrue(e.contains("not valid YAML"), e);
    }

    @Test
    void modelsAreExplainedAsAzureDoesUnlessTheJobSaysNot() throws IOException {
        assertTrue(parse(MINIMAL).explain(), "Azure's default");
        assertTrue(parse(MINIMAL + "training:\n  enable_model_explainability: true\n").explain());
        assertFalse(parse(MINIMAL + "training:\n  enable_model_explainability: false\n").explain());
        String forecast = "type: automl\ntask: forecasting\ntarget_column_name: b\n"
                + "training_data:\n  path: ./data.csv\n  type: uri_file\nforecasting:\n  time_column_name: a\n";
        assertTrue(parse(forecast).explain(), "Azure's default for forecasting too");
        assertFalse(parse(forecast + "training:\n  enable_model_explainability: false\n").explain());
    }

    private static final String FORECAST = "type: automl\ntask: forecasting\ntarget_column_name: b\n"
            + "training_data:\n  path: ./data.csv\n  type: uri_file\n";

    @Test
    void aForecastingBlockWithEveryKey() throws IOException {
        JobSpec s = parse(FORECAST + "forecasting:\n  time_column_name: week\n  time_series_id_column_names: [Store, Brand]\n"
                + "  forecast_horizon: 20\n  frequency: W-THU\n  target_lags: [7, 1, 7]\n  target_rolling_window_size: 4\n"
                + "  feature_lags: auto\n  seasonality: 52\n  use_stl: season_trend\n  short_series_handling_config: drop\n"
                + "  target_aggregate_function: sum\n  country_or_region_for_holidays: us\n  cv_step_size: 3\n"
                + "  features_unknown_at_forecast_time: Price\n");
        assertEquals(Task.FORECASTING, s.task());
        assertEquals("normalized_root_mean_squared_error", s.primaryMetric().name());
        ForecastingSettings f = s.forecasting();
        assertEquals(new ForecastingSettings.Series("week", List.of("Store", "Brand"),
                dev.automl.data.series.Frequency.parse("W-THU"), dev.automl.data.series.SeriesTable.Aggregate.SUM,
                ForecastingSettings.ShortSeries.DROP), f.series());
        assertEquals(Setting.of(20), f.horizon());
        assertEquals(new ForecastingSettings.TargetFeatures(Setting.of(List.of(1, 7)), Setting.of(4), Setting.of(52),
                ForecastingSettings.Stl.SEASON_TREND), f.target());
        assertEquals(new ForecastingSettings.Covariates(true, "US", List.of("Price")), f.covariates());
        assertEquals(Setting.of(3), f.cvStepSize());
    }

    @Test
    void aForecastingBlockTakesAzuresDefaults() throws IOException {
        ForecastingSettings f = parse(FORECAST + "forecasting:\n  time_column_name: t\n").forecasting();
        assertEquals(new ForecastingSettings.Series("t", List.of(), null, null, ForecastingSettings.ShortSeries.AUTO), f.series());
        assertEquals(Setting.of(1), f.horizon());
        assertEquals(new ForecastingSettings.TargetFeatures(Setting.off(), Setting.off(), Setting.auto(),
                ForecastingSettings.Stl.NONE), f.target());
        assertEquals(new ForecastingSettings.Covariates(false, null, List.of()), f.covariates());
        assertEquals(Setting.auto(), f.cvStepSize());
        f = parse(FORECAST + "forecasting:\n  time_column_name: t\n  forecast_horizon: auto\n  target_lags: auto\n"
                + "  target_rolling_window_size: auto\n  seasonality: none\n  short_series_handling_config: null\n").forecasting();
        assertEquals(Setting.auto(), f.horizon());
        assertEquals(Setting.auto(), f.target().lags());
        assertEquals(Setting.off(), f.target().seasonality());
        assertEquals(ForecastingSettings.ShortSeries.NONE, f.series().shortSeries());
        assertNull(parse(MINIMAL).forecasting());
    }

    /** Azure leaves the stack out of forecasting; here asking for it is refused, since it would mix forecast windows. */
    @Test
    void forecastingVotesButDoesNotStack() throws IOException {
        JobSpec s = parse(FORECAST + "forecasting:\n  time_column_name: t\n");
        assertTrue(s.ensembles().vote());
        assertFalse(s.ensembles().stack());
        assertTrue(parse(MINIMAL).ensembles().stack());
        s = parse(FORECAST + "training:\n  enable_vote_ensemble: false\nforecasting:\n  time_column_name: t\n");
        assertFalse(s.ensembles().vote());
        assertFalse(s.ensembles().stack());
        assertEquals("job.yml, line 8, column 3: 'enable_stack_ensemble: true' is not supported for forecasting yet (Azure"
                + " turns it off for forecasting by default). Remove it or set it to false.",
                error(FORECAST + "training:\n  enable_stack_ensemble: true\nforecasting:\n  time_column_name: t\n"));
    }

    @Test
    void forecastingMistakesAreNamedWithTheirLine() throws IOException {
        assertEquals("job.yml, line 2, column 1: a forecasting job needs 'forecasting.time_column_name': the column of the"
                + " times its rows are at.", error(FORECAST));
        assertEquals("job.yml, line 9, column 3: 'fortnightly' is not a frequency this engine reads. Use a pandas offset"
                + " alias: S, min (or T), H, D, B, W or W-MON ... W-SUN, MS, M (or ME), QS, Q (or QE, Q-DEC ...), AS (or YS),"
                + " A (or Y, YE), each with an optional multiple such as 15min or 2H.",
                error(FORECAST + "forecasting:\n  time_column_name: t\n  frequency: fortnightly\n"));
        assertEquals("job.yml, line 9, column 3: 'target_aggregate_function' needs 'forecasting.frequency': the frequency"
                + " to combine the rows to.", error(FORECAST + "forecasting:\n  time_column_name: t\n  target_aggregate_function: sum\n"));
        assertEquals("job.yml, line 9, column 3: 'forecast_horizon' must be a whole number of at least 1 or 'auto', not"
                + " 'soon'.", error(FORECAST + "forecasting:\n  time_column_name: t\n  forecast_horizon: soon\n"));
        assertEquals("job.yml, line 9, column 3: 'target_lags' must be 'auto', a whole number of at least 1 or a list of"
                + " them, not '[1,0]'.", error(FORECAST + "forecasting:\n  time_column_name: t\n  target_lags: [1, 0]\n"));
        assertEquals("job.yml, line 9, column 3: 'use_stl' must be one of none, season, season_trend, not 'trend'.",
                error(FORECAST + "forecasting:\n  time_column_name: t\n  use_stl: trend\n"));
        assertEquals("job.yml, line 7, column 1: the 'forecasting' block applies to task: forecasting; this is a"
                + " classification job.", error(MINIMAL + "forecasting:\n  time_column_name: t\n"));
        String ffill = "featurization:\n  mode: custom\n  transformer_params:\n    imputer:\n      - fields: [\"Price\"]\n"
                + "        parameters:\n          strategy: ffill\n";
        assertEquals(ImputationStrategy.FORWARD_FILL, parse(FORECAST + ffill + "forecasting:\n  time_column_name: t\n")
                .featurization().settings().imputers().get("Price").strategy());
        assertEquals("job.yml, line 10, column 5: the ffill imputer carries a series' last value forward in time, so it"
                + " applies to forecasting jobs only; use mean, median, most_frequent or constant.",
                error(FORECAST.replace("forecasting", "regression") + ffill));
        assertTrue(error(FORECAST + "forecasting:\n  time_column_name: t\n  time_series_id: [a]\n")
                .contains("time_series_id"), "an unknown key of the block is named with the nearest valid one");
    }

    @Test
    void yamlThatIsNotAJobSaysWhereAndWhy() {
        assertEquals("job.yml, line 1, column 1: the job file must be a block of keys (key: value lines), but it is a"
                + " list; an AutoML job needs at least task, target_column_name and training_data.",
                error("- task: classification\n"));
        assertEquals("job.yml, line 7, column 1: not valid YAML: the key 'task' is written twice in the same block;"
                + " keep one of them.", error(MINIMAL + "task: regression\n"));
        assertEquals("job.yml, line 5, column 1: not valid YAML: a tab character here cannot start anything in YAML;"
                + " indent with spaces, not tabs.", error(MINIMAL.replace("  path", "\tpath")));
        assertEquals("job.yml, line 8, column 26: 'limits.max_trials' must be a whole number from -2147483648 to"
                + " 2147483647, not 99999999999.", error(MINIMAL + "limits:\n  max_trials: 99999999999\n"));
        assertEquals("job.yml, line 8, column 24: '.nan' is not a number this engine reads; write a plain number,"
                + " such as 60.", error(MINIMAL + "limits:\n  timeout_minutes: .nan\n"));
        String unclosed = error("type: automl\ntask: [classification\ntarget_column_name: b\n");
        assertEquals(1, unclosed.lines().count(), unclosed);
        assertTrue(unclosed.endsWith("(while parsing a flow sequence at line 2, column 7)."), unclosed);
    }

    @Test
    void aJobFileThatIsNotUtf8OrIsAFolderIsNamed() throws IOException {
        Path job = dir.resolve("job.yml");
        Files.write(job, "type: automl\n# Z\u00fcrich\ntask: classification\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals("job.yml, line 2: this line holds bytes that are not UTF-8 text (the file may be saved as Latin-1"
                + " or UTF-16); save the job file as UTF-8.", assertThrows(InvalidInputException.class,
                () -> new JobParser(LearnerCatalog.standard()).parse(job)).getMessage());
        Path folder = Files.createDirectories(dir.resolve("jobs.yml"));
        assertEquals("The job file " + folder.toAbsolutePath().normalize() + " is a folder; name the YAML file itself.",
                assertThrows(InvalidInputException.class, () -> new JobParser(LearnerCatalog.standard()).parse(folder))
                        .getMessage());
    }

    @Test
    void anEmptyListItemIsNamedNotANullPointer() {
        assertEquals("job.yml, line 8, column 3: item 2 of 'training.allowed_training_algorithms' is empty; write an"
                + " algorithm name there, or remove the item.",
                error(MINIMAL + "training:\n  allowed_training_algorithms: [LightGBM, ~]\n"));
        assertTrue(error(MINIMAL + "featurization:\n  mode: custom\n  transformer_params:\n    imputer:\n      -\n")
                .endsWith("an entry of 'imputer' is empty; each entry needs fields: and parameters:."));
    }
}

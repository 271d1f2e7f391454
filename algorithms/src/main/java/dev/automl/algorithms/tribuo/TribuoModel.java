package dev.automl.algorithms.tribuo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A fitted Tribuo model with what turns its outputs into the project's predictions: class probabilities (its own,
 * times a class prior where the model leaves it out, or a softmax of its margins at a fitted temperature),
 * or a regression value scaled back. Saved as Tribuo's protobuf model plus a JSON file of those settings.
 */
public final class TribuoModel implements FittedModel {

    static final String MODEL_FILE = "tribuo-model.pb";
    static final String SETTINGS_FILE = "tribuo.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rows converted to Tribuo examples at a time, so prediction holds a bounded number of them. */
    private static final int BATCH = 4096;

    /**
     * What surrounds the Tribuo model, saved beside it as one flat JSON object.
     *
     * @param scaling applied to each row before Tribuo sees it, or null
     */
    public record Settings(@JsonProperty("learner") String learner, @JsonProperty("task") Task task,
                           @JsonUnwrapped Shape shape, @JsonUnwrapped Output output,
                           @JsonProperty("scaling") @JsonInclude(JsonInclude.Include.NON_NULL) FeatureScaling scaling,
                           @JsonUnwrapped Fit fit) {

        /** The data the model was fitted to: its classes (0 for regression) and feature columns. */
        public record Shape(@JsonProperty("num_classes") int numClasses, @JsonProperty("num_features") int numFeatures) {

            public static Shape of(TrainingData train) {
                return new Shape(train.y().task() == Task.CLASSIFICATION ? train.y().numClasses() : 0, train.x().cols());
            }
        }

        /**
         * How the model's outputs become predictions.
         *
         * @param temperature          classification: null to read the model's probabilities, else the factor its
         *                             margins are multiplied by before a softmax
         * @param classPrior           classification: the training rows' class shares, for rows the model cannot score
         * @param priorInProbabilities whether to multiply the model's probabilities by the class shares, because the
         *                             model leaves the prior out
         * @param targetShift          regression: added to the model's output after {@code targetScale} multiplies it
         */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Output(@JsonProperty("temperature") Double temperature,
                             @JsonProperty("class_prior") double[] classPrior,
                             @JsonProperty("prior_in_probabilities") boolean priorInProbabilities,
                             @JsonProperty("target_shift") double targetShift,
                             @JsonProperty("target_scale") double targetScale) {

            /** A classifier's: its own probabilities, times the class shares when it leaves them out. */
            public static Output probabilities(double[] classPrior, boolean priorInProbabilities) {
                return new Output(null, classPrior, priorInProbabilities, 0, 1);
            }

            /** A regressor's: the model predicts {@code (y - shift) / scale}. */
            public static Output scaledBack(double shift, double scale) {
                return new Output(null, null, false, shift, scale);
            }

            Output withTemperature(double t) {
                return new Output(t, classPrior, priorInProbabilities, targetShift, targetScale);
            }
        }

        /**
         * What fitting did.
         *
         * @param stoppedEarly whether the deadline left no time for even the least fit (one epoch, iteration or path
         *                     step, or the fewest rows), which was made anyway
         * @param params       the parameters to refit with
         * @param note         what the leaderboard says of the fit; empty for nothing
         */
        public record Fit(@JsonProperty("stopped_early") boolean stoppedEarly,
                          @JsonProperty("params") Map<String, Object> params,
                          @JsonProperty("note") String note) {

            public Fit {
                params = Map.copyOf(params);
                note = note == null ? "" : note;
            }

            public static Fit of(Params params, boolean stoppedEarly) {
                return new Fit(stoppedEarly, params.values(), "");
            }
        }

        /** The same settings with the leaderboard's note on the fit. */
        public Settings withNote(String text) {
            return new Settings(learner, task, shape, output, scaling, new Fit(fit.stoppedEarly(), fit.params(), text));
        }

        Settings withTemperature(double t) {
            return new Settings(learner, task, shape, output.withTemperature(t), scaling, fit);
        }
    }

    private final Model<?> model;
    private final Settings settings;

    public TribuoModel(Model<?> model, Settings settings) {
        this.model = model;
        this.settings = settings;
    }

    /**
     * A classifier whose outputs are margins, not probabilities, with the softmax temperature that minimises the
     * weighted log loss on its training rows: Platt's scaling with one shared slope, and no intercept so that the
     * margins' ranking and zero are kept.
     */
    public static TribuoModel calibrated(Model<?> model, Settings settings, FeatureMatrix x, int[] y, double[] weights) {
        TribuoModel raw = new TribuoModel(model, settings.withTemperature(1.0));
        double[][] margins = raw.margins(x);
        return new TribuoModel(model, settings.withTemperature(SoftmaxTemperature.fit(margins, y, weights)));
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public Predictions predict(FeatureMatrix x) {
        if (x.cols() != settings.shape().numFeatures()) {
            throw new IllegalArgumentException("the model was trained on " + settings.shape().numFeatures() + " features, got " + x.cols());
        }
        FiniteFeatures.require(x);
        if (settings.task() == Task.REGRESSION) {
            return Predictions.regression(regress(x));
        }
        int k = settings.shape().numClasses();
        double[] out = new double[x.rows() * k];
        double[][] scores = margins(x);
        double[] prior = settings.output().classPrior();
        for (int r = 0; r < x.rows(); r++) {
            double[] s = scores[r];
            if (s == null) {
                // LibLinear and LibSVM refuse a row whose every feature is zero; it gets the training class shares.
                System.arraycopy(prior, 0, out, r * k, k);
            } else if (settings.output().temperature() != null) {
                SoftmaxTemperature.softmax(s, settings.output().temperature(), out, r * k);
            } else {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    double p = Double.isNaN(s[c]) ? 0 : s[c] * (settings.output().priorInProbabilities() ? prior[c] : 1);
                    out[r * k + c] = p;
                    sum += p;
                }
                for (int c = 0; c < k; c++) {
                    out[r * k + c] = sum > 0 ? out[r * k + c] / sum : prior[c];
                }
            }
        }
        return Predictions.probabilities(out, k);
    }

    @SuppressWarnings("unchecked")
    private double[] regress(FeatureMatrix x) {
        Model<Regressor> m = (Model<Regressor>) model;
        double[] out = new double[x.rows()];
        for (int from = 0; from < x.rows(); from += BATCH) {
            int to = Math.min(x.rows(), from + BATCH);
            List<Prediction<Regressor>> ps = m.predict(TribuoExamples.unlabelled(x, from, to, new RegressionFactory(), null));
            for (int r = from; r < to; r++) {
                out[r] = ps.get(r - from).getOutput().getValues()[0] * settings.output().targetScale() + settings.output().targetShift();
            }
        }
        return out;
    }

    /** The model's score for each class of each row; NaN for classes it never saw, null for rows of zeros only. */
    @SuppressWarnings("unchecked")
    private double[][] margins(FeatureMatrix x) {
        Model<Label> m = (Model<Label>) model;
        int k = settings.shape().numClasses();
        double[][] out = new double[x.rows()][];
        for (int from = 0; from < x.rows(); from += BATCH) {
            int to = Math.min(x.rows(), from + BATCH);
            List<Example<Label>> batch = TribuoExamples.unlabelled(x, from, to, new LabelFactory(), settings.scaling());
            for (int r = from; r < to; r++) {
                Example<Label> e = batch.get(r - from);
                if (!hasActiveFeature(e)) {
                    continue;
                }
                double[] s = new double[k];
                java.util.Arrays.fill(s, Double.NaN);
                for (Map.Entry<String, Label> c : m.predict(e).getOutputScores().entrySet()) {
                    s[Integer.parseInt(c.getKey())] = c.getValue().getScore();
                }
                out[r] = s;
            }
        }
        return out;
    }

    private static boolean hasActiveFeature(Example<?> e) {
        for (org.tribuo.Feature f : e) {
            if (f.getValue() != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String note() {
        return settings.fit().note();
    }

    @Override
    public boolean stoppedByDeadline() {
        return settings.fit().stoppedEarly();
    }

    @Override
    public void save(Path dir) throws IOException {
        model.serializeToFile(dir.resolve(MODEL_FILE));
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(SETTINGS_FILE).toFile(), settings);
    }

    /** Reads a model {@link #save} wrote, checking that it is the learner, task and class count expected. */
    public static TribuoModel load(Path dir, String learner, Task task, int numClasses) throws IOException {
        Settings s = JSON.readValue(Files.readAllBytes(dir.resolve(SETTINGS_FILE)), Settings.class);
        if (!s.learner().equals(learner) || s.task() != task || (task == Task.CLASSIFICATION && s.shape().numClasses() != numClasses)) {
            throw new IOException(dir + " holds a " + s.learner() + " " + s.task().id() + " model with " + s.shape().numClasses()
                    + " classes, expected " + learner + " for " + task.id());
        }
        return new TribuoModel(Model.deserializeFromFile(dir.resolve(MODEL_FILE)), s);
    }

    @Override
    public Params fittedParams() {
        return Params.of(settings.fit().params());
    }
}

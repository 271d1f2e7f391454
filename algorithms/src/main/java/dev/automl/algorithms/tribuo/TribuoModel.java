package dev.automl.algorithms.tribuo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.automl.algorithms.Contributions;
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
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.la.VectorTuple;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.slm.SparseLinearModel;
import org.tribuo.regression.slm.protos.SparseLinearModelProto;

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
     * @param scaling      applied to each row before Tribuo sees it, or null
     * @param featureMeans each feature's mean over the training rows, which linear models' contributions are
     *                     centred on; null when not recorded (models of other kinds, or saved before they were)
     */
    public record Settings(@JsonProperty("learner") String learner, @JsonProperty("task") Task task,
                           @JsonUnwrapped Shape shape, @JsonUnwrapped Output output,
                           @JsonProperty("scaling") @JsonInclude(JsonInclude.Include.NON_NULL) FeatureScaling scaling,
                           @JsonUnwrapped Fit fit,
                           @JsonProperty("feature_means") @JsonInclude(JsonInclude.Include.NON_NULL)
                           double[] featureMeans) {

        /** Settings without feature means. */
        public Settings(String learner, Task task, Shape shape, Output output, FeatureScaling scaling, Fit fit) {
            this(learner, task, shape, output, scaling, fit, null);
        }

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
            return new Settings(learner, task, shape, output, scaling, new Fit(fit.stoppedEarly(), fit.params(), text),
                    featureMeans);
        }

        Settings withTemperature(double t) {
            return new Settings(learner, task, shape, output.withTemperature(t), scaling, fit, featureMeans);
        }

        /** The same settings with each feature's mean over the training rows. */
        Settings withFeatureMeans(FeatureMatrix train) {
            int p = train.cols();
            double[] means = new double[p];
            float[] v = train.values();
            for (int r = 0; r < train.rows(); r++) {
                for (int j = 0; j < p; j++) {
                    means[j] += v[r * p + j];
                }
            }
            for (int j = 0; j < p; j++) {
                means[j] /= Math.max(1, train.rows());
            }
            return new Settings(learner, task, shape, output, scaling, fit, means);
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

    /** The same model, recording the means of the features it was fitted on so that it can give contributions. */
    public TribuoModel withFeatureMeans(FeatureMatrix train) {
        return new TribuoModel(model, settings.withFeatureMeans(train));
    }

    /**
     * Interventional linear SHAP values of a Tribuo linear model (linear SGD, LIBLINEAR, or the sparse linear models
     * of LARS-lasso), {@code w_j (x_j - mean_j)} from the base {@code b + sum_j w_j mean_j} with the training means,
     * as {@code LinearModel} gives them, where {@code w} and {@code b} are the model's weights on the raw features.
     * Outputs are the margins the predictions come from: the value for regression (scaled back); for
     * classification each class's score times the softmax temperature, or with two classes the log-odds of class 1
     * (class 1's score less class 0's). Empty for other models, models saved without their feature means, and
     * classifiers fitted without some class, whose margin would be minus infinity. A row whose features are all 0
     * is predicted as the class prior, not by the model (LibLinear cannot score it); its contributions still explain
     * the model's margin.
     */
    @Override
    public Optional<Contributions> contributions(FeatureMatrix x) {
        int p = settings.shape().numFeatures();
        if (x.cols() != p) {
            throw new IllegalArgumentException("the model was trained on " + p + " features, got " + x.cols());
        }
        double[] means = settings.featureMeans();
        if (means == null || settings.scaling() != null) {
            return Optional.empty();
        }
        Optional<RawScores> raw = RawScores.of(model, p);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        boolean classes = settings.task() == Task.CLASSIFICATION;
        int k = classes ? settings.shape().numClasses() : 1;
        int[] row = new int[k];
        if (classes) {
            @SuppressWarnings("unchecked")
            ImmutableOutputInfo<Label> labels = (ImmutableOutputInfo<Label>) model.getOutputIDInfo();
            for (int c = 0; c < k; c++) {
                row[c] = labels.getID(new Label(Integer.toString(c)));
                if (row[c] < 0 || row[c] >= raw.get().coef().length) {
                    return Optional.empty();
                }
            }
        }
        FiniteFeatures.require(x);
        Settings.Output out = settings.output();
        double factor = !classes ? out.targetScale() : out.temperature() != null ? out.temperature() : 1.0;
        double[][] w = raw.get().coef();
        double[] b = raw.get().intercept();
        // Per output, the score's coefficients times the factor: with two classes, class 1's less class 0's.
        int outputs = classes && k == 2 ? 1 : k;
        double[][] coef = new double[outputs][p];
        double[] intercept = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            for (int j = 0; j < p; j++) {
                coef[o][j] = factor * (outputs == k ? w[row[o]][j] : w[row[1]][j] - w[row[0]][j]);
            }
            intercept[o] = factor * (outputs == k ? b[row[o]] : b[row[1]] - b[row[0]]);
        }
        if (!classes) {
            intercept[0] += out.targetShift();
        }
        double[] base = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            base[o] = intercept[o];
            for (int j = 0; j < p; j++) {
                base[o] += coef[o][j] * means[j];
            }
        }
        double[] values = new double[Math.multiplyExact(Math.multiplyExact(x.rows(), outputs), p)];
        float[] v = x.values();
        for (int r = 0; r < x.rows(); r++) {
            for (int o = 0; o < outputs; o++) {
                int at = (r * outputs + o) * p;
                for (int j = 0; j < p; j++) {
                    values[at + j] = coef[o][j] * (v[r * p + j] - means[j]);
                }
            }
        }
        return Optional.of(new Contributions(x.rows(), p, outputs, values, base));
    }

    /**
     * A linear Tribuo model's scores as an affine function of the raw features, whatever the library does inside:
     * row {@code i} of {@code coef} and {@code intercept[i]} give the score of Tribuo's output id {@code i}.
     */
    private record RawScores(double[][] coef, double[] intercept) {

        /** The affine scores of a linear model of a kind known here, on {@code p} columns; empty for other models. */
        static Optional<RawScores> of(Model<?> model, int p) {
            int[] column = columns(model, p);
            if (model instanceof AbstractLinearSGDModel<?> linear) {
                return Optional.of(sgd(linear, column));
            }
            if (model instanceof LibLinearClassificationModel liblinear) {
                return libLinear(liblinear, column);
            }
            if (model instanceof SparseLinearModel sparse) {
                return Optional.of(sparseLinear(sparse, column));
            }
            return Optional.empty();
        }

        /** Tribuo's id of each column's feature, or -1 for a feature it never saw. */
        private static int[] columns(Model<?> model, int p) {
            ImmutableFeatureMap features = model.getFeatureIDMap();
            String[] names = TribuoExamples.featureNames(p);
            int[] column = new int[p];
            for (int j = 0; j < p; j++) {
                column[j] = features.getID(names[j]);
            }
            return column;
        }

        /** One weight row per output, a column per feature Tribuo saw, then the bias column. */
        private static RawScores sgd(AbstractLinearSGDModel<?> model, int[] column) {
            DenseMatrix w = model.getWeightsCopy();
            int bias = model.getFeatureIDMap().size();
            int outputs = w.getDimension1Size();
            double[][] coef = new double[outputs][column.length];
            double[] intercept = new double[outputs];
            for (int o = 0; o < outputs; o++) {
                for (int j = 0; j < column.length; j++) {
                    coef[o][j] = column[j] < 0 ? 0 : w.get(o, column[j]);
                }
                intercept[o] = w.get(o, bias);
            }
            return new RawScores(coef, intercept);
        }

        /**
         * LIBLINEAR's weights are feature-major, one per class of its own order ({@code getLabels()}, which holds
         * Tribuo's output ids); with two classes it keeps one vector, the score of its first class, and Tribuo
         * scores the other with its negation. Tribuo feeds the bias as one more feature of value 1, which counts
         * when the model's bias is not negative. Empty when LIBLINEAR saw fewer classes than Tribuo knows.
         */
        private static Optional<RawScores> libLinear(LibLinearClassificationModel model, int[] column) {
            de.bwaldvogel.liblinear.Model inner = model.getInnerModels().get(0);
            int[] labels = inner.getLabels();
            int outputs = model.getOutputIDInfo().size();
            if (labels.length != outputs) {
                return Optional.empty();
            }
            double[] w = inner.getFeatureWeights();
            int features = inner.getNrFeature();
            int perFeature = labels.length == 2 ? 1 : labels.length;
            double[][] coef = new double[outputs][column.length];
            double[] intercept = new double[outputs];
            for (int i = 0; i < perFeature; i++) {
                double[] c = new double[column.length];
                for (int j = 0; j < column.length; j++) {
                    c[j] = column[j] < 0 || column[j] >= features ? 0 : w[column[j] * perFeature + i];
                }
                double b = inner.getBias() >= 0 ? w[features * perFeature + i] : 0;
                coef[labels[i]] = c;
                intercept[labels[i]] = b;
                if (perFeature == 1) {
                    double[] negated = new double[column.length];
                    for (int j = 0; j < column.length; j++) {
                        negated[j] = -c[j];
                    }
                    coef[labels[1]] = negated;
                    intercept[labels[1]] = -b;
                }
            }
            return Optional.of(new RawScores(coef, intercept));
        }

        /**
         * A sparse linear model scores {@code yMean + yNorm * sum_j w_j (x_j - m_j) / s_j} over the features its
         * weights use, with the means {@code m} and centred norms {@code s} of the columns it was fitted on; a
         * dimension without any weight scores {@code yMean + yNorm} (Tribuo's own rule). Those statistics are private
         * to the model but part of its protobuf form. Tribuo centres only the features an example holds, which is
         * affine in the raw features because the engine's examples hold every column, zeros included.
         */
        private static RawScores sparseLinear(SparseLinearModel model, int[] column) {
            SparseLinearModelProto proto;
            try {
                proto = model.serialize().getSerializedData().unpack(SparseLinearModelProto.class);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("Tribuo's sparse linear model did not read back its own protobuf", e);
            }
            DenseVector m = (DenseVector) Tensor.deserialize(proto.getFeatureMeans());
            DenseVector s = (DenseVector) Tensor.deserialize(proto.getFeatureNorms());
            int outputs = proto.getWeightsCount();
            int bias = model.getFeatureIDMap().size();
            double[][] coef = new double[outputs][column.length];
            double[] intercept = new double[outputs];
            for (int o = 0; o < outputs; o++) {
                SparseVector w = (SparseVector) Tensor.deserialize(proto.getWeights(o));
                double yMean = proto.getYMean(o);
                double yNorm = proto.getYNorm(o);
                if (w.numActiveElements() == 0) {
                    intercept[o] = yMean + yNorm;
                    continue;
                }
                // Weights of columns absent from the weights are 0 and never meet their (possibly zero) norm.
                double[] onRaw = new double[w.size()];
                double shift = 0;
                for (VectorTuple t : w) {
                    onRaw[t.index] = yNorm * t.value / s.get(t.index);
                    shift -= onRaw[t.index] * m.get(t.index);
                }
                for (int j = 0; j < column.length; j++) {
                    coef[o][j] = column[j] < 0 ? 0 : onRaw[column[j]];
                }
                // With a bias (a model fitted unnormalised), Tribuo appends a feature of value 1 after the others.
                double biasTerm = proto.getBias() && bias < onRaw.length ? onRaw[bias] : 0;
                intercept[o] = yMean + shift + biasTerm;
            }
            return new RawScores(coef, intercept);
        }
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

package dev.automl.algorithms.linear;

import dev.automl.algorithms.Contributions;
import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A fitted linear model as plain coefficients, which it predicts from itself (identity, sigmoid or softmax) fresh
 * or loaded, in the same order of operations as Smile.
 */
final class LinearModel implements FittedModel {

    /** How the linear scores become predictions. */
    enum Kind {
        /** One score: the regression value. */
        REGRESSION,
        /** One score z for the second modelled class: p = 1 / (1 + exp(-z)); the first gets 1 - p. */
        BINOMIAL,
        /** One score per modelled class but the last, whose score is 0; probabilities are their softmax. */
        MULTINOMIAL,
        /** No scores: the prior (class shares or mean) for every row, when fitting never started. */
        CONSTANT
    }

    private final String learner;
    private final Task task;
    private final Kind kind;
    private final int numClasses;
    private final int numFeatures;
    private final int[] classes;
    private final double[][] weights;
    private final double[] intercepts;
    private final double[] prior;
    private final Params fitted;
    /** Each feature's mean over the training rows, which contributions are centred on; null if not recorded. */
    private final double[] featureMeans;

    /**
     * @param classes    classification: the project class index of each modelled class (the classes present in
     *                   the training data); others get probability 0
     * @param weights    one row of numFeatures coefficients per score
     * @param intercepts one intercept per score
     * @param prior      the constant prediction for {@link Kind#CONSTANT} (numClasses shares, or one mean)
     */
    LinearModel(String learner, Task task, Kind kind, int numClasses, int numFeatures, int[] classes,
                double[][] weights, double[] intercepts, double[] prior, Params fitted) {
        this(learner, task, kind, numClasses, numFeatures, classes, weights, intercepts, prior, fitted, null);
    }

    /**
     * @param featureMeans each feature's mean over the training rows, for {@link #contributions}; null when not
     *                     known, as in models saved before they were recorded
     */
    LinearModel(String learner, Task task, Kind kind, int numClasses, int numFeatures, int[] classes,
                double[][] weights, double[] intercepts, double[] prior, Params fitted, double[] featureMeans) {
        int scores = switch (kind) {
            case REGRESSION, BINOMIAL -> 1;
            case MULTINOMIAL -> classes.length - 1;
            case CONSTANT -> 0;
        };
        if (weights.length != scores || intercepts.length != scores) {
            throw new IllegalArgumentException(kind + " needs " + scores + " coefficient rows");
        }
        for (double[] w : weights) {
            if (w.length != numFeatures) {
                throw new IllegalArgumentException("coefficient row of " + w.length + " for " + numFeatures + " features");
            }
        }
        boolean fits = switch (kind) {
            case REGRESSION -> task == Task.REGRESSION;
            case BINOMIAL -> task == Task.CLASSIFICATION && classes.length == 2;
            case MULTINOMIAL -> task == Task.CLASSIFICATION && classes.length >= 3;
            case CONSTANT -> true;
        };
        if (!fits) {
            throw new IllegalArgumentException(kind + " does not fit a " + task.id() + " model of " + classes.length + " classes");
        }
        for (int c : classes) {
            if (c < 0 || c >= numClasses) {
                throw new IllegalArgumentException("class " + c + " of " + numClasses);
            }
        }
        if (prior.length != (task == Task.CLASSIFICATION ? numClasses : 1)) {
            throw new IllegalArgumentException("prior of the wrong length");
        }
        if (featureMeans != null && featureMeans.length != numFeatures) {
            throw new IllegalArgumentException(featureMeans.length + " feature means for " + numFeatures + " features");
        }
        this.learner = learner;
        this.task = task;
        this.kind = kind;
        this.numClasses = numClasses;
        this.numFeatures = numFeatures;
        this.classes = classes.clone();
        this.weights = weights;
        this.intercepts = intercepts.clone();
        this.prior = prior.clone();
        this.fitted = fitted;
        this.featureMeans = featureMeans == null ? null : featureMeans.clone();
    }

    /** The same model, recording the means of the features it was fitted on so that it can give contributions. */
    LinearModel withFeatureMeans(FeatureMatrix train) {
        if (train.cols() != numFeatures) {
            throw new IllegalArgumentException("the model has " + numFeatures + " features, got " + train.cols());
        }
        double[] means = new double[numFeatures];
        float[] v = train.values();
        for (int r = 0; r < train.rows(); r++) {
            for (int j = 0; j < numFeatures; j++) {
                means[j] += v[r * numFeatures + j];
            }
        }
        for (int j = 0; j < numFeatures; j++) {
            means[j] /= Math.max(1, train.rows());
        }
        return new LinearModel(learner, task, kind, numClasses, numFeatures, classes, weights, intercepts, prior,
                fitted, means);
    }

    /**
     * A classifier from one linear score per present class (softmax over them), shifted so that the last class
     * scores 0, which is how this model keeps them.
     */
    static LinearModel ofClassScores(String learner, int numClasses, int[] present, double[][] weights,
            double[] intercepts, double[] prior, Params fitted) {
        int k = present.length;
        int p = weights[0].length;
        Kind kind = k == 2 ? Kind.BINOMIAL : Kind.MULTINOMIAL;
        double[][] w = new double[k - 1][p];
        double[] b = new double[k - 1];
        for (int c = 0; c < k - 1; c++) {
            // Binomial scores the second class against the first; multinomial each class against the last.
            int plus = k == 2 ? 1 : c;
            int minus = k == 2 ? 0 : k - 1;
            for (int j = 0; j < p; j++) {
                w[c][j] = weights[plus][j] - weights[minus][j];
            }
            b[c] = intercepts[plus] - intercepts[minus];
        }
        return new LinearModel(learner, Task.CLASSIFICATION, kind, numClasses, p, present, w, b, prior, fitted);
    }

    static LinearModel load(Path dir, String learner, Task task, int numClasses) throws IOException {
        LinearModel m = LinearFile.read(dir);
        if (!m.learner.equals(learner)) {
            throw new IOException(dir + " holds a " + m.learner + " model, not " + learner);
        }
        if (m.task != task || (task == Task.CLASSIFICATION && m.numClasses != numClasses)) {
            throw new IOException(dir + " holds a " + m.task.id() + " model with " + m.numClasses
                    + " classes, expected " + task.id() + (task == Task.CLASSIFICATION ? " with " + numClasses : ""));
        }
        return m;
    }

    String learner() {
        return learner;
    }

    Task task() {
        return task;
    }

    Kind kind() {
        return kind;
    }

    int numClasses() {
        return numClasses;
    }

    int numFeatures() {
        return numFeatures;
    }

    int[] classes() {
        return classes.clone();
    }

    double[][] weights() {
        return weights;
    }

    double[] intercepts() {
        return intercepts.clone();
    }

    double[] prior() {
        return prior.clone();
    }

    /** The training means of the features, or null when the model does not know them. */
    double[] featureMeans() {
        return featureMeans == null ? null : featureMeans.clone();
    }

    @Override
    public Predictions predict(FeatureMatrix x) {
        if (x.cols() != numFeatures) {
            throw new IllegalArgumentException("the model was trained on " + numFeatures + " features, got " + x.cols());
        }
        FiniteFeatures.require(x);
        int width = task == Task.CLASSIFICATION ? numClasses : 1;
        double[] out = new double[x.rows() * width];
        float[] v = x.values();
        double[] z = new double[Math.max(1, classes.length)];
        for (int r = 0; r < x.rows(); r++) {
            int base = r * numFeatures;
            int o = r * width;
            switch (kind) {
                case REGRESSION -> out[o] = score(0, v, base);
                case BINOMIAL -> {
                    double p = 1.0 / (1.0 + Math.exp(-score(0, v, base)));
                    out[o + classes[0]] = 1.0 - p;
                    out[o + classes[1]] = p;
                }
                case MULTINOMIAL -> {
                    int k = classes.length;
                    z[k - 1] = 0.0;
                    for (int c = 0; c < k - 1; c++) {
                        z[c] = score(c, v, base);
                    }
                    softmax(z, k);
                    for (int c = 0; c < k; c++) {
                        out[o + classes[c]] = z[c];
                    }
                }
                case CONSTANT -> System.arraycopy(prior, 0, out, o, width);
            }
        }
        return task == Task.CLASSIFICATION ? Predictions.probabilities(out, numClasses) : Predictions.regression(out);
    }

    /**
     * Interventional linear SHAP values: feature j contributes {@code w_j (x_j - mean_j)} to each score, from the
     * base {@code b + sum_j w_j mean_j}, with the means over the training rows. Outputs are the model's scores: the
     * value, the log-odds of class 1, or for multinomial models each class's score, the last class's being 0.
     * Empty for constant models, models saved without their feature means, and classifiers fitted without some
     * class, whose margin would be minus infinity.
     */
    @Override
    public Optional<Contributions> contributions(FeatureMatrix x) {
        if (x.cols() != numFeatures) {
            throw new IllegalArgumentException("the model was trained on " + numFeatures + " features, got " + x.cols());
        }
        boolean everyClass = task == Task.REGRESSION || classes.length == numClasses;
        // A binomial score is the log-odds of classes[1], which Contributions calls class 1.
        boolean classOne = kind != Kind.BINOMIAL || classes[1] == 1;
        if (featureMeans == null || kind == Kind.CONSTANT || !everyClass || !classOne) {
            return Optional.empty();
        }
        FiniteFeatures.require(x);
        int outputs = kind == Kind.MULTINOMIAL ? numClasses : 1;
        double[] values = new double[Math.multiplyExact(Math.multiplyExact(x.rows(), outputs), numFeatures)];
        double[] base = new double[outputs];
        // Each score's output: the value or class 1's log-odds, else the project index of the class it scores.
        int[] output = new int[weights.length];
        for (int s = 0; s < weights.length; s++) {
            output[s] = kind == Kind.MULTINOMIAL ? classes[s] : 0;
            double b = intercepts[s];
            for (int j = 0; j < numFeatures; j++) {
                b += weights[s][j] * featureMeans[j];
            }
            base[output[s]] = b;
        }
        float[] v = x.values();
        for (int r = 0; r < x.rows(); r++) {
            for (int s = 0; s < weights.length; s++) {
                double[] w = weights[s];
                int at = (r * outputs + output[s]) * numFeatures;
                for (int j = 0; j < numFeatures; j++) {
                    values[at + j] = w[j] * (v[r * numFeatures + j] - featureMeans[j]);
                }
            }
        }
        return Optional.of(new Contributions(x.rows(), numFeatures, outputs, values, base));
    }

    /** Intercept first, then the features in order: Smile's order of additions. */
    private double score(int row, float[] v, int base) {
        double[] w = weights[row];
        double s = intercepts[row];
        for (int j = 0; j < numFeatures; j++) {
            s += v[base + j] * w[j];
        }
        return s;
    }

    /** Smile's MathEx.softmax: subtract the maximum, exponentiate, divide by the sum. */
    private static void softmax(double[] z, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            if (z[i] > max) {
                max = z[i];
            }
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = 0; i < k; i++) {
            z[i] /= sum;
        }
    }

    @Override
    public void save(Path dir) throws IOException {
        LinearFile.write(dir, this);
    }

    /** A constant model with no solver iterations is what a fit returns when the deadline left no time to start. */
    @Override
    public boolean stoppedByDeadline() {
        return kind == Kind.CONSTANT && fitted.getInt("max_iter", -1) == 0;
    }

    @Override
    public Params fittedParams() {
        return fitted;
    }
}

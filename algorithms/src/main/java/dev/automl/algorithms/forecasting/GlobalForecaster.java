package dev.automl.algorithms.forecasting;

import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.ForwardingLearner;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import dev.automl.featurization.series.SeriesFeatures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A regression learner as a forecasting job's global model over all series. Where the series features give each row
 * an anchor and its series' scale, it learns the target as the change from the anchor in units of the scale and
 * forecasts the anchor plus the scaled change: trees cannot forecast a level they never saw, and a change learnt
 * from series in the thousands then serves a series in the tens.
 */
public final class GlobalForecaster extends ForwardingLearner {

    /** The folder a relative model keeps its regression model in; its absence marks a plain one. */
    static final String RELATIVE_DIR = "relative";

    private final Learner regression;

    public GlobalForecaster(Learner regression) {
        super(regression);
        this.regression = regression;
    }

    /** The regression learner this forecasts with. */
    public Learner regression() {
        return regression;
    }

    /** False: its regression learner, already wrapped for a worker where it runs native code, is what goes there. */
    @Override
    public boolean runsNativeCode() {
        return false;
    }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, Params params, TrialContext ctx) {
        Base base = Base.of(train.x());
        if (base == null) {
            return regression.fit(train, valid, params, ctx);
        }
        int[] anchored = base.anchoredRows(train.x());
        TrainingData relativeTrain = base.relative(train, anchored);
        TrainingData relativeValid = valid == null ? null : base.relative(valid, base.anchoredRows(valid.x()));
        FittedModel fitted = regression.fit(relativeTrain, relativeValid, params, ctx);
        return new Relative(fitted, base, valid == null ? null : valid.x());
    }

    @Override
    public FittedModel load(Path dir, Task task, int numClasses) throws IOException {
        Path relative = dir.resolve(RELATIVE_DIR);
        if (!Files.isDirectory(relative)) {
            return regression.load(dir, task, numClasses);
        }
        return new Relative(regression.load(relative, task, numClasses), null, null);
    }

    /** Where the tabular view holds each row's anchor and scale, and the other columns the regression model reads. */
    record Base(int anchor, int scale, int[] features) {

        /** The base columns of a matrix; null when it has none, as without lags. */
        static Base of(FeatureMatrix x) {
            int anchor = x.names().indexOf(SeriesFeatures.ANCHOR_COLUMN);
            int scale = x.names().indexOf(SeriesFeatures.SCALE_COLUMN);
            if (anchor < 0 || scale < 0) {
                return null;
            }
            int[] features = new int[x.cols() - 1];
            for (int c = 0, k = 0; c < x.cols(); c++) {
                if (c != scale) {
                    features[k++] = c;
                }
            }
            return new Base(anchor, scale, features);
        }

        /** The rows with an anchor: a series whose first values are missing has none before them. */
        int[] anchoredRows(FeatureMatrix x) {
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < x.rows(); r++) {
                if (Float.isFinite(x.get(r, anchor))) {
                    rows.add(r);
                }
            }
            return rows.size() == x.rows() ? null : rows.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The regression model's rows: the features without the base, the target relative to it. */
        TrainingData relative(TrainingData data, int[] rows) {
            TrainingData kept = rows == null ? data : new TrainingData(data.x().select(rows), data.y().select(rows));
            FeatureMatrix x = kept.x();
            double[] y = kept.y().y().clone();
            for (int r = 0; r < y.length; r++) {
                y[r] = (y[r] - x.get(r, anchor)) / x.get(r, scale);
            }
            Target t = kept.y();
            return new TrainingData(features(x), new Target(t.task(), y, t.labels(), t.weights()));
        }

        FeatureMatrix features(FeatureMatrix x) {
            float[] values = new float[x.rows() * features.length];
            for (int r = 0; r < x.rows(); r++) {
                for (int j = 0; j < features.length; j++) {
                    values[r * features.length + j] = x.get(r, features[j]);
                }
            }
            List<String> names = new ArrayList<>();
            BitSet categorical = new BitSet();
            for (int j = 0; j < features.length; j++) {
                names.add(x.names().get(features[j]));
                if (x.categorical().get(features[j])) {
                    categorical.set(j);
                }
            }
            return new FeatureMatrix(values, x.rows(), features.length, names, categorical);
        }

        /** Forecasts from relative predictions: a row without an anchor (its series' values unknown) gets the change. */
        double[] absolute(FeatureMatrix x, double[] relative) {
            double[] out = new double[relative.length];
            for (int r = 0; r < out.length; r++) {
                float a = x.get(r, anchor);
                out[r] = (Float.isFinite(a) ? a : 0) + x.get(r, scale) * relative[r];
            }
            return out;
        }
    }

    /** A regression model of the relative target. */
    private static final class Relative implements FittedModel {

        private final FittedModel model;
        /** The base columns of the matrices fitting saw; found again from each matrix to predict. */
        private final Base fitted;
        private final FeatureMatrix valid;

        Relative(FittedModel model, Base fitted, FeatureMatrix valid) {
            this.model = model;
            this.fitted = fitted;
            this.valid = valid;
        }

        @Override
        public Predictions predict(FeatureMatrix x) {
            Base base = Base.of(x);
            if (base == null) {
                throw new IllegalArgumentException("the rows to forecast have no " + SeriesFeatures.ANCHOR_COLUMN
                        + " column, which this model's relative target needs");
            }
            return Predictions.regression(base.absolute(x, model.predict(base.features(x)).values()));
        }

        @Override
        public Optional<Predictions> validationPredictions() {
            if (valid == null || fitted == null || fitted.anchoredRows(valid) != null) {
                return Optional.empty(); // rows without an anchor were left out of fitting's validation
            }
            return model.validationPredictions().map(p -> Predictions.regression(fitted.absolute(valid, p.values())));
        }

        @Override
        public boolean stoppedByDeadline() {
            return model.stoppedByDeadline();
        }

        @Override
        public double refitShare() {
            return model.refitShare();
        }

        @Override
        public String note() {
            return model.note();
        }

        @Override
        public void save(Path dir) throws IOException {
            Path relative = Files.createDirectory(dir.resolve(RELATIVE_DIR));
            model.save(relative);
        }

        @Override
        public Params fittedParams() {
            return model.fittedParams();
        }

        @Override
        public void close() {
            model.close();
        }
    }
}

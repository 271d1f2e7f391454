package dev.automl.algorithms.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automl.algorithms.FiniteFeatures;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A linear model of features binarised at a threshold (1 above it, else 0), as Bernoulli naive Bayes predicts. */
final class BinarisedModel implements FittedModel {

    private static final String FILE_NAME = "binarise.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final double threshold;
    private final LinearModel scores;

    BinarisedModel(double threshold, LinearModel scores) {
        this.threshold = threshold;
        this.scores = scores;
    }

    static BinarisedModel load(Path dir, LinearModel scores) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " has no " + FILE_NAME);
        }
        JsonNode threshold = MAPPER.readTree(file.toFile()).get("threshold");
        if (threshold == null || !threshold.isNumber()) {
            throw new IOException(file + " has no numeric threshold");
        }
        return new BinarisedModel(threshold.doubleValue(), scores);
    }

    @Override
    public Predictions predict(FeatureMatrix x) {
        FiniteFeatures.require(x);
        float[] v = x.values();
        float[] bits = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            bits[i] = v[i] > threshold ? 1f : 0f;
        }
        return scores.predict(new FeatureMatrix(bits, x.rows(), x.cols(), x.names(), x.categorical()));
    }

    @Override
    public void save(Path dir) throws IOException {
        scores.save(dir);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE_NAME).toFile(), Map.of("threshold", threshold));
    }

    @Override
    public Params fittedParams() {
        return scores.fittedParams();
    }
}

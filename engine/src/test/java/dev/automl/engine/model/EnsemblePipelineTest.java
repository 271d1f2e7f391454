package dev.automl.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.algorithms.forest.RandomForest;
import dev.automl.algorithms.linear.LogisticRegression;
import dev.automl.data.ColumnType;
import dev.automl.data.DataSource;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.FeaturizationSettings;
import dev.automl.featurization.Featurizer;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.Target;
import dev.automl.featurization.TargetEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ensemble pipelines on penguins (3 classes): a stack predicts what its meta-learner predicts from its members'
 * log-probabilities, a vote the weighted mean of its members' probabilities, and both survive a save and load.
 */
class EnsemblePipelineTest {

    private static final String TARGET = "species";

    @TempDir
    Path tmp;

    private Table features;
    private TargetEncoding encoding;
    private FittedFeaturizer featurizer;
    private Target y;
    private final List<Member> members = new ArrayList<>();

    @BeforeEach
    void trainMembers() {
        Table all = DataSource.read(repoRoot().resolve("testdata/penguins/penguins.csv"), Map.of(TARGET, ColumnType.CATEGORICAL));
        features = all.drop(List.of(TARGET));
        int[] rows = IntStream.range(0, all.rows()).toArray();
        encoding = TargetEncoding.fit(all.column(TARGET), Task.CLASSIFICATION);
        y = encoding.encode(all.column(TARGET), rows, null);
        featurizer = new Featurizer(FeaturizationSettings.auto()).fit(features, rows);
        for (Learner l : List.of(new RandomForest(), new LogisticRegression())) {
            Params p = l instanceof RandomForest ? Params.of("n_estimators", 20, "max_features", 0.5) : Params.of("lambda", 1.0);
            FittedModel m = l.fit(new TrainingData(featurizer.transform(features, rows, l.view()), y), null, p,
                    new TrialContext(Deadline.never(), 1, 7));
            members.add(new Member(l, p, m));
        }
    }

    @Test
    void stackPredictsTheMetaLearnerOnItsMembersLogProbabilities() throws Exception {
        List<double[]> memberProba = memberPredictions();
        int k = encoding.labels().size();
        int n = features.rows();
        // The meta-learner's features, written out by hand: log of each member's clipped probability of each class.
        float[] meta = new float[n * 2 * k];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < 2; m++) {
                for (int c = 0; c < k; c++) {
                    double p = Math.min(1 - 1e-6, Math.max(1e-6, memberProba.get(m)[i * k + c]));
                    meta[i * 2 * k + m * k + c] = (float) Math.log(p);
                }
            }
        }
        List<String> names = IntStream.range(0, 2 * k).mapToObj(i -> "f" + i).toList();
        FeatureMatrix metaX = new FeatureMatrix(meta, n, 2 * k, names, new BitSet());
        Learner metaLearner = new LogisticRegression();
        FittedModel metaModel = metaLearner.fit(new TrainingData(metaX, y), null, Params.of("lambda", 1.0),
                new TrialContext(Deadline.never(), 1, 3));
        double[] expected = metaModel.predict(metaX).values();

        TrainedPipeline stack = new TrainedPipeline(featurizer, encoding, "StackEnsemble", Params.of("ensembled_iterations", List.of(1, 2)),
                members, new Combination.Stack(metaLearner, Params.of("lambda", 1.0), metaModel));
        assertArrayClose(expected, stack.predict(features).values(), 1e-6);
        assertArrayClose(expected, savedAndLoaded(stack).values(), 1e-6);
    }

    @Test
    void voteAveragesItsMembersWithTheirWeights() throws Exception {
        List<double[]> memberProba = memberPredictions();
        double[] expected = new double[memberProba.get(0).length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = 0.75 * memberProba.get(0)[i] + 0.25 * memberProba.get(1)[i];
        }
        TrainedPipeline vote = new TrainedPipeline(featurizer, encoding, "VotingEnsemble", Params.empty(), members,
                new Combination.Vote(new double[] {0.75, 0.25}));
        assertArrayClose(expected, vote.predict(features).values(), 1e-12);
        Predictions loaded = savedAndLoaded(vote);
        assertArrayClose(expected, loaded.values(), 1e-9);
    }

    @Test
    void aCalibratedVoteCorrectsItsAverageAndKeepsItsCalibrationThroughSaving() throws Exception {
        List<double[]> memberProba = memberPredictions();
        int k = memberProba.get(0).length / features.rows();
        double[] average = new double[memberProba.get(0).length];
        for (int i = 0; i < average.length; i++) {
            average[i] = 0.75 * memberProba.get(0)[i] + 0.25 * memberProba.get(1)[i];
        }
        ProbabilityCalibration calibration = new ProbabilityCalibration(1.7, 0.01);
        double[] expected = calibration.apply(average, k);
        TrainedPipeline vote = new TrainedPipeline(featurizer, encoding, "VotingEnsemble", Params.empty(), members,
                new Combination.Vote(new double[] {0.75, 0.25}, calibration));
        assertArrayClose(expected, vote.predict(features).values(), 1e-12);
        assertArrayClose(expected, savedAndLoaded(vote).values(), 1e-9);
        String manifest = Files.readString(tmp.resolve("model/model.json"));
        assertTrue(manifest.contains("\"calibration\" : {\n    \"power\" : 1.7,\n    \"floor\" : 0.01\n  }"), manifest);
    }

    @Test
    void aSaveThatFailsLeavesTheModelBeforeItIntact() throws Exception {
        TrainedPipeline vote = new TrainedPipeline(featurizer, encoding, "VotingEnsemble", Params.empty(), members,
                new Combination.Vote(new double[] {0.75, 0.25}));
        double[] before = savedAndLoaded(vote).values();
        // A member whose files cannot be written, as on a full disk, half way through the save.
        FittedModel full = new FittedModel() {
            @Override
            public Predictions predict(FeatureMatrix x) {
                return members.get(1).model().predict(x);
            }

            @Override
            public void save(Path dir) throws IOException {
                Files.writeString(dir.resolve("part"), "half a model");
                throw new IOException("No space left on device");
            }

            @Override
            public Params fittedParams() {
                return members.get(1).model().fittedParams();
            }
        };
        TrainedPipeline next = new TrainedPipeline(featurizer, encoding, "VotingEnsemble", Params.empty(),
                List.of(members.get(0), new Member(members.get(1).learner(), members.get(1).params(), full)),
                new Combination.Vote(new double[] {0.5, 0.5}));
        Path dir = tmp.resolve("model");
        IOException e = assertThrows(IOException.class,
                () -> ModelStore.save(dir, next, DataSource.typesOf(features), TARGET, null));
        assertEquals("No space left on device", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("model.saving")), "the half-written model is cleared");
        try (ModelStore.LoadedModel loaded = ModelStore.load(dir, LearnerCatalog.standard())) {
            assertArrayClose(before, loaded.pipeline().predict(features).values(), 0);
        }
    }

    private List<double[]> memberPredictions() {
        List<double[]> out = new ArrayList<>();
        for (Member m : members) {
            out.add(m.model().predict(featurizer.transform(features, null, m.learner().view())).values());
        }
        return out;
    }

    private Predictions savedAndLoaded(TrainedPipeline pipeline) throws Exception {
        Path dir = tmp.resolve("model");
        ModelStore.save(dir, pipeline, DataSource.typesOf(features), TARGET, null);
        assertTrue(Files.isRegularFile(dir.resolve("model.json")));
        try (ModelStore.LoadedModel loaded = ModelStore.load(dir, LearnerCatalog.standard())) {
            assertEquals(pipeline.algorithm(), loaded.manifest().algorithm());
            assertEquals(2, loaded.pipeline().members().size());
            return loaded.pipeline().predict(features);
        }
    }

    private static void assertArrayClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "value " + i);
        }
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("testdata"))) {
            p = p.getParent();
        }
        return p;
    }
}

package dev.automl.engine.ensemble;

import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import dev.automl.engine.model.ProbabilityCalibration;
import dev.automl.engine.model.StackFeatures;
import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.Scorer;
import dev.automl.engine.trial.TrialFit;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialScores;
import dev.automl.engine.trial.TrialStatus;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import dev.automl.metrics.MetricCatalog;
import dev.automl.metrics.MetricDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds a run's ensembles from its trials' validation predictions (out-of-fold with cross-validation): a
 * voting ensemble by greedy selection and a stack whose meta-learner is scored by cross-fitting, so that
 * neither is scored on predictions its own combiner was fitted to, except for the vote's weights, as in Azure. A
 * classification ensemble's probabilities are then calibrated where that lowers the log loss of rows the
 * calibration did not see ({@link ProbabilityCalibrator}), and never reach 0 or 1.
 */
public final class EnsembleBuilder {

    /** Candidates: the best trials, plus the best of each algorithm so that the vote can mix model families. */
    static final int BEST_CANDIDATES = 10;
    /** Caruana's sorted initialisation starts from at most this many of the best. */
    static final int MAX_INITIAL = 3;
    /** Greedy additions; AutoGluon uses 25 by default for its weighted ensemble's first stage. */
    static final int ITERATIONS = 25;
    /** A stack's members: the vote's, topped up with the next best, at most this many. */
    static final int MAX_STACK_MEMBERS = 5;
    static final int CROSS_FIT_FOLDS = 5;
    /** The vote's weights are chosen on at most this many validation rows, evenly spaced among them. */
    static final int SELECTION_ROWS = 50_000;
    /** The meta-learner's penalty is chosen on at most this many validation rows, with this many folds. */
    static final int GRID_ROWS = 2_000;
    static final int GRID_FOLDS = 3;

    private final Scorer scorer;
    private final Target scoredTarget;
    private final MetaLearnerChoice meta;
    private final long seed;

    /**
     * @param scoredTarget the target of the rows the trials' predictions cover, in the same order
     * @param meta         the stack's meta-learner, or null for no stack
     */
    public EnsembleBuilder(Scorer scorer, Target scoredTarget, MetaLearnerChoice meta, long seed) {
        this.scorer = scorer;
        this.scoredTarget = scoredTarget;
        this.meta = meta;
        this.seed = seed;
    }

    /** The trials an ensemble may use: completed, with predictions for every validation row; best first. */
    public static List<TrialResult> candidates(List<TrialResult> ranked) {
        List<TrialResult> usable = ranked.stream()
                .filter(r -> r.completed() && r.validPredictions() != null && !r.isEnsemble()).toList();
        Set<TrialResult> out = new LinkedHashSet<>(usable.subList(0, Math.min(BEST_CANDIDATES, usable.size())));
        Set<String> algorithms = new LinkedHashSet<>();
        for (TrialResult r : usable) {
            if (algorithms.add(r.algorithm())) {
                out.add(r);
            }
        }
        List<TrialResult> list = new ArrayList<>(out);
        list.sort((a, b) -> Integer.compare(usable.indexOf(a), usable.indexOf(b)));
        return list;
    }

    /** The voting ensemble of the candidates (best first); needs at least two. */
    public TrialResult vote(int id, List<TrialResult> candidates, Deadline deadline) {
        long start = System.nanoTime();
        List<double[]> predictions = candidates.stream().map(TrialResult::validPredictions).toList();
        MetricDefinition metric = scorer.primary();
        // Weights are chosen on a sample of a large holdout: each of the selection's hundreds of scorings costs a
        // sort of every row (290,000 rows: 27 s), and a few tens of thousands tell the members' weights apart.
        int[] rows = evenlySpaced(scoredTarget.size(), SELECTION_ROWS);
        Target y = rows.length == scoredTarget.size() ? scoredTarget : scoredTarget.select(rows);
        List<double[]> chosenOn = rows.length == scoredTarget.size() ? predictions
                : predictions.stream().map(p -> rowsOf(p, rows, p.length / scoredTarget.size())).toList();
        GreedyEnsembleSelection.Selection s = new GreedyEnsembleSelection(MAX_INITIAL, ITERATIONS)
                .select(chosenOn, p -> scorer.primaryScore(y, p), metric, deadline);
        double[] w = s.weights();
        List<Integer> ids = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            if (w[c] > 0) {
                ids.add(candidates.get(c).id());
                weights.add(w[c]);
            }
        }
        double[] combined = GreedyEnsembleSelection.predictions(predictions, s);
        Candidate.Vote vote = new Candidate.Vote(ids, weights.stream().mapToDouble(Double::doubleValue).toArray());
        return completed(id, vote, combined, start, candidates);
    }

    /**
     * The stack over the vote's members, topped up with the best candidates: the meta-learner's configuration is
     * chosen, and the stack scored, on cross-fitted predictions over the validation rows.
     */
    public TrialResult stack(int id, List<TrialResult> candidates, List<Integer> voteMembers, Deadline deadline) {
        long start = System.nanoTime();
        List<TrialResult> members = new ArrayList<>();
        for (TrialResult c : candidates) {
            if (voteMembers.contains(c.id())) {
                members.add(c);
            }
        }
        for (TrialResult c : candidates) {
            if (members.size() >= MAX_STACK_MEMBERS) {
                break;
            }
            if (!members.contains(c)) {
                members.add(c);
            }
        }
        members.sort((a, b) -> Integer.compare(candidates.indexOf(a), candidates.indexOf(b)));
        Candidate.Stack described = new Candidate.Stack(members.stream().map(TrialResult::id).toList(), meta.type(),
                meta.learner(), null);
        try {
            FeatureMatrix x = features(members);
            Params chosen = meta.candidates().size() == 1 ? meta.candidates().get(0) : choose(x, deadline);
            double[] crossFitted = chosen == null ? null : crossFit(x, scoredTarget, allRows(), CROSS_FIT_FOLDS, chosen, deadline);
            if (crossFitted == null) {
                return TrialResult.failed(id, described, TrialStatus.TIMED_OUT, "no time left to fit the meta-learner",
                        seconds(start));
            }
            return completed(id, described.withMetaParams(chosen), crossFitted, start, members);
        } catch (RuntimeException e) {
            return TrialResult.failed(id, described, TrialStatus.FAILED, "meta-learner " + meta.type() + ": " + e.getMessage(),
                    seconds(start));
        }
    }

    /** The meta-learner's features for the stack's members, over every validation row. */
    private FeatureMatrix features(List<TrialResult> members) {
        return features(members, scoredTarget);
    }

    private static FeatureMatrix features(List<TrialResult> members, Target scoredTarget) {
        int width = scoredTarget.task() == Task.CLASSIFICATION ? scoredTarget.numClasses() : 1;
        return StackFeatures.of(members.stream().map(TrialResult::validPredictions).toList(), scoredTarget.size(),
                scoredTarget.task(), width);
    }

    /**
     * Fits a stack's meta-learner on all validation rows' member predictions, as its refit does.
     *
     * @param scoredTarget the target of the rows the members' predictions cover, in the same order
     */
    public static FittedModel fitMeta(Candidate.Stack stack, List<TrialResult> members, Target scoredTarget,
                                      Deadline deadline, long seed) {
        return stack.metaLearner().fit(new TrainingData(features(members, scoredTarget), scoredTarget), null,
                stack.metaParams(), new TrialContext(deadline, 1, seed));
    }

    /**
     * The meta-learner configuration that scores best cross-fitted on a sample of the validation rows: the grid
     * costs several fits each, and a few thousand rows tell penalties apart about as well as all of them.
     */
    private Params choose(FeatureMatrix x, Deadline deadline) {
        int[] sample = allRows();
        if (sample.length > GRID_ROWS) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < sample.length; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed ^ 0x5DEECE66DL));
            sample = order.subList(0, GRID_ROWS).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        FeatureMatrix xs = x.select(sample);
        Target ys = scoredTarget.select(sample);
        Params best = null;
        double bestScore = Double.NaN;
        for (Params p : meta.candidates()) {
            double[] crossFitted = crossFit(xs, ys, sample, GRID_FOLDS, p, deadline);
            if (crossFitted == null) {
                break;
            }
            double score = scorer.primaryScore(ys, crossFitted);
            if (best == null || scorer.primary().isBetter(score, bestScore)) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    /** Out-of-fold predictions of the meta-learner over the given rows, or null if the deadline passed. */
    private double[] crossFit(FeatureMatrix allX, Target y, int[] rows, int k, Params p, Deadline deadline) {
        int width = width();
        FeatureMatrix x = rows.length == allX.rows() ? allX : allX.select(rows);
        double[] out = new double[y.size() * width];
        int[][] folds = folds(y.size(), k, seed);
        for (int f = 0; f < folds.length; f++) {
            if (deadline.expired()) {
                return null;
            }
            int[] valid = folds[f];
            int[] train = complement(valid, y.size());
            TrainingData t = new TrainingData(x.select(train), y.select(train));
            try (FittedModel m = meta.learner().fit(t, null, p, new TrialContext(deadline, 1, seed + f))) {
                double[] v = m.predict(x.select(valid)).values();
                for (int i = 0; i < valid.length; i++) {
                    System.arraycopy(v, i * width, out, valid[i] * width, width);
                }
            }
        }
        return out;
    }

    private int[] allRows() {
        int[] out = new int[scoredTarget.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        return out;
    }

    private int width() {
        return scoredTarget.task() == Task.CLASSIFICATION ? scoredTarget.numClasses() : 1;
    }

    /** At most {@code most} of the positions below {@code n}, evenly spaced; all of them when there are no more. */
    static int[] evenlySpaced(int n, int most) {
        int k = Math.min(n, most);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = (int) ((long) i * n / k);
        }
        return out;
    }

    /** The rows {@code rows} of row-major values {@code width} wide. */
    static double[] rowsOf(double[] values, int[] rows, int width) {
        double[] out = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * width, out, i * width, width);
        }
        return out;
    }

    /** Shuffled folds of {@code n} rows, each sorted; fixed by the seed. */
    static int[][] folds(int n, int wanted, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int k = Math.min(wanted, Math.max(2, n / 2));
        int[][] out = new int[k][];
        for (int f = 0; f < k; f++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = f; i < n; i += k) {
                rows.add(order.get(i));
            }
            out[f] = rows.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
    }

    /** The rows below {@code n} that are not in {@code sorted}, ascending. */
    static int[] complement(int[] sorted, int n) {
        int[] out = new int[n - sorted.length];
        int at = 0;
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (j < sorted.length && sorted[j] == i) {
                j++;
            } else {
                out[at++] = i;
            }
        }
        return out;
    }

    private TrialResult completed(int id, Candidate.Ensemble ensemble, double[] predictions, long start,
                                  List<TrialResult> members) {
        if (scoredTarget.task() == Task.CLASSIFICATION) {
            ProbabilityCalibrator.Fit fit = ProbabilityCalibrator.fit(scoredTarget, predictions, seed);
            double[] inSample = fit.calibration().apply(predictions, scoredTarget.numClasses());
            // The power and floor keep each row's most probable class, but may still move a ranking metric a little.
            boolean pays = fit.pays() && !scorer.primary().isBetter(scorer.primaryScore(scoredTarget, fit.plain()),
                    scorer.primaryScore(scoredTarget, inSample));
            ensemble = ensemble.withCalibration(pays ? fit.calibration() : ProbabilityCalibration.leastFloor());
            // Scored by log loss, the row must not be judged on rows its calibration was fitted to; a ranking metric
            // is scored as the saved model will predict, the two fitted calibrations' blend of folds being no model.
            predictions = !pays ? fit.plain() : logLossRanked() ? fit.crossFitted() : inSample;
        }
        Map<String, Double> metrics = scorer.score(scoredTarget, predictions);
        int folds = members.stream().mapToInt(TrialResult::foldsFitted).min().orElse(1);
        return TrialResult.completed(id, ensemble, "", new TrialScores(metrics, scorer.primaryOf(metrics), predictions),
                new TrialFit(seconds(start), folds, ensemble.params(), 1));
    }

    private boolean logLossRanked() {
        return scorer.primary().name().equals(MetricCatalog.LOG_LOSS);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

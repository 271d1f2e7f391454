package dev.automl.engine.run;

import dev.automl.algorithms.Deadline;
import dev.automl.engine.ensemble.EnsembleBuilder;
import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.FeatureCache;
import dev.automl.engine.trial.Leaderboard;
import dev.automl.engine.trial.TrialFit;
import dev.automl.engine.trial.TrialOutcome;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.trial.TrialRunner;
import dev.automl.engine.trial.TrialScores;
import dev.automl.engine.trial.TrialSpec;
import dev.automl.engine.validation.Fold;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.engine.validation.ValidationPlanner;
import dev.automl.featurization.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bagging stage, for small data: when early termination ends a k-fold search with time left, the time goes
 * where AutoGluon spends it. The best configurations are cross-validated again on freshly drawn folds (repeated
 * cross-validation), each row's out-of-fold predictions averaged over the repeats, and each becomes a new
 * leaderboard row whose final model averages a model per fold of every repeat ({@code BaggedModel}) instead of one
 * refit. No new configuration is tried, so early termination keeps its meaning; every repeat leaves time for the
 * bags' own fits, the ensembles and saving.
 */
final class BaggingStage {

    /** The best configurations bagged, at most. */
    static final int CONFIGURATIONS = 10;
    /**
     * A bag holds at most this many models (so many repeats of k folds), which bounds its predictions' cost; AutoGluon's
     * best quality bags up to 20 repeats of 8 folds.
     */
    static final int MAX_BAG_MODELS = 50;

    private final RunContext ctx;

    BaggingStage(RunContext ctx) {
        this.ctx = ctx;
    }

    /** One configuration's repeated cross-validation so far. */
    private static final class Repeated {
        final TrialResult original;
        final double[] sum;
        final List<Fold> folds = new ArrayList<>();
        int rounds = 1;
        int foldsFitted;
        double seconds;

        Repeated(TrialResult original, ValidationPlan plan) {
            this.original = original;
            this.sum = original.validPredictions().clone();
            this.folds.addAll(plan.folds());
            this.foldsFitted = original.foldsFitted();
            this.seconds = original.fitSeconds();
        }

        /** One round of k-fold cross-validation of this configuration: what the next repeat is expected to take. */
        double secondsPerRound() {
            return seconds / rounds;
        }
    }

    /** Runs the stage; the search's result with what bagging added to it. */
    SearchResult bag(Prepared p, SearchResult searched) {
        BaggingResult bagged = bagging(p, searched);
        return searched.withBagging(bagged);
    }

    BaggingResult bagging(Prepared p, SearchResult searched) {
        long start = System.nanoTime();
        ValidationPlan plan = p.plan();
        if (!searched.endedEarly() || plan.kind() != ValidationPlan.Kind.KFOLD) {
            return BaggingResult.none(RunContext.secondsSince(start));
        }
        Leaderboard board = searched.board();
        List<TrialResult> best = best(board);
        if (best.isEmpty()) {
            return BaggingResult.none(RunContext.secondsSince(start));
        }
        Map<Integer, Repeated> repeated = new LinkedHashMap<>();
        for (TrialResult r : best) {
            repeated.put(r.id(), new Repeated(r, plan));
        }
        int threads = p.spec().limits().threadsPerTrial(ctx.cores());
        int repeats = 0;
        boolean announced = false;
        rounds:
        for (int r = 1; r <= maxRepeats(plan.folds().size()); r++) {
            ValidationPlan again = ValidationPlanner.kfold(p.data().target(), plan.folds().size(),
                    ctx.seed() * 31 + r * 7919L);
            FeatureCache features = p.features().on(again);
            TrialRunner runner = new TrialRunner(features, p.scorer());
            for (Repeated c : repeated.values()) {
                double need = RefitEstimate.SAFETY * c.secondsPerRound();
                double left = ctx.budget().modelEnd().remainingSeconds()
                        - reserve(repeated, searched.estimate(), c, p.spec().limits().timeoutMinutes() * 60);
                if (need > left) {
                    break rounds;
                }
                if (!announced) {
                    // Said only once a repeat fits: a search that ends with too little time left for one says nothing.
                    ctx.reporter().info(String.format(Locale.ROOT, "The search ended with %.0f s left: cross-validating"
                            + " the best %d configurations again on new folds, to bag their models.",
                            ctx.budget().modelEnd().remainingSeconds(), best.size()));
                    announced = true;
                }
                Candidate.Configuration config = (Candidate.Configuration) c.original.candidate();
                TrialSpec spec = new TrialSpec(c.original.id(), config);
                try (TrialOutcome outcome = runner.run(spec, Deadline.afterSeconds(left), threads,
                        ctx.seed() * 1_000_003L + c.original.id() + 104_729L * r,
                        "the time early termination left", false)) {
                    TrialResult result = outcome.result();
                    if (!result.completed() || result.validPredictions() == null) {
                        ctx.reporter().info("Repeat " + r + " of trial " + c.original.id() + " did not complete ("
                                + result.reason() + "); bagging stops.");
                        break rounds;
                    }
                    add(c.sum, result.validPredictions());
                    c.rounds++;
                    c.folds.addAll(again.folds());
                    c.foldsFitted += result.foldsFitted();
                    c.seconds += result.fitSeconds();
                }
            }
            repeats = r;
        }
        List<TrialResult> rows = new ArrayList<>();
        Target scored = p.data().target().select(plan.scoredRows());
        for (Repeated c : repeated.values()) {
            if (c.rounds < 2) {
                continue;
            }
            TrialResult row = row(board.nextId(), c, scored, p);
            board.add(row);
            ctx.out().record(row, board);
            ctx.reporter().trialFinished(row, board);
            rows.add(row);
        }
        return new BaggingResult(rows, repeats, RunContext.secondsSince(start));
    }

    /** Repeats beyond the search's own cross-validation that keep a bag of k-fold models within its bound. */
    static int maxRepeats(int folds) {
        return Math.max(1, MAX_BAG_MODELS / folds - 1);
    }

    /**
     * The configurations to bag: the best of each algorithm first, so that an ensemble of bags can mix model families,
     * then the next best; only trials on all rows, which every ensemble candidate is on small data.
     */
    private static List<TrialResult> best(Leaderboard board) {
        List<TrialResult> candidates = EnsembleBuilder.candidates(board.ranked()).stream()
                .filter(r -> ((Candidate.Configuration) r.candidate()).sampleRows() == 0).toList();
        LinkedHashSet<TrialResult> out = new LinkedHashSet<>();
        Set<String> algorithms = new HashSet<>();
        for (TrialResult r : candidates) {
            if (algorithms.add(r.algorithm())) {
                out.add(r);
            }
        }
        out.addAll(candidates);
        return out.stream().limit(CONFIGURATIONS).toList();
    }

    /**
     * Seconds to keep after one more repeat of {@code next}: the ensembles' building, saving, and the fits of the bags
     * an ensemble of the best would need, as many of them as take at most {@link SearchStage#ENSEMBLE_REFIT_SHARE} of
     * the budget together (at least the best one's), as the search plans its refit. A bag that does not fit at the
     * end gives way to one refit.
     */
    private static double reserve(Map<Integer, Repeated> repeated, RefitEstimate estimate, Repeated next, double timeout) {
        double bags = 0;
        for (Repeated c : repeated.values()) {
            int models = c.folds.size() + (c == next ? next.folds.size() / next.rounds : 0);
            double bag = estimate.bagSeconds(c.original, models);
            if (bags > 0 && bags + bag > SearchStage.ENSEMBLE_REFIT_SHARE * timeout) {
                break;
            }
            bags += bag;
        }
        return 1.5 + TimeBudget.SAVE_SECONDS + SearchStage.ENSEMBLE_BUILD_SECONDS + bags;
    }

    private TrialResult row(int id, Repeated c, Target scored, Prepared p) {
        double[] mean = c.sum.clone();
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= c.rounds;
        }
        Map<String, Double> metrics = p.scorer().score(scored, mean);
        Candidate.Configuration config = ((Candidate.Configuration) c.original.candidate()).bagged(c.folds);
        String note = String.format(Locale.ROOT, "trial %d cross-validated %d times; its model averages %d fold models",
                c.original.id(), c.rounds, c.folds.size());
        return TrialResult.completed(id, config, note, new TrialScores(metrics, p.scorer().primaryOf(metrics), mean),
                new TrialFit(c.seconds, c.foldsFitted, c.original.refitParams(), c.original.refitShare()));
    }

    private static void add(double[] into, double[] v) {
        for (int i = 0; i < into.length; i++) {
            into[i] += v[i];
        }
    }
}

package dev.automl.engine.run;

import dev.automl.algorithms.BaggedModel;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.ColumnType;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Table;
import dev.automl.data.TableDigest;
import dev.automl.engine.ensemble.EnsembleBuilder;
import dev.automl.engine.job.JobData;
import dev.automl.engine.job.JobSpec;
import dev.automl.engine.job.SeriesData;
import dev.automl.engine.model.Combination;
import dev.automl.engine.model.ForecastFile;
import dev.automl.engine.model.ForecastIntervals;
import dev.automl.engine.model.Member;
import dev.automl.engine.model.ModelStore;
import dev.automl.engine.model.Provenance;
import dev.automl.engine.model.TrainedPipeline;
import dev.automl.engine.run.RefitAttempt.Reason;
import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.FeatureCache;
import dev.automl.engine.trial.ForecastWindows;
import dev.automl.engine.trial.Scorer;
import dev.automl.engine.trial.TrialOutcome;
import dev.automl.engine.trial.TrialResult;
import dev.automl.engine.validation.Fold;
import dev.automl.featurization.FeatureView;
import dev.automl.featurization.FittedFeaturizer;
import dev.automl.featurization.FeaturizationSummary;
import dev.automl.featurization.Target;
import dev.automl.featurization.series.SeriesFeatures;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The finish stage: refits the best leaderboard row on all training rows and saves it, then scores it on the
 * job's test data. A row is a trial's learner, or an ensemble's members (and a stack's meta-learner). The refit aims
 * to end by the job's timeout. When a trial's refit will not fit in the time left, or fails, its model of the plan's
 * stand-in fold (the first, or rolling origin's last) stands in; when an ensemble's will not, its members' stand-in
 * models stand in, each refitted on all rows where that fits.
 */
final class FinishStage {

    /** Below this many rows a refit trains with one library thread (see TrialRunner). */
    static final int SMALL_DATA_ROWS = 20_000;
    /** How many of the best rows are tried before the run gives up on a model. */
    static final int ROWS_TRIED = 5;
    static final String FIRST_FOLD_MODEL = "the model of the first validation fold, trained on its training rows";
    static final String LAST_FOLD_MODEL = "the model of the last validation fold, trained on its training rows";
    /** A forecasting job's forecasts of its test data, beside the actual values. */
    static final String FORECAST_FILE = "forecast.csv";
    static final String FIRST_FOLD_MODELS = "the members' models of the first validation fold, trained on its training rows";
    static final String LAST_FOLD_MODELS = "the members' models of the last validation fold, trained on its training rows";

    private final RunContext ctx;

    FinishStage(RunContext ctx) {
        this.ctx = ctx;
    }

    /** An attempt, and the pipeline it left to save (null when it left none). */
    private record Attempted(RefitAttempt attempt, TrainedPipeline pipeline) {
    }

    FinishResult finish(Prepared p, SearchResult searched) {
        long start = System.nanoTime();
        Deadline finishBy = ctx.budget().modelEnd().minusSeconds(TimeBudget.SAVE_SECONDS);
        List<TrialResult> rows = searched.board().ranked().stream().filter(TrialResult::completed).limit(ROWS_TRIED).toList();
        List<RefitAttempt> attempts = new ArrayList<>();
        double refitSeconds = Double.NaN;
        double saveSeconds = Double.NaN;
        String modelFailure = null;
        for (TrialResult row : rows) {
            if (ctx.budget().hardEnd().minusSeconds(TimeBudget.SAVE_SECONDS).remainingSeconds() < 0.5) {
                break;
            }
            Attempted a = row.candidate() instanceof Candidate.Ensemble e
                    ? ensemble(row, e, p, searched, finishBy)
                    : single(row, (Candidate.Configuration) row.candidate(), p, searched, finishBy);
            refitSeconds = RunContext.secondsSince(start);
            if (a.pipeline() == null) {
                attempts.add(a.attempt());
                continue;
            }
            long saveStart = System.nanoTime();
            FinishResult.TestScores test;
            try (TrainedPipeline saving = p.data().series() == null ? a.pipeline()
                    : a.pipeline().withSeries(p.data().series().features())) {
                test = save(saving, row, p);
            } catch (InvalidInputException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                modelFailure = ModelStore.describe(e);
                ctx.reporter().info("Saving trial " + row.id() + "'s model failed: " + modelFailure);
                attempts.add(a.attempt().passedOver(Reason.failed("saving the model failed: " + modelFailure)));
                continue;
            } finally {
                saveSeconds = RunContext.secondsSince(saveStart);
            }
            ctx.reporter().info("Model saved to " + ctx.out().modelDir());
            if (p.data().series() == null) {
                MetricArtifacts.writeOrReport(ctx, ctx.out().metricsDir(), "validation",
                        p.data().target().select(p.plan().scoredRows()), row.validPredictions(), p.data().target());
            }
            attempts.add(a.attempt());
            return new FinishResult(attempts, a.attempt(), test, modelFailure, refitSeconds, saveSeconds);
        }
        return new FinishResult(attempts, null, null, modelFailure, refitSeconds, saveSeconds);
    }

    private Attempted single(TrialResult row, Candidate.Configuration c, Prepared p, SearchResult searched,
                             Deadline finishBy) {
        long t0 = System.nanoTime();
        Optional<TrialOutcome> standing = searched.standIns().take(row.id());
        // With a stand-in to fall back on, a refit that will likely fit is worth trying.
        double likely = searched.estimate().likelySeconds(row);
        double needed = likely + 1;
        TrainedPipeline pipeline = null;
        RefitAttempt.Result result = null;
        Reason whyNot = null;
        if (standing.isPresent() && needed > finishBy.remainingSeconds()) {
            whyNot = Reason.skipped(String.format(Locale.ROOT, "an estimated %.0f s, %.0f s left", needed,
                    finishBy.remainingSeconds()));
        } else {
            // A bag that will not fit in the time left gives way to one refit, which takes a fold's time.
            boolean bag = !c.bag().isEmpty() && needed <= finishBy.remainingSeconds();
            ctx.reporter().info(bag ? "Fitting trial " + row.id() + "'s bag of " + c.bag().size() + " " + row.algorithm()
                    + " models on its folds' training rows ..." : "Refitting trial " + row.id() + " (" + row.algorithm()
                    + ") on all " + p.plan().refitRows().length + " training rows ...");
            try {
                // Without a stand-in, a refit that runs late still beats no model: it may use the slack.
                Deadline by = standing.isPresent() || finishBy.remainingSeconds() > 1 ? finishBy
                        : ctx.budget().hardEnd().minusSeconds(TimeBudget.SAVE_SECONDS);
                TrainingData train = refitRows(p, searched, c.learner().view());
                FittedModel model = bag ? fitBag(c, train, row.refitParams(), p, by)
                        : fitWithin(c.learner(), train, row.refitParams(), p.spec(), by, ctx.budget().hardEnd());
                pipeline = TrainedPipeline.single(refitFeaturizer(p, searched), p.data().encoding(),
                        new Member(c.learner(), row.refitParams(), model));
                result = new RefitAttempt.Refitted(p.plan().refitRows().length, row.refitParams());
                if (standing.isPresent() && model.stoppedByDeadline()) {
                    // Fewer rounds or trees than validation chose: the first-fold model is the better one.
                    pipeline.close();
                    pipeline = null;
                    whyNot = Reason.skipped("the refit was cut short by timeout_minutes");
                }
            } catch (InvalidInputException e) {
                standing.ifPresent(TrialOutcome::close);
                throw e;
            } catch (RuntimeException | OutOfMemoryError e) {
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                ctx.reporter().info("Refit of trial " + row.id() + " failed (" + reason + ")");
                whyNot = Reason.failed(reason);
            }
        }
        if (pipeline == null && standing.isPresent()) {
            pipeline = TrainedPipeline.single(p.features().featurizer(p.plan().standInFold()), p.data().encoding(),
                    new Member(c.learner(), row.params(), standing.get().standIn()));
            result = new RefitAttempt.StandIn(standInRows(p), standInFirst(p) ? FIRST_FOLD_MODEL : LAST_FOLD_MODEL, whyNot);
            ctx.reporter().info("Saving trial " + row.id() + "'s " + p.plan().standInFoldName() + "-fold model instead of a"
                    + " refit (" + whyNot.text() + ").");
        } else if (standing.isPresent()) {
            standing.get().close();
        }
        if (pipeline == null) {
            result = new RefitAttempt.PassedOver(whyNot);
        }
        return new Attempted(new RefitAttempt(row, likely, result, RunContext.secondsSince(t0)), pipeline);
    }

    private Attempted ensemble(TrialResult row, Candidate.Ensemble e, Prepared p, SearchResult searched, Deadline finishBy) {
        long t0 = System.nanoTime();
        List<TrialResult> members = e.memberIds().stream().map(id -> searched.board().byId(id).orElseThrow()).toList();
        RefitEstimate estimate = searched.estimate();
        // Members' bags that will not fit in the time left give way to one refit each.
        boolean bags = estimate.seconds(members) + 1 <= finishBy.remainingSeconds();
        double needed = (bags ? estimate.seconds(members) : estimate.refitSeconds(members)) + 1;
        double likely = needed / RefitEstimate.SAFETY;
        TrainedPipeline pipeline = null;
        RefitAttempt.Result result;
        // The members' stand-in models (a holdout's validated models; with k folds those of the first fold, which
        // saw k-1 rows in k), with as many members refitted on all rows as fit, keep the ensemble that validation
        // chose: on abalone at one minute the vote of eight scored 1 % better than its best member, and passing it
        // over for that member's refit, as the run did with k folds, saved the worse model.
        if (needed > finishBy.remainingSeconds() && searched.standIns().hasAll(e.memberIds())) {
            try {
                List<Integer> refitted = new ArrayList<>();
                pipeline = ensembleOfStandIns(row, e, members, p, searched, finishBy, refitted);
                String models = (standInFirst(p) ? FIRST_FOLD_MODELS : LAST_FOLD_MODELS) + (refitted.isEmpty() ? ""
                        : ", except " + (refitted.size() == 1 ? "member " : "members ") + joined(refitted)
                        + ", refitted on all " + p.plan().refitRows().length + " training rows");
                result = new RefitAttempt.StandIn(standInRows(p), models, null);
                ctx.reporter().info("Saving trial " + row.id() + " (" + row.algorithm() + ") with its members' "
                        + p.plan().standInFoldName() + "-fold models" + (refitted.isEmpty() ? "" : " (" + joined(refitted)
                        + " refitted on all rows)") + "; refitting them all would take an estimated " + Math.round(needed) + " s.");
            } catch (RuntimeException | OutOfMemoryError ex) {
                result = new RefitAttempt.PassedOver(Reason.failed(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
            }
        } else if (needed > finishBy.remainingSeconds()) {
            result = new RefitAttempt.PassedOver(Reason.skipped(String.format(Locale.ROOT, "refitting its %d members would"
                    + " take an estimated %.0f s (%.0f s with a margin for error), %.0f s left", members.size(), likely,
                    needed, finishBy.remainingSeconds())));
        } else {
            ctx.reporter().info("Refitting trial " + row.id() + " (" + row.algorithm() + " of " + members.size()
                    + " models) on all " + p.plan().refitRows().length + " training rows ...");
            try {
                pipeline = refitEnsemble(row, e, members, p, searched, finishBy, bags);
                result = new RefitAttempt.Refitted(p.plan().refitRows().length, null);
                if (pipeline.members().stream().anyMatch(m -> m.model().stoppedByDeadline())) {
                    // A member with fewer rounds or trees than validation chose spoils the ensemble.
                    pipeline.close();
                    pipeline = null;
                    result = new RefitAttempt.PassedOver(Reason.failed("the refit was cut short by timeout_minutes"));
                }
            } catch (InvalidInputException ex) {
                throw ex;
            } catch (RuntimeException | OutOfMemoryError ex) {
                String reason = ex.getClass().getSimpleName() + ": " + ex.getMessage();
                ctx.reporter().info("Refit of trial " + row.id() + " failed (" + reason + ")");
                result = new RefitAttempt.PassedOver(Reason.failed(reason));
            }
        }
        return new Attempted(new RefitAttempt(row, likely, result, RunContext.secondsSince(t0)), pipeline);
    }

    private static String joined(List<Integer> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    /**
     * All training rows in one view, as a refit trains on them: for a holdout (or the user's validation data) under
     * the stand-in fold's featurizer, which its validated models were fed by and which the members an ensemble does
     * not refit keep (see {@link FeatureCache#refitRowsUnder}); with k folds or a rolling origin under the
     * featurizer of all rows.
     */
    private static TrainingData refitRows(Prepared p, SearchResult searched, FeatureView view) {
        return searched.estimate().required() ? p.features().allRows(view)
                : p.features().refitRowsUnder(p.plan().standInFold(), view);
    }

    /** The featurizer that feeds what {@link #refitRows} trains on. */
    private static FittedFeaturizer refitFeaturizer(Prepared p, SearchResult searched) {
        return searched.estimate().required() ? p.features().onAllRows() : p.features().featurizer(p.plan().standInFold());
    }

    private static boolean standInFirst(Prepared p) {
        return p.plan().standInFold() == 0;
    }

    private static int standInRows(Prepared p) {
        return p.plan().folds().get(p.plan().standInFold()).train().length;
    }

    /**
     * An ensemble of its members' stand-in-fold models, all fed by that fold's featurizer, with the members whose
     * refit on all rows fits in the time left refitted under that featurizer (see
     * {@link FeatureCache#refitRowsUnder}): those the search trained on a sample first, as they gain most, then by
     * their validation score. A series model is refitted on all rows in any case: its stand-in would forecast from
     * its fold's cut, weeks or months stale, and the series view (series and step) is the same under every fold's
     * featurizer. Where its refit does not fit in its share of the time left, the series its deadline leaves
     * unfitted forecast their last value, which is still from the right origin.
     *
     * @param refitted receives the ids of the members refitted on all rows
     */
    private TrainedPipeline ensembleOfStandIns(TrialResult row, Candidate.Ensemble e, List<TrialResult> members,
                                               Prepared p, SearchResult searched, Deadline by, List<Integer> refitted) {
        List<FittedModel> models = new ArrayList<>(searched.standIns().takeAll(e.memberIds()));
        List<Params> params = new ArrayList<>(members.stream().map(TrialResult::params).toList());
        long seriesMembers = members.stream().filter(m -> configuration(m).learner().view() == FeatureView.SERIES).count();
        for (int i = 0; i < members.size(); i++) {
            TrialResult m = members.get(i);
            Learner learner = configuration(m).learner();
            if (learner.view() == FeatureView.SERIES) {
                // Half the time left, shared among the series members still to refit; the rest is for saving.
                Deadline share = Deadline.afterSeconds(0.5 * by.remainingSeconds() / seriesMembers--).min(by);
                try {
                    FittedModel refit = fitWithin(learner, p.features().allRows(FeatureView.SERIES), m.refitParams(),
                            p.spec(), share, by);
                    models.set(i, refit).close();
                } catch (RuntimeException | OutOfMemoryError ex) {
                    ctx.reporter().info("Refit of series model " + m.id() + " failed; its stand-in stays (" + ex + ")");
                }
            }
        }
        RefitEstimate estimate = searched.estimate();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (configuration(members.get(i)).learner().view() != FeatureView.SERIES) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparing((Integer i) -> !estimate.sampled(members.get(i)))
                .thenComparingInt(i -> searched.board().ranked().indexOf(members.get(i))));
        // With the validated model to fall back on, a refit that will likely fit is worth trying, as in single();
        // a second for the combination. Time only shrinks, so a member whose refit does not fit now never will, and
        // its view of all rows is not featurized.
        IntPredicate stillFits = i -> estimate.refitSeconds(members.get(i)) / RefitEstimate.SAFETY + 1
                <= by.remainingSeconds();
        // With the user's validation data a member on all rows has seen every training row already.
        order.removeIf(i -> !stillFits.test(i)
                || !estimate.sampled(members.get(i)) && standInRows(p) >= p.plan().refitRows().length);
        Map<FeatureView, TrainingData> views = new EnumMap<>(FeatureView.class);
        for (int i : order) {
            views.computeIfAbsent(configuration(members.get(i)).learner().view(),
                    v -> p.features().refitRowsUnder(p.plan().standInFold(), v));
        }
        // Side by side on small data, as refitEnsemble does; each member starts only if its refit still fits then.
        ExecutorService pool = daemonPool(estimate.refitLanes(), "member-refit");
        Map<Integer, Future<FittedModel>> refits = new LinkedHashMap<>();
        for (int i : order) {
            TrialResult m = members.get(i);
            Learner learner = configuration(m).learner();
            refits.put(i, pool.submit(() -> {
                if (!stillFits.test(i)) {
                    return null;
                }
                ctx.reporter().info("Refitting member " + m.id() + " (" + m.algorithm() + ") on all "
                        + p.plan().refitRows().length + " training rows ...");
                return fitWithin(learner, views.get(learner.view()), m.refitParams(), p.spec(), by, by);
            }));
        }
        pool.shutdown();
        InvalidInputException invalid = null;
        for (Map.Entry<Integer, Future<FittedModel>> f : refits.entrySet()) {
            int i = f.getKey();
            TrialResult m = members.get(i);
            try {
                FittedModel refit = f.getValue().get();
                if (refit == null) {
                    continue;
                }
                if (refit.stoppedByDeadline()) {
                    refit.close(); // fewer rounds or trees than validation chose: the validated model is the better one
                    continue;
                }
                models.set(i, refit).close();
                params.set(i, m.refitParams());
                refitted.add(m.id());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ex) {
                if (ex.getCause() instanceof InvalidInputException e2) {
                    invalid = e2;
                } else {
                    ctx.reporter().info("Refit of member " + m.id() + " failed; its validated model stays ("
                            + ex.getCause() + ")");
                }
            }
        }
        views.clear();
        if (invalid != null) {
            models.forEach(FittedModel::close);
            throw invalid;
        }
        List<Member> fitted = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            fitted.add(new Member(configuration(members.get(i)).learner(), params.get(i), models.get(i)));
        }
        try {
            return new TrainedPipeline(p.features().featurizer(p.plan().standInFold()), p.data().encoding(), row.algorithm(), row.params(),
                    fitted, combination(e, members, p, by));
        } catch (RuntimeException ex) {
            fitted.forEach(Member::close);
            throw ex;
        }
    }

    /**
     * The ensemble with every member refitted on all rows; single refits on small data side by side, longest first,
     * as {@link RefitEstimate#refitSeconds(List)} plans them.
     *
     * @param bags whether members whose final model is a bag get it, rather than one refit
     */
    private TrainedPipeline refitEnsemble(TrialResult row, Candidate.Ensemble e, List<TrialResult> members, Prepared p,
                                          SearchResult searched, Deadline by, boolean bags) {
        Map<FeatureView, TrainingData> views = new EnumMap<>(FeatureView.class);
        for (TrialResult m : members) {
            views.computeIfAbsent(configuration(m).learner().view(), v -> refitRows(p, searched, v));
        }
        boolean anyBag = bags && members.stream().anyMatch(m -> !configuration(m).bag().isEmpty());
        int lanes = anyBag ? 1 : searched.estimate().refitLanes();
        ExecutorService pool = daemonPool(lanes, "member-refit");
        List<Future<FittedModel>> fits = new ArrayList<>(Collections.nCopies(members.size(), null));
        RefitEstimate estimate = searched.estimate();
        List<Integer> longestFirst = IntStream.range(0, members.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -estimate.refitSeconds(members.get(i)))).toList();
        for (int i : longestFirst) {
            TrialResult m = members.get(i);
            Candidate.Configuration c = configuration(m);
            TrainingData train = views.get(c.learner().view());
            fits.set(i, pool.submit(() -> c.bag().isEmpty() || !bags
                    ? fitWithin(c.learner(), train, m.refitParams(), p.spec(), by, by)
                    : fitBag(c, train, m.refitParams(), p, by)));
        }
        pool.shutdown();
        List<Member> fitted = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < members.size(); i++) {
            try {
                fitted.add(new Member(configuration(members.get(i)).learner(), members.get(i).refitParams(),
                        fits.get(i).get()));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted");
            } catch (ExecutionException ex) {
                if (ex.getCause() instanceof OutOfMemoryError oom) {
                    fitted.forEach(Member::close);
                    throw oom;
                }
                failure = failure != null ? failure : ex.getCause() instanceof RuntimeException re ? re
                        : new IllegalStateException(ex.getCause());
            }
        }
        views.clear();
        try {
            if (failure != null) {
                throw failure;
            }
            return new TrainedPipeline(refitFeaturizer(p, searched), p.data().encoding(), row.algorithm(), row.params(),
                    fitted, combination(e, members, p, by));
        } catch (RuntimeException | OutOfMemoryError ex) {
            fitted.forEach(Member::close);
            throw ex;
        }
    }

    /**
     * The vote's weights, or the stack's meta-learner fitted on all validation rows' member predictions; either with
     * the calibration the ensemble stage fitted.
     */
    private Combination combination(Candidate.Ensemble e, List<TrialResult> members, Prepared p, Deadline by) {
        if (e instanceof Candidate.Stack stack) {
            Target scored = p.data().target().select(p.plan().scoredRows());
            return new Combination.Stack(stack.metaLearner(), stack.metaParams(),
                    EnsembleBuilder.fitMeta(stack, members, scored, by, ctx.seed()), stack.calibration());
        }
        return new Combination.Vote(((Candidate.Vote) e).weights(), e.calibration());
    }

    private static Candidate.Configuration configuration(TrialResult member) {
        if (member.candidate() instanceof Candidate.Configuration c) {
            return c;
        }
        throw new IllegalStateException("trial " + member.id() + " is an ensemble, which cannot be an ensemble's member");
    }

    /**
     * A bag of the configuration's models, one per fold of its repeated cross-validation, each fitted on that fold's
     * training rows of all rows' features (the folds' own featurizers are not kept), with the rounds its validation
     * found for a fold of that size.
     */
    private FittedModel fitBag(Candidate.Configuration c, TrainingData all, Params params, Prepared p, Deadline by) {
        // Side by side with one library thread each, as the trial's folds were fitted (see TrialRunner).
        int workers = Math.max(1, Math.min(p.spec().limits().threadsPerTrial(ctx.cores()), c.bag().size()));
        ExecutorService pool = daemonPool(workers, "bag");
        List<Future<FittedModel>> fits = new ArrayList<>();
        for (int i = 0; i < c.bag().size(); i++) {
            Fold fold = c.bag().get(i);
            long seed = ctx.seed() * 1_000_003L + 7919L * i;
            fits.add(pool.submit(() -> {
                if (by.expired()) {
                    return null; // fewer models still average to a sound model; one fitted past the deadline would not
                }
                TrainingData part = new TrainingData(all.x().select(fold.train()), all.y().select(fold.train()));
                return c.learner().fit(part, null, params, new TrialContext(by, 1, seed));
            }));
        }
        pool.shutdown();
        List<FittedModel> models = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<FittedModel> f : fits) {
            try {
                FittedModel m = f.get(Math.max(1, (long) ((by.remainingSeconds() + 1) * 1000)), TimeUnit.MILLISECONDS);
                if (m != null) {
                    models.add(m);
                }
            } catch (TimeoutException e) {
                f.cancel(true);
                failure = failure != null ? failure : new IllegalStateException("the bag did not finish within the time limit");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted");
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException re ? re
                        : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null || models.isEmpty()) {
            models.forEach(FittedModel::close);
            throw failure != null ? failure : new IllegalStateException("no model of the bag fitted before the deadline");
        }
        return new BaggedModel(p.data().target().task(), models);
    }

    /** A pool of daemon threads, so that a fit abandoned at its deadline does not keep the JVM alive. */
    private static ExecutorService daemonPool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Fits a learner on all training rows in a thread of its own: the learner aims for {@code by}, and is
     * abandoned if it has not returned by {@code giveUp}.
     */
    private FittedModel fitWithin(Learner learner, TrainingData train, Params params, JobSpec spec, Deadline by,
                                  Deadline giveUp) {
        // On small data the libraries' threads mostly wait for each other (see TrialRunner): one is faster.
        int threads = train.x().rows() < SMALL_DATA_ROWS ? 1 : spec.limits().threadsAlone(ctx.cores());
        TrialContext trialContext = new TrialContext(by, threads, ctx.seed() * 1_000_003L);
        CompletableFuture<FittedModel> fit = CompletableFuture.supplyAsync(
                () -> learner.fit(train, null, params, trialContext), runnable -> {
                    Thread t = new Thread(runnable, "refit");
                    t.setDaemon(true);
                    t.start();
                });
        try {
            // A second past the learner's aim, for its last round and its prediction buffers.
            return fit.get((long) (Math.max(by.remainingSeconds() + 1, giveUp.remainingSeconds()) * 1000) + 1,
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fit.thenAccept(FittedModel::close);
            throw new IllegalStateException("the refit did not finish within the time limit");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Writes the model and its featurization summary; returns its test scores when the job names test data. */
    private FinishResult.TestScores save(TrainedPipeline pipeline, TrialResult row, Prepared p) throws IOException {
        JobData data = p.data();
        SeriesData series = data.series();
        ForecastIntervals intervals = series == null ? null : intervals(row, p);
        ModelStore.save(ctx.out().modelDir(), pipeline, data.schema(), p.spec().targetColumn(), provenance(row, p),
                intervals, series == null ? new ModelStore.Background(data.features(), data.trainRows(), ctx.seed()) : null);
        Map<String, ColumnType> described = new LinkedHashMap<>(data.schema());
        if (series != null) {
            // A forecasting job's derived columns (series, step, lags, holidays) are features too.
            for (String c : series.features().derivedColumns()) {
                described.putIfAbsent(c, data.features().column(c).type());
            }
        }
        ctx.out().writeFeaturization(FeaturizationSummary.of(pipeline.featurizer(), described,
                p.spec().featurization().ignoredColumns()));
        if (data.test() == null) {
            return null;
        }
        Predictions predictions = pipeline.predict(data.test().features());
        if (series == null) {
            MetricArtifacts.writeOrReport(ctx, ctx.out().metricsDir().resolve("test"), "test", data.test().target(),
                    predictions.values(), data.target());
        }
        Scorer scorer = p.scorer();
        Map<String, Double> extra = new LinkedHashMap<>();
        if (series != null) {
            Table test = data.test().features();
            SeriesFeatures.Placement placed = series.features().place(test);
            int[] ahead = java.util.Arrays.stream(placed.ahead()).mapToInt(Math::toIntExact).toArray();
            scorer = scorer.over(ForecastWindows.afterTraining(placed.series(), ahead, series.table(), series.seasonality()));
            double[][] bounds = intervals == null ? null
                    : intervals.bounds(series.features(), test, predictions.values());
            ForecastFile.write(ctx.out().path().resolve(FORECAST_FILE), series.features().layout(), test,
                    data.test().target().y(), predictions.values(), bounds);
            if (bounds != null) {
                double[] coverage = ForecastIntervals.coverage(data.test().target().y(), bounds);
                for (int l = 0; l < coverage.length; l++) {
                    extra.put("prediction_interval_coverage_" + (int) ForecastIntervals.LEVELS[l], coverage[l]);
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>(scorer.score(data.test().target(), predictions.values()));
        metrics.putAll(extra);
        ctx.reporter().info(String.format(Locale.ROOT, "Test data (%d rows): %s = %.4f", data.test().target().size(),
                scorer.primary().name(), scorer.primaryOf(metrics)) + (series == null ? "" : "; forecasts in " + FORECAST_FILE));
        return new FinishResult.TestScores(data.test().target().size(), metrics);
    }

    /**
     * A forecasting model's prediction intervals, from its row's rolling-origin validation errors; null when the row
     * has no predictions for every validation row.
     */
    private static ForecastIntervals intervals(TrialResult row, Prepared p) {
        double[] predicted = row.validPredictions();
        ForecastWindows windows = p.scorer().windows();
        if (predicted == null || windows == null) {
            return null;
        }
        SeriesData series = p.data().series();
        double[] y = p.data().target().select(p.plan().scoredRows()).y();
        return ForecastIntervals.fit(y, predicted, windows.ahead(), windows.rowScales(), series.horizon(),
                ForecastWindows.seriesScales(series.table(), series.seasonality()), windows.scale().length);
    }

    private Provenance provenance(TrialResult row, Prepared p) {
        JobSpec spec = p.spec();
        JobData data = p.data();
        Target target = data.target();
        String digest = new TableDigest().add(data.features(), data.trainRows()).add(target.y(), data.trainRows())
                .add(target.weights(), data.trainRows()).add(target.labels()).hex();
        return new Provenance(new Provenance.Engine(RunSummary.engineVersion(), System.getProperty("java.version")),
                new Provenance.Job(spec.jobFile().getFileName().toString(), spec.jobSha256(), spec.task().id(), ctx.seed()),
                new Provenance.Data(data.trainRows(), digest),
                new Provenance.Trial(row.id(), row.algorithm(), spec.primaryMetric().name(), row.score()),
                Instant.now().toString());
    }
}

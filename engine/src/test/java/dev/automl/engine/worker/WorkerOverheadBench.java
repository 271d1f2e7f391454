package dev.automl.engine.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.automl.algorithms.DataShape;
import dev.automl.algorithms.Deadline;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Learner;
import dev.automl.algorithms.LearnerCatalog;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.TrainingData;
import dev.automl.algorithms.TrialContext;
import dev.automl.data.Task;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's cost of worker processes: on bank marketing's training rows (80 % fitted, 20 % validated, as a holdout
 * trial), LightGBM's and XGBoost's portfolio configurations fitted in this process and in a warm worker, one thread,
 * each three times; and what a run pays once (a worker's start, a fold's rows written and read). Run by hand:
 * {@code mvn -q -o verify -pl data,metrics,featurization,algorithms,report,engine -DskipITs -Dautoml.bench=true
 * -Dtest=WorkerOverheadBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "automl.bench", matches = "true")
class WorkerOverheadBench {

    private static final int REPEATS = 3;

    @TempDir
    Path crashes;

    @Test
    void inProcessAgainstWorker() throws Exception {
        BankHoldout bank = BankHoldout.load();
        TrainingData train = bank.train();
        TrainingData valid = bank.valid();
        DataShape shape = new DataShape(train.x().rows(), train.x().cols(), 2, 0.2);
        System.out.printf(Locale.ROOT, "%n== Worker overhead on bank marketing: %,d training rows x %d features, %,d"
                + " validated, one thread (%d cores)%n", train.x().rows(), train.x().cols(), valid.x().rows(),
                Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        try (WorkerPool pool = WorkerPool.start(0, crashes, s -> { })) {
            Learner lightGbm = LearnerCatalog.standard().byName("LightGBM").orElseThrow();
            Learner isolated = pool.isolate(new LearnerCatalog(List.of(lightGbm))).byName("LightGBM").orElseThrow();
            Params tiny = Params.of("n_estimators", 1);
            long t1 = System.nanoTime();
            isolated.fit(train, valid, tiny, ctx()).close();
            long t2 = System.nanoTime();
            isolated.fit(train, valid, tiny, ctx()).close();
            long t3 = System.nanoTime();
            lightGbm.fit(train, valid, tiny, ctx()).close();
            long t4 = System.nanoTime();
            System.out.printf(Locale.ROOT, "once per run: pool %.3f s; first fit (worker start, rows written and"
                    + " read, 1 round) %.3f s; second fit %.3f s; in process %.3f s%n", (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);

            for (String name : List.of("LightGBM", "XGBoostClassifier")) {
                Learner here = LearnerCatalog.standard().byName(name).orElseThrow();
                Learner there = pool.isolate(new LearnerCatalog(List.of(here))).byName(name).orElseThrow();
                double sumHere = 0;
                double sumThere = 0;
                System.out.printf(Locale.ROOT, "%-18s %9s %9s %9s  params%n", name, "process", "worker", "overhead");
                for (Params p : here.portfolio(Task.CLASSIFICATION, shape)) {
                    double[] a = new double[REPEATS];
                    double[] b = new double[REPEATS];
                    for (int r = 0; r < REPEATS; r++) {
                        double[] ph;
                        double[] pt;
                        long s = System.nanoTime();
                        try (FittedModel m = here.fit(train, valid, p, ctx())) {
                            ph = m.validationPredictions().orElseGet(() -> m.predict(valid.x())).values();
                        }
                        long m1 = System.nanoTime();
                        try (FittedModel m = there.fit(train, valid, p, ctx())) {
                            pt = m.validationPredictions().orElseThrow().values();
                        }
                        long e = System.nanoTime();
                        assertArrayEquals(ph, pt);
                        a[r] = (m1 - s) / 1e9;
                        b[r] = (e - m1) / 1e9;
                    }
                    double ma = median(a);
                    double mb = median(b);
                    sumHere += ma;
                    sumThere += mb;
                    System.out.printf(Locale.ROOT, "%-18s %8.3fs %8.3fs %+8.3fs  %s%n", "", ma, mb, mb - ma, p.values());
                }
                System.out.printf(Locale.ROOT, "%-18s %8.3fs %8.3fs %+8.3fs  (sum of medians)%n", "all", sumHere,
                        sumThere, sumThere - sumHere);
            }
        }
    }

    private static TrialContext ctx() {
        return new TrialContext(Deadline.afterSeconds(120), 1, 42);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}

package dev.automl.engine.run;

import dev.automl.engine.trial.Candidate;
import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How each learner's fit time grows with its training rows, measured on the search's own trials: on large data the
 * search runs the leading configuration again on each larger sample, and the pairs of the same configuration on two
 * sample sizes give the exponent {@code e} in time ~ rows^e. A refit on all rows is estimated from that, per learner.
 * The exponent is at least 1: a trial's time also holds work that does not grow with its sample (scoring the whole
 * holdout, setting up the library's data), which makes pairs look sublinear when the fit itself is not. On the
 * generated 3,000,000-row table, LightGBM's trials on 200,000 and 800,000 rows gave 0.89, yet the same 1,088 rounds
 * took 188.5 s on all 2,900,000 rows against 45.5 s on 800,000: exponent 1.10.
 */
record RowScaling(Map<String, Double> exponents) {

    /** Without a measured pair: time in step with the rows. */
    static final double DEFAULT_EXPONENT = 1.0;
    /** Exponents are kept within these bounds: no learner gets cheaper per row, and small samples' timings are noisy. */
    static final double LEAST_EXPONENT = 1.0;
    static final double MOST_EXPONENT = 2.0;

    static final RowScaling LINEAR = new RowScaling(Map.of());

    RowScaling {
        exponents = Map.copyOf(exponents);
    }

    /**
     * The exponents of the learners with at least one configuration completed on two sample sizes: the median over
     * such pairs. {@code allRows} is what a trial on all of a fold's training rows counts as.
     */
    static RowScaling measure(Ranking board, int allRows) {
        Map<String, List<TrialResult>> byConfiguration = new HashMap<>();
        for (TrialResult r : board.ranked()) {
            if (r.completed() && r.candidate() instanceof Candidate.Configuration c && c.bag().isEmpty()
                    && !r.reason().contains("cut short")) {
                byConfiguration.computeIfAbsent(r.algorithm() + "/" + c.params().values(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<Double>> pairs = new HashMap<>();
        for (List<TrialResult> same : byConfiguration.values()) {
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    double ri = rows(same.get(i), allRows);
                    double rj = rows(same.get(j), allRows);
                    double ti = same.get(i).fitSeconds();
                    double tj = same.get(j).fitSeconds();
                    if (ri != rj && ti > 0 && tj > 0) {
                        pairs.computeIfAbsent(same.get(i).algorithm(), k -> new ArrayList<>())
                                .add(Math.log(tj / ti) / Math.log(rj / ri));
                    }
                }
            }
        }
        Map<String, Double> out = new HashMap<>();
        pairs.forEach((learner, es) -> {
            Collections.sort(es);
            int n = es.size();
            double median = n % 2 == 1 ? es.get(n / 2) : (es.get(n / 2 - 1) + es.get(n / 2)) / 2;
            out.put(learner, Math.max(LEAST_EXPONENT, Math.min(MOST_EXPONENT, median)));
        });
        return new RowScaling(out);
    }

    /** The learner's exponent, or {@link #DEFAULT_EXPONENT} before it has been measured. */
    double exponent(String learner) {
        return exponents.getOrDefault(learner, DEFAULT_EXPONENT);
    }

    /** How many times longer a fit of {@code learner} on {@code to} rows takes than on {@code from}. */
    double factor(String learner, double from, double to) {
        return Math.pow(to / Math.max(1, from), exponent(learner));
    }

    private static double rows(TrialResult r, int allRows) {
        return r.sampleRows() > 0 ? r.sampleRows() : allRows;
    }
}

package dev.automl.cli;

import dev.automl.engine.job.JobSpec;
import dev.automl.engine.run.RunReporter;
import dev.automl.engine.trial.Ranking;
import dev.automl.engine.trial.TrialResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a run's progress as it happens, each line stamped with the seconds since start. */
final class ConsoleReporter implements RunReporter {

    private final PrintStream out;
    private final JobSpec.Verbosity verbosity;
    private final long startNanos;

    ConsoleReporter(PrintStream out, JobSpec.Verbosity verbosity, long startNanos) {
        this.out = out;
        this.verbosity = verbosity;
        this.startNanos = startNanos;
    }

    private String stamp() {
        return String.format(Locale.ROOT, "[%7.1fs] ", (System.nanoTime() - startNanos) / 1e9);
    }

    @Override
    public void info(String message) {
        out.println(stamp() + message);
    }

    @Override
    public void debug(String message) {
        if (verbosity == JobSpec.Verbosity.DEBUG) {
            out.println(stamp() + message);
        }
    }

    @Override
    public void trialFinished(TrialResult r, Ranking board) {
        if (verbosity == JobSpec.Verbosity.WARNING && r.completed()) {
            return;
        }
        String metric = board.primary().name();
        if (r.completed()) {
            TrialResult best = board.best().orElse(r);
            out.println(stamp() + String.format(Locale.ROOT, "trial %3d %-20s %s %.5f  (best %.5f, trial %d)  %.1fs",
                    r.id(), r.algorithm(), metric, r.score(), best.score(), best.id(), r.fitSeconds()));
        } else {
            out.println(stamp() + String.format(Locale.ROOT, "trial %3d %-20s %s: %s  %.1fs", r.id(), r.algorithm(),
                    r.status().id(), r.reason(), r.fitSeconds()));
        }
        if (verbosity == JobSpec.Verbosity.DEBUG) {
            out.println("           hyperparameters " + r.params().values());
        }
    }

    void printLeaderboard(Ranking board, int top) {
        List<TrialResult> ranked = board.ranked();
        out.println();
        out.println(String.format(Locale.ROOT, "%4s  %5s  %-20s  %-12s  %8s  %s", "rank", "trial", "algorithm",
                board.primary().name().length() > 12 ? board.primary().name().substring(0, 12) : board.primary().name(),
                "fit s", "status"));
        int rank = 0;
        for (TrialResult r : ranked.subList(0, Math.min(top, ranked.size()))) {
            out.println(String.format(Locale.ROOT, "%4s  %5d  %-20s  %-12s  %8.1f  %s", r.completed() ? String.valueOf(++rank) : "-",
                    r.id(), r.algorithm(), r.completed() ? String.format(Locale.ROOT, "%.5f", r.score()) : "", r.fitSeconds(),
                    r.status().id()));
        }
        if (ranked.size() > top) {
            out.println(String.format(Locale.ROOT, "... %d more in leaderboard.csv", ranked.size() - top));
        }
        out.println();
    }
}

package dev.automl.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes {@code report.html} into a run folder from the folder's files alone: one self-contained page (its chart
 * library inlined, nothing fetched) with the job and guardrails, the leaderboard, the search over time, the best
 * model's charts, feature importance, the featurization and the timing.
 */
public final class RunReport {

    public static final String FILE = "report.html";

    private static final List<Section> SECTIONS = List.of(new JobSection(), new LeaderboardSection(),
            new SearchSection(), new ModelChartsSection(), new ImportanceSection(), new FeaturizationSection(),
            new TimingSection());

    private RunReport() {
    }

    /**
     * Writes the report, whole or not at all, and returns its path.
     *
     * @throws RunFolderException when {@code runDir} is not a run folder, or a file in it or the report cannot be
     *                            read or written
     */
    public static Path write(Path runDir) {
        String html = html(RunFolder.read(runDir));
        Path target = runDir.resolve(FILE);
        Path tmp = runDir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The write's own failure is the one to report.
            }
            throw new RunFolderException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    static String html(RunFolder run) {
        Page page = new Page();
        for (Section s : SECTIONS) {
            s.render(run, page);
        }
        String name = run.dir().toAbsolutePath().normalize().getFileName() == null ? "run"
                : run.dir().toAbsolutePath().normalize().getFileName().toString();
        String task = run.task().isEmpty() ? "" : run.task() + ", ";
        String metric = run.summaryAt("primary_metric").asText("");
        return page.render("AutoML run: " + name, task + (metric.isEmpty() ? "" : "ranked by " + metric + ", ")
                + "from the files of " + run.dir().toAbsolutePath().normalize(), Vendored.SCRIPTS);
    }
}

package dev.automl.engine.benchmark;

import dev.automl.data.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** results.csv: read back to resume a benchmark, and appended to as each fold ends, so that nothing is lost. */
final class ResultsFile {

    private final Path file;

    ResultsFile(Path file) {
        this.file = file;
    }

    /** The rows a previous run left, or none. */
    List<FoldResult> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<FoldResult> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                FoldResult.Run run = new FoldResult.Run(rec.get("score").isEmpty() ? Double.NaN : Double.parseDouble(rec.get("score")),
                        Double.parseDouble(rec.get("seconds")), Integer.parseInt(rec.get("trials")), rec.get("best_algorithm"));
                String dataset = rec.get("dataset");
                int fold = Integer.parseInt(rec.get("fold"));
                out.add(rec.get("status").equals("ok") ? FoldResult.ok(dataset, fold, rec.get("task"), rec.get("metric"), run)
                        : FoldResult.failed(dataset, fold, rec.get("task"), rec.get("metric"), run, rec.get("message")));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("Cannot resume from " + file + ": " + e.getMessage()
                    + ". Move it away to start the benchmark afresh.");
        }
        return out;
    }

    synchronized void append(FoldResult r) {
        boolean fresh = !Files.exists(file);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             CSVPrinter p = new CSVPrinter(w, fresh ? CSVFormat.DEFAULT.builder().setHeader(FoldResult.HEADER).get() : CSVFormat.DEFAULT)) {
            p.printRecord(r.dataset(), r.fold(), r.task(), r.metric(), Double.isNaN(r.score()) ? "" : r.score(),
                    String.format(Locale.ROOT, "%.1f", r.seconds()), r.trials(), r.bestAlgorithm(), r.status(), r.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

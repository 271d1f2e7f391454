package dev.automl.engine.model;

import dev.automl.data.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A CSV file the model writes (predictions, forecasts, background rows), with a header row, written whole or not at
 * all: the rows go to a temporary file beside it, which {@link #commit} renames into place; closed without a commit
 * (an error, a kill) it leaves the file that was there before.
 */
final class PredictionCsv implements AutoCloseable {

    private final Path output;
    private final Path tmp;
    private final CSVPrinter printer;
    private boolean committed;

    private PredictionCsv(Path output, Path tmp, CSVPrinter printer) {
        this.output = output;
        this.tmp = tmp;
        this.printer = printer;
    }

    static PredictionCsv open(Path output, List<String> header) throws IOException {
        if (Files.isDirectory(output)) {
            throw new InvalidInputException(output + " is a folder; --output names the CSV file to write, such as "
                    + output.resolve("predictions.csv") + ".");
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot create the folder for " + output + ": " + e.getMessage());
        }
        Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
        return new PredictionCsv(output, tmp, new CSVPrinter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get()));
    }

    void printRecord(Iterable<?> values) throws IOException {
        printer.printRecord(values);
    }

    /** Puts the whole file in place. */
    void commit() throws IOException {
        printer.close();
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            printer.close();
            Files.deleteIfExists(tmp);
        }
    }
}

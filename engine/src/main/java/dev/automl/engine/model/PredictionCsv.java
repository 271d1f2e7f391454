package dev.automl.engine.model;

import dev.automl.data.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens a CSV file the model writes (predictions, background rows), creating its folder, with a header row. */
final class PredictionCsv {

    private PredictionCsv() {
    }

    static CSVPrinter open(Path output, List<String> header) throws IOException {
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
        return new CSVPrinter(Files.newBufferedWriter(output, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
    }
}

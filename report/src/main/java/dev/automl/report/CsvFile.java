package dev.automl.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of the run folder, read by its header: columns are found by name, so that a file with more columns
 * than this report knows (a later engine's) still reads.
 *
 * @param rows each row as column name to value, in the file's order
 */
record CsvFile(List<String> header, List<Map<String, String>> rows) {

    CsvFile {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    static CsvFile read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : parser.getHeaderNames()) {
                    row.put(column, r.isMapped(column) && r.isSet(column) ? r.get(column) : "");
                }
                rows.add(row);
            }
            return new CsvFile(parser.getHeaderNames(), rows);
        } catch (IOException | RuntimeException e) {
            throw new RunFolderException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    boolean has(String column) {
        return header.contains(column);
    }
}

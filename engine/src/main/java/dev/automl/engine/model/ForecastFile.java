package dev.automl.engine.model;

import dev.automl.data.Column;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.Table;
import dev.automl.featurization.series.SeriesFeatures;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes forecasts as a CSV file, one row per forecast row in its order: the time, the grain values, the actual
 * value when known, the {@code prediction}, and its 80 % and 95 % prediction intervals when the model has them.
 */
public final class ForecastFile {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ForecastFile() {
    }

    /**
     * @param rows      the forecast rows, with the layout's time and grain columns
     * @param actual    the actual values, or null when they are unknown
     * @param predicted a prediction per row
     * @param bounds    per row {lower80, upper80, lower95, upper95}, or null when the model has no intervals
     */
    public static void write(Path output, SeriesFeatures.Layout layout, Table rows, double[] actual, double[] predicted,
                             double[][] bounds) {
        DateTimeColumn time = (DateTimeColumn) rows.column(layout.timeColumn());
        List<Column> grains = layout.grainColumns().stream().map(rows::column).toList();
        boolean dates = true;
        for (int r = 0; r < rows.rows() && dates; r++) {
            dates = time.isMissing(r) || time.get(r).toLocalTime().toSecondOfDay() == 0;
        }
        DateTimeFormatter format = dates ? DATE : DATE_TIME;
        List<String> header = new ArrayList<>();
        header.add(layout.timeColumn());
        header.addAll(layout.grainColumns());
        if (actual != null) {
            header.add(layout.targetColumn());
        }
        header.add("prediction");
        if (bounds != null) {
            for (double level : ForecastIntervals.LEVELS) {
                header.add("lower_" + (int) level);
                header.add("upper_" + (int) level);
            }
        }
        try (PredictionCsv out = PredictionCsv.open(output, header)) {
            List<Object> row = new ArrayList<>(header.size());
            for (int r = 0; r < rows.rows(); r++) {
                row.clear();
                LocalDateTime t = time.isMissing(r) ? null : time.get(r);
                row.add(t == null ? "" : format.format(t));
                for (Column g : grains) {
                    row.add(g.text(r));
                }
                if (actual != null) {
                    row.add(actual[r]);
                }
                row.add(predicted[r]);
                if (bounds != null) {
                    for (double b : bounds[r]) {
                        row.add(Double.isNaN(b) ? "" : b);
                    }
                }
                out.printRecord(row);
            }
            out.commit();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot write " + output + ": " + e.getMessage() + ".");
        }
    }
}

package dev.automl.algorithms.forecasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.automl.algorithms.FittedModel;
import dev.automl.algorithms.Params;
import dev.automl.algorithms.Predictions;
import dev.automl.featurization.FeatureMatrix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Map;

/**
 * A per-series learner's fitted model: each series' fit after its last training step. A row of the series view
 * asks for its series' forecast {@code step - lastStep} steps ahead.
 */
public final class SeriesModel implements FittedModel {

    static final String FILE = "series_models.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One series' fit, and the step of its last training value. */
    public record Entry(int series, long lastStep, SeriesFit fit) {
    }

    private final String algorithm;
    private final Params params;
    private final List<Entry> entries;
    private final Map<Integer, Entry> bySeries = new HashMap<>();
    private final boolean stoppedByDeadline;
    private final String note;

    /**
     * @param stoppedByDeadline whether the deadline left some series with a stand-in fit instead of their own
     * @param note              what the leaderboard should say about the fit, such as the forms the series chose
     */
    public SeriesModel(String algorithm, Params params, List<Entry> entries, boolean stoppedByDeadline, String note) {
        this.algorithm = algorithm;
        this.params = params;
        this.entries = List.copyOf(entries);
        this.stoppedByDeadline = stoppedByDeadline;
        this.note = note;
        for (Entry e : this.entries) {
            bySeries.put(e.series(), e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public Predictions predict(FeatureMatrix x) {
        SeriesRows.Columns columns = SeriesRows.Columns.of(x);
        // Each series' rows together, so that a fit forecasts its path once.
        Map<Integer, List<Integer>> rowsOf = new LinkedHashMap<>();
        long[] steps = new long[x.rows()];
        for (int r = 0; r < x.rows(); r++) {
            int s = Math.round(x.get(r, columns.series()));
            long step = Math.round(x.get(r, columns.step()));
            Entry e = bySeries.get(s);
            if (e == null) {
                throw new IllegalArgumentException(algorithm + " was not fitted on series " + s);
            }
            if (step <= e.lastStep()) {
                throw new IllegalArgumentException(algorithm + " forecasts after the training data; step " + step
                        + " of series " + s + " lies within it");
            }
            steps[r] = step;
            rowsOf.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
        }
        double[] out = new double[x.rows()];
        rowsOf.forEach((s, rows) -> forecastSeries(bySeries.get(s), rows, steps, x, columns, out));
        return Predictions.regression(out);
    }

    /**
     * One series' rows. Where the rows give actual values right after the training end (a rolling forecast), a row
     * is forecast from the fit updated with those before it, so that it is as many steps ahead as the first value it
     * does not know; a fit that cannot take them in forecasts from the training end.
     */
    private static void forecastSeries(Entry e, List<Integer> rows, long[] steps, FeatureMatrix x,
                                       SeriesRows.Columns columns, double[] out) {
        Map<Long, Integer> rowAt = new HashMap<>();
        for (int r : rows) {
            if (Double.isFinite(columns.knownOf(x, r))) {
                rowAt.put(steps[r], r);
            }
        }
        // The known values that follow the training end without a gap.
        List<Integer> knownRows = new ArrayList<>();
        while (rowAt.containsKey(e.lastStep() + knownRows.size() + 1)) {
            knownRows.add(rowAt.get(e.lastStep() + knownRows.size() + 1));
        }
        // Rows by how many of those values come before them: the fit taking in that many forecasts them.
        Map<Integer, List<Integer>> byKnown = new TreeMap<>();
        for (int r : rows) {
            int before = (int) Math.min(knownRows.size(), steps[r] - e.lastStep() - 1);
            byKnown.computeIfAbsent(before, k -> new ArrayList<>()).add(r);
        }
        SeriesFit current = e.fit();
        int taken = 0;
        for (Map.Entry<Integer, List<Integer>> group : byKnown.entrySet()) {
            int before = group.getKey();
            if (before > taken) {
                double[] values = new double[before - taken];
                double[][] regressors = new double[values.length][];
                for (int i = 0; i < values.length; i++) {
                    int r = knownRows.get(taken + i);
                    values[i] = columns.knownOf(x, r);
                    regressors[i] = columns.regressorsOf(x, r);
                }
                // A fit that cannot take values in forecasts the remaining rows from where it stands.
                Optional<SeriesFit> next = current.updated(values, regressors);
                if (next.isPresent()) {
                    current = next.get();
                    taken = before;
                }
            }
            List<Integer> members = group.getValue();
            long[] ahead = new long[members.size()];
            double[][] regressors = new double[ahead.length][];
            for (int i = 0; i < ahead.length; i++) {
                ahead[i] = steps[members.get(i)] - e.lastStep() - taken;
                regressors[i] = columns.regressorsOf(x, members.get(i));
            }
            double[] forecast = current.forecastRows(ahead, regressors);
            for (int i = 0; i < ahead.length; i++) {
                out[members.get(i)] = forecast[i];
            }
        }
    }

    @Override
    public boolean stoppedByDeadline() {
        return stoppedByDeadline;
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public Params fittedParams() {
        return params;
    }

    @Override
    public void save(Path dir) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("algorithm", algorithm);
        root.set("params", JSON.valueToTree(params.values()));
        ArrayNode list = root.putArray("series");
        for (Entry e : entries) {
            ObjectNode n = list.addObject();
            n.put("series", e.series());
            n.put("last_step", e.lastStep());
            n.put("kind", e.fit().getClass().getSimpleName());
            n.set("fit", JSON.valueToTree(e.fit()));
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE).toFile(), root);
    }

    /**
     * Reads a model {@link #save} wrote.
     *
     * @param kinds the fit types the learner writes, by their simple names
     */
    public static SeriesModel load(Path dir, List<Class<? extends SeriesFit>> kinds) throws IOException {
        JsonNode root = JSON.readTree(dir.resolve(FILE).toFile());
        Map<String, Class<? extends SeriesFit>> byName = new HashMap<>();
        for (Class<? extends SeriesFit> k : kinds) {
            byName.put(k.getSimpleName(), k);
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode n : root.get("series")) {
            Class<? extends SeriesFit> kind = byName.get(n.get("kind").asText());
            if (kind == null) {
                throw new IOException(dir.resolve(FILE) + " holds a series fit of unknown kind " + n.get("kind"));
            }
            entries.add(new Entry(n.get("series").asInt(), n.get("last_step").asLong(), JSON.treeToValue(n.get("fit"), kind)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = JSON.treeToValue(root.get("params"), Map.class);
        return new SeriesModel(root.get("algorithm").asText(), Params.of(params), entries, false, "");
    }
}

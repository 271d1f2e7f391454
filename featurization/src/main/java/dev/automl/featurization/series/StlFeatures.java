package dev.automl.featurization.series;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.series.SeriesTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Azure's {@code use_stl} features of the target, as its STL featurizer makes them: each series' trend is its
 * LOWESS smooth, its season the mean of the detrended values at each point of the season (centred), and after the
 * decomposed values the season repeats while the trend goes on as Holt's linear method forecasts it. Each series is
 * decomposed on its values before validation holds any out, so a validation row's features are forecasts, as a new
 * row's are, and never read the values they are scored on.
 *
 * @param target      the target column, which names the features
 * @param trend       whether the trend is a feature too ({@code season_trend}) or only the season ({@code season})
 * @param seasonality the season's length in steps (1: the season is 0)
 * @param series      each series' decomposition, by series index
 */
public record StlFeatures(@JsonProperty("target") String target, @JsonProperty("trend") boolean trend,
                          @JsonProperty("seasonality") int seasonality,
                          @JsonProperty("series") List<Decomposition> series) {

    /** The grid of Holt's smoothing parameters searched, alpha and beta alike. */
    private static final int GRID = 19;

    /**
     * One series' decomposition.
     *
     * @param season  the season's value at each step {@code t} with {@code t % seasonality == p}, at {@code season[p]}
     * @param cutoff  how many of the series' first steps were decomposed
     * @param level   Holt's level of the trend after the decomposed steps
     * @param slope   Holt's slope there: the trend at step {@code t >= cutoff} is {@code level + (t - cutoff + 1) * slope}
     */
    public record Decomposition(@JsonProperty("season") double[] season, @JsonProperty("cutoff") long cutoff,
                                @JsonProperty("level") double level, @JsonProperty("slope") double slope) {
    }

    public StlFeatures {
        series = List.copyOf(series);
    }

    /**
     * Decomposes each series' values but its last {@code reserved} (at least two values).
     *
     * @param reserved how many of each series' last values validation holds out
     */
    public static StlFeatures fit(SeriesTable table, int seasonality, boolean trend, int reserved) {
        double[] y = table.target();
        List<Decomposition> out = new ArrayList<>();
        for (int s = 0; s < table.seriesCount(); s++) {
            int start = table.index().starts()[s];
            int n = table.length(s);
            int cutoff = Math.min(n, Math.max(2, n - reserved));
            double[] values = Arrays.copyOfRange(y, start, start + cutoff);
            double[] smooth = Lowess.smooth(values);
            double[] holt = holt(smooth);
            out.add(new Decomposition(season(values, smooth, seasonality), cutoff, holt[0], holt[1]));
        }
        return new StlFeatures(table.layout().targetColumn(), trend, seasonality, out);
    }

    /** The mean detrended value at each point of the season, centred; 0 when the values do not fill a season. */
    static double[] season(double[] values, double[] smooth, int m) {
        double[] out = new double[m];
        if (values.length < m) {
            return out;
        }
        double[] sums = new double[m];
        int[] counts = new int[m];
        for (int t = 0; t < values.length; t++) {
            sums[t % m] += values[t] - smooth[t];
            counts[t % m]++;
        }
        double mean = 0;
        for (int p = 0; p < m; p++) {
            out[p] = sums[p] / counts[p];
            mean += out[p] / m;
        }
        for (int p = 0; p < m; p++) {
            out[p] -= mean;
        }
        return out;
    }

    /**
     * Holt's linear method on the trend, its smoothing parameters those on a grid with the least squared one-step
     * error: the level and slope after the last value.
     */
    static double[] holt(double[] x) {
        if (x.length < 2) {
            return new double[] {x.length == 0 ? 0 : x[0], 0};
        }
        double bestSse = Double.POSITIVE_INFINITY;
        double[] best = null;
        for (int i = 1; i <= GRID; i++) {
            for (int j = 1; j <= GRID; j++) {
                double alpha = i / (GRID + 1.0);
                double beta = j / (GRID + 1.0);
                double level = x[0];
                double slope = x[1] - x[0];
                double sse = 0;
                for (int t = 1; t < x.length; t++) {
                    double e = x[t] - (level + slope);
                    sse += e * e;
                    level = level + slope + alpha * e;
                    slope = slope + alpha * beta * e;
                }
                if (sse < bestSse) {
                    bestSse = sse;
                    best = new double[] {level, slope};
                }
            }
        }
        return best;
    }

    /** The feature columns' names: the season's, then the trend's. */
    @JsonIgnore
    public List<String> columns() {
        return trend ? List.of(target + "_season", target + "_trend") : List.of(target + "_season");
    }

    /**
     * The features of the training rows: the decomposed steps get their own trend, the later ones (validation's) the
     * trend's forecast; all get their season.
     */
    public double[][] training(SeriesTable table) {
        double[] y = table.target();
        double[][] out = new double[columns().size()][table.rows()];
        for (int s = 0; s < table.seriesCount(); s++) {
            Decomposition d = series.get(s);
            int start = table.index().starts()[s];
            double[] smooth = trend ? Lowess.smooth(Arrays.copyOfRange(y, start, start + (int) d.cutoff())) : null;
            for (int t = 0; t < table.length(s); t++) {
                out[0][start + t] = d.season()[t % seasonality];
                if (trend) {
                    out[1][start + t] = t < d.cutoff() ? smooth[t] : trendAt(d, t);
                }
            }
        }
        return out;
    }

    /** The features of new rows, given each row's series and step. */
    public double[][] forNew(int[] seriesOfRow, long[] steps) {
        double[][] out = new double[columns().size()][seriesOfRow.length];
        for (int r = 0; r < seriesOfRow.length; r++) {
            Decomposition d = series.get(seriesOfRow[r]);
            out[0][r] = d.season()[(int) Math.floorMod(steps[r], (long) seasonality)];
            if (trend) {
                out[1][r] = trendAt(d, steps[r]);
            }
        }
        return out;
    }

    private static double trendAt(Decomposition d, long step) {
        return d.level() + (step - d.cutoff() + 1) * d.slope();
    }
}

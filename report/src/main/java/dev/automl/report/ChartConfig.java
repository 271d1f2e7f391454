package dev.automl.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Chart.js configurations as JSON: a scatter or line chart of datasets of points, a bar chart, and the matrix
 * (heat map) chart of chartjs-chart-matrix. Plain data only; the page's script adds what needs a function.
 */
final class ChartConfig {

    /** Tableau 10, which stays distinguishable for up to ten series. */
    static final List<String> COLORS = List.of("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");

    private ChartConfig() {
    }

    static String color(int i) {
        return COLORS.get(Math.floorMod(i, COLORS.size()));
    }

    /** A chart of points on two linear axes (add series with {@link #series}). */
    static ObjectNode xy(String xTitle, String yTitle) {
        ObjectNode c = base("scatter");
        ObjectNode scales = c.withObjectProperty("options").putObject("scales");
        axis(scales.putObject("x"), "linear", xTitle);
        axis(scales.putObject("y"), "linear", yTitle);
        return c;
    }

    /** Adds a series of points; {@code line} joins them (in the order given). */
    static ObjectNode series(ObjectNode chart, String label, double[] x, double[] y, String color, boolean line) {
        ObjectNode d = datasets(chart).addObject();
        d.put("label", label);
        d.put("borderColor", color);
        d.put("backgroundColor", color);
        d.put("showLine", line);
        d.put("pointRadius", line ? 0 : 2.5);
        d.put("borderWidth", line ? 2 : 1);
        ArrayNode data = d.putArray("data");
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                ObjectNode p = data.addObject();
                p.put("x", x[i]);
                p.put("y", y[i]);
            }
        }
        return d;
    }

    /** A dashed reference line between two points, such as the diagonal of a perfect model. */
    static void reference(ObjectNode chart, String label, double x0, double y0, double x1, double y1) {
        ObjectNode d = series(chart, label, new double[] {x0, x1}, new double[] {y0, y1}, "#888888", true);
        d.put("borderWidth", 1);
        d.putArray("borderDash").add(5).add(4);
    }

    /** A bar chart of one or more series over categories; horizontal puts the categories on the y axis. */
    static ObjectNode bars(List<String> categories, String valueTitle, boolean horizontal) {
        ObjectNode c = base("bar");
        ObjectNode options = c.withObjectProperty("options");
        if (horizontal) {
            options.put("indexAxis", "y");
        }
        ArrayNode labels = c.withObjectProperty("data").putArray("labels");
        categories.forEach(labels::add);
        ObjectNode scales = options.putObject("scales");
        axis(scales.putObject(horizontal ? "x" : "y"), "linear", valueTitle);
        ObjectNode cat = scales.putObject(horizontal ? "y" : "x");
        cat.put("type", "category");
        cat.withObjectProperty("ticks").put("autoSkip", !horizontal);
        return c;
    }

    static ObjectNode barSeries(ObjectNode chart, String label, double[] values, String color) {
        ObjectNode d = datasets(chart).addObject();
        d.put("label", label);
        d.put("backgroundColor", color);
        ArrayNode data = d.putArray("data");
        for (double v : values) {
            if (Double.isFinite(v)) {
                data.add(v);
            } else {
                data.addNull();
            }
        }
        return d;
    }

    /**
     * A heat map of a square matrix: rows on the y axis (top first), columns on the x axis, each cell's colour its
     * share of the largest value, its value written in it (the page's script draws the text and sizes the cells).
     */
    static ObjectNode matrix(List<String> labels, double[][] values, String xTitle, String yTitle, boolean fractions) {
        ObjectNode c = base("matrix");
        c.withObjectProperty("options").withObjectProperty("plugins").withObjectProperty("legend").put("display", false);
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        ObjectNode d = datasets(c).addObject();
        d.put("label", yTitle + " by " + xTitle);
        d.put("fractions", fractions);
        d.put("cells", labels.size());
        ArrayNode data = d.putArray("data");
        ArrayNode colors = d.putArray("backgroundColor");
        for (int r = 0; r < values.length; r++) {
            for (int col = 0; col < values[r].length; col++) {
                ObjectNode cell = data.addObject();
                cell.put("x", labels.get(col));
                cell.put("y", labels.get(r));
                cell.put("v", values[r][col]);
                double share = max > 0 ? values[r][col] / max : 0;
                colors.add(String.format(java.util.Locale.ROOT, "rgba(78,121,167,%.3f)", 0.06 + 0.94 * share));
            }
        }
        ObjectNode scales = c.withObjectProperty("options").putObject("scales");
        for (String a : List.of("x", "y")) {
            ObjectNode axis = scales.putObject(a);
            axis.put("type", "category");
            axis.put("offset", true);
            ArrayNode l = axis.putArray("labels");
            labels.forEach(l::add);
            axis.withObjectProperty("grid").put("display", false);
            if (a.equals("y")) {
                // The matrix chart's defaults put the first label at the bottom; confusion matrices read from the top.
                axis.put("reverse", false);
            }
            axis.withObjectProperty("title").put("display", true).put("text", a.equals("x") ? xTitle : yTitle);
        }
        return c;
    }

    static ArrayNode datasets(ObjectNode chart) {
        ObjectNode data = chart.withObjectProperty("data");
        return data.has("datasets") ? (ArrayNode) data.get("datasets") : data.putArray("datasets");
    }

    /** Titles an axis already made (for a log scale, say). */
    static ObjectNode axisOf(ObjectNode chart, String axis) {
        return chart.withObjectProperty("options").withObjectProperty("scales").with(axis);
    }

    private static ObjectNode base(String type) {
        ObjectNode c = Page.JSON.createObjectNode();
        c.put("type", type);
        c.putObject("data");
        ObjectNode options = c.putObject("options");
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.putObject("plugins").putObject("legend").put("position", "bottom");
        return c;
    }

    private static void axis(ObjectNode axis, String type, String title) {
        axis.put("type", type);
        axis.withObjectProperty("title").put("display", true).put("text", title);
    }
}

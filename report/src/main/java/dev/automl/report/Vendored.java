package dev.automl.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The page's scripts and style, from this module's resources: Chart.js 4.6.2 and chartjs-chart-matrix 3.1.0 (MIT,
 * see vendor/README.md), then the report's own script, which draws the charts and sorts the tables.
 */
final class Vendored {

    static final String STYLE = load("report.css");
    static final List<String> SCRIPTS = List.of(load("vendor/chart.umd.min.js"),
            load("vendor/chartjs-chart-matrix.min.js"), load("report.js"));

    private Vendored() {
    }

    private static String load(String name) {
        try (InputStream in = Vendored.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // An inlined script must not end its own element early.
            if (text.toLowerCase(Locale.ROOT).contains("</script")) {
                throw new IllegalStateException("resource " + name + " contains </script");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}

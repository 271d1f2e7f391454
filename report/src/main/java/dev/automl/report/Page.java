package dev.automl.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The report page as it is built: sections of escaped HTML, and the charts' Chart.js configurations, which go into
 * the page as one JSON block that the page's script draws from. Nothing on the page is fetched: the scripts are
 * inlined and a Content-Security-Policy forbids every other source.
 */
final class Page {

    static final String CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";
    static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder body = new StringBuilder();
    private final ArrayNode charts = JSON.createArrayNode();
    private boolean gridOpen;

    void section(String id, String title) {
        closeGrid();
        if (body.length() > 0) {
            body.append("</section>\n");
        }
        body.append("<section id=\"").append(Html.escape(id)).append("\">\n<h2>").append(Html.escape(title))
                .append("</h2>\n");
    }

    void subheading(String text) {
        closeGrid();
        body.append("<h3>").append(Html.escape(text)).append("</h3>\n");
    }

    /** A one-line note, such as why a part is missing. */
    void note(String text) {
        closeGrid();
        body.append("<p class=\"note\">").append(Html.escape(text)).append("</p>\n");
    }

    /** Two columns: a name and its value. */
    void facts(List<List<String>> rows) {
        closeGrid();
        body.append("<table class=\"facts\">\n");
        for (List<String> r : rows) {
            body.append("<tr><th>").append(Html.escape(r.get(0))).append("</th><td>").append(Html.escape(r.get(1)))
                    .append("</td></tr>\n");
        }
        body.append("</table>\n");
    }

    /** A table; a sortable one sorts by a column when its header is clicked. */
    void table(List<String> header, List<List<String>> rows, boolean sortable) {
        table(header, rows, sortable, java.util.Set.of());
    }

    /** A table whose columns named in {@code wide} keep room for long text (hyperparameters, say). */
    void table(List<String> header, List<List<String>> rows, boolean sortable, java.util.Set<String> wide) {
        closeGrid();
        body.append("<div class=\"scroll\"><table class=\"data").append(sortable ? " sortable" : "").append("\">\n<thead><tr>");
        for (String h : header) {
            body.append("<th").append(sortable ? " title=\"Sort by this column\"" : "").append(">")
                    .append(Html.escape(h)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            body.append("<tr>");
            for (int c = 0; c < r.size(); c++) {
                body.append(c < header.size() && wide.contains(header.get(c)) ? "<td class=\"wide\">" : "<td>")
                        .append(Html.escape(r.get(c))).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
    }

    /** A chart: a canvas the page's script draws {@code config} (a Chart.js configuration) on. */
    void chart(String title, ObjectNode config) {
        if (!gridOpen) {
            body.append("<div class=\"grid\">\n");
            gridOpen = true;
        }
        String id = "chart" + charts.size();
        body.append("<figure><figcaption>").append(Html.escape(title)).append("</figcaption><div class=\"box\">")
                .append("<canvas id=\"").append(id).append("\" data-chart role=\"img\" aria-label=\"")
                .append(Html.escape(title)).append("\"></canvas></div></figure>\n");
        ObjectNode spec = charts.addObject();
        spec.put("id", id);
        spec.set("config", config);
    }

    int chartCount() {
        return charts.size();
    }

    /** The whole document. */
    String render(String title, String subtitle, List<String> scripts) {
        closeGrid();
        StringBuilder html = new StringBuilder(body.length() + 300_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n")
                .append(Vendored.STYLE).append("</style>\n</head>\n<body>\n<header><h1>").append(Html.escape(title))
                .append("</h1><p>").append(Html.escape(subtitle)).append("</p></header>\n<main>\n")
                .append(body);
        if (body.length() > 0) {
            html.append("</section>\n");
        }
        html.append("</main>\n<script type=\"application/json\" id=\"report-data\">")
                .append(scriptSafeJson()).append("</script>\n");
        for (String script : scripts) {
            html.append("<script>\n").append(script).append("\n</script>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /**
     * The charts as JSON that cannot end its script element: JSON has '<', '>' and '&' only inside strings, where
     * their \\u escapes mean the same.
     */
    private String scriptSafeJson() {
        ObjectNode data = JSON.createObjectNode();
        data.set("charts", charts);
        try {
            return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void closeGrid() {
        if (gridOpen) {
            body.append("</div>\n");
            gridOpen = false;
        }
    }
}

package dev.automl.cli;

import java.util.List;

/** The table of bad inputs in {@code docs/reliability.md}, one row per case of {@code testdata/bad-inputs}. */
final class ReliabilityTable {

    static final String START = "<!-- bad-inputs table: made from testdata/bad-inputs by BadInputSuiteIT; do not edit -->";
    static final String END = "<!-- end of bad-inputs table -->";

    private ReliabilityTable() {
    }

    static String render(List<BadInputCase> cases) {
        StringBuilder out = new StringBuilder();
        out.append("| # | input | category | command | what the user gets | exit |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (BadInputCase c : cases) {
            String number = c.id().substring(0, c.id().indexOf('-'));
            out.append("| ").append(number)
                    .append(" | ").append(cell(c.input()))
                    .append(" | ").append(cell(c.category()))
                    .append(" | `").append(cell(String.join(" ", c.command()))).append('`')
                    .append(" | ").append(c.pending() != null ? "*pending*: " + cell(c.pending()) + " Expected: " : "")
                    .append(cell(c.message()))
                    .append(" | ").append(c.exit()).append(" |\n");
        }
        return out.toString();
    }

    /** The document with the text between its markers replaced by {@code table}. */
    static String replaceIn(String doc, String table) {
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("docs/reliability.md lacks the markers " + START + " and " + END);
        }
        return doc.substring(0, start + START.length()) + "\n\n" + table + "\n" + doc.substring(end);
    }

    /** Markdown table cells cannot hold a bar or a line break; angle brackets would read as HTML, stars as emphasis. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*");
    }
}

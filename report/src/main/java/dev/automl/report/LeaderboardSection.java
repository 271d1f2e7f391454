package dev.automl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** leaderboard.csv as a table with every column (every metric), sortable by any of them. */
final class LeaderboardSection implements Section {

    @Override
    public void render(RunFolder run, Page page) {
        page.section("leaderboard", "Leaderboard");
        CsvFile board = run.leaderboard();
        if (board == null) {
            page.note("No leaderboard.csv in this run folder.");
            return;
        }
        page.note(board.rows().size() + " rows, best first by the primary metric; click a column's header to sort by it.");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> r : board.rows()) {
            List<String> cells = new ArrayList<>();
            for (String column : board.header()) {
                String v = r.get(column);
                cells.add(column.equals("hyperparameters") || column.equals("reason") ? v : Text.cell(v));
            }
            rows.add(cells);
        }
        page.table(board.header(), rows, true, java.util.Set.of("hyperparameters", "reason"));
    }
}

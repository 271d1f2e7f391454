package dev.automl.data;

import java.nio.file.Path;
import java.util.List;

/** The column MLTable's {@code include_path_column} adds: the file each row came from, as text. */
final class PathColumn {

    private PathColumn() {
    }

    /** @param fileOfRow the index into {@code files} of each row's file */
    static CategoricalColumn of(List<Path> files, int[] fileOfRow) {
        return new CategoricalColumn(CsvReadOptions.PATH_COLUMN, fileOfRow, files.stream().map(Path::toString).toList());
    }
}

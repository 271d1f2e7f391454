package dev.automl.data;

/** One named column of a {@link Table}, stored as a primitive array. */
public sealed interface Column permits NumericColumn, CategoricalColumn, DateTimeColumn {

    String name();

    ColumnType type();

    int size();

    boolean isMissing(int row);

    /** The column restricted to the given rows, in that order. */
    Column select(int[] rows);

    /** This column's rows followed by those of {@code below}, a column of the same name and type. */
    Column append(Column below);

    /** The value of a row as it would be written back to a CSV file; empty when missing. */
    String text(int row);

    default int missingCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }
}

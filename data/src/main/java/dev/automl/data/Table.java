package dev.automl.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable, columnar table: the data as read, before featurization. */
public final class Table {

    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final int rows;

    public Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.byName = new LinkedHashMap<>();
        int n = -1;
        for (Column c : this.columns) {
            if (byName.put(c.name(), c) != null) {
                throw new InvalidInputException("Column '" + c.name() + "' appears twice.");
            }
            if (n >= 0 && c.size() != n) {
                throw new IllegalArgumentException("Column '" + c.name() + "' has " + c.size()
                        + " rows, expected " + n);
            }
            n = c.size();
        }
        this.rows = Math.max(n, 0);
    }

    public int rows() {
        return rows;
    }

    public List<Column> columns() {
        return Collections.unmodifiableList(columns);
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return names;
    }

    public Optional<Column> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The named column; an {@link InvalidInputException} naming the columns there are if it is absent. */
    public Column column(String name) {
        Column c = byName.get(name);
        if (c == null) {
            throw new InvalidInputException("Column '" + name + "' is not in the data. Columns: "
                    + String.join(", ", columnNames()) + ".");
        }
        return c;
    }

    /**
     * The named column, which a job's key names; an {@link InvalidInputException} naming the key, the data and the
     * columns there are if it is absent.
     *
     * @param namedBy the job key that names the column, such as {@code target_column_name}
     * @param source  the data it should be in, such as {@code training_data}
     */
    public Column require(String name, String namedBy, String source) {
        Column c = byName.get(name);
        if (c == null) {
            throw new InvalidInputException("The column '" + name + "' named by " + namedBy + " is not in " + source
                    + ". Its columns are: " + String.join(", ", columnNames()) + "." + otherDelimiterHint());
        }
        return c;
    }

    /**
     * A file read with the wrong delimiter has one column whose name holds the whole header; say which delimiter the
     * header seems to use, or nothing.
     */
    private String otherDelimiterHint() {
        if (columns.size() != 1) {
            return "";
        }
        String header = columns.get(0).name();
        for (String d : List.of(";", "\t", "|")) {
            if (header.contains(d)) {
                String shown = d.equals("\t") ? "tabs" : "'" + d + "'";
                return " The header seems to be delimited by " + shown + ", not by commas: read the file through an"
                        + " MLTable file with read_delimited: {delimiter: " + (d.equals("\t") ? "'\\t'" : "'" + d + "'")
                        + "}" + (d.equals("\t") ? ", or name it .tsv" : "") + ".";
            }
        }
        return "";
    }

    /** The rows at the given indices, in that order. */
    public Table select(int[] rowIndices) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.select(rowIndices));
        }
        return new Table(out);
    }

    /**
     * This table's rows followed by those of {@code below}, which has the same columns (by name, any order) with
     * the same types.
     */
    public Table append(Table below) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            Column other = below.column(c.name());
            if (other.type() != c.type()) {
                throw new IllegalArgumentException("column " + c.name() + " is " + c.type() + " above and "
                        + other.type() + " below");
            }
            out.add(c.append(other));
        }
        return new Table(out);
    }

    /** This table without the named columns (names not present are ignored). */
    public Table drop(Collection<String> names) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            if (!names.contains(c.name())) {
                out.add(c);
            }
        }
        return new Table(out);
    }

    /** This table with {@code replacement} in place of the column of the same name. */
    public Table with(Column replacement) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.name().equals(replacement.name()) ? replacement : c);
        }
        return new Table(out);
    }

    /** This table with only the named columns, in the order given; absent names are an error. */
    public Table keep(List<String> names) {
        List<Column> out = new ArrayList<>();
        for (String n : names) {
            out.add(column(n));
        }
        return new Table(out);
    }
}

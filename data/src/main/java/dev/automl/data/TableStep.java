package dev.automl.data;

import java.util.List;

/** One of an MLTable's transformations after the read: keep or drop columns, take or skip leading rows. */
public sealed interface TableStep {

    /** {@code keep_columns}: only these columns, in this order. */
    record KeepColumns(List<String> names) implements TableStep {
        public KeepColumns {
            names = List.copyOf(names);
        }
    }

    /** {@code drop_columns}: all columns but these. */
    record DropColumns(List<String> names) implements TableStep {
        public DropColumns {
            names = List.copyOf(names);
        }
    }

    /** {@code convert_column_types}: columns read as the types given. */
    record ConvertColumnTypes(List<ColumnConversion> conversions) implements TableStep {
        public ConvertColumnTypes {
            conversions = List.copyOf(conversions);
        }
    }

    /** {@code take}: the first n rows. */
    record Take(long n) implements TableStep {
    }

    /** {@code skip}: all rows but the first n. */
    record Skip(long n) implements TableStep {
    }
}

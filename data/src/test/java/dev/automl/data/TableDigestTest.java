package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableDigestTest {

    private static Table table(double x1, List<String> levels, int[] codes) {
        return new Table(List.of(new NumericColumn("x", new double[] {1.5, x1, Double.NaN}),
                new CategoricalColumn("colour", codes, levels)));
    }

    private static String digest(Table t) {
        return new TableDigest().add(t, t.rows()).hex();
    }

    @Test
    void theSameRowsGiveTheSameDigestWhateverTheirCategoryCodes() {
        Table a = table(2, List.of("red", "blue"), new int[] {0, 1, CategoricalColumn.MISSING});
        Table b = table(2, List.of("blue", "red"), new int[] {1, 0, CategoricalColumn.MISSING});
        assertEquals(digest(a), digest(b));
        assertEquals(64, digest(a).length());
    }

    @Test
    void aChangedValueOrAMissingOneChangesTheDigest() {
        Table a = table(2, List.of("red", "blue"), new int[] {0, 1, CategoricalColumn.MISSING});
        assertNotEquals(digest(a), digest(table(2.000001, List.of("red", "blue"), new int[] {0, 1, CategoricalColumn.MISSING})));
        assertNotEquals(digest(a), digest(table(2, List.of("red", "blue"), new int[] {0, 1, 0})));
        assertNotEquals(digest(a), digest(table(2, List.of("red", "blue"), new int[] {0, 0, CategoricalColumn.MISSING})));
    }

    @Test
    void onlyTheLeadingRowsCount() {
        Table a = table(2, List.of("red", "blue"), new int[] {0, 1, CategoricalColumn.MISSING});
        Table b = table(2, List.of("red", "blue"), new int[] {0, 1, 0});
        assertEquals(new TableDigest().add(a, 2).hex(), new TableDigest().add(b, 2).hex());
    }
}

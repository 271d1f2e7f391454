package dev.automl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Appending one table's rows below another's: values, missing values and categorical levels survive. */
class TableAppendTest {

    @Test
    void rowsOfEveryTypeFollowInOrderAndNewLevelsAreAddedAfterTheOldOnes() {
        Table above = new Table(List.of(new NumericColumn("x", new double[] {1, Double.NaN}),
                new CategoricalColumn("c", new int[] {0, 1}, List.of("a", "b")),
                new DateTimeColumn("t", new double[] {0, 86_400})));
        Table below = new Table(List.of(new DateTimeColumn("t", new double[] {Double.NaN}),
                new CategoricalColumn("c", new int[] {0}, List.of("z")),
                new NumericColumn("x", new double[] {3})));
        Table both = above.append(below);
        assertEquals(List.of("x", "c", "t"), both.columnNames());
        assertEquals(3, both.rows());
        assertEquals(List.of("1", "", "3"), List.of(both.column("x").text(0), both.column("x").text(1),
                both.column("x").text(2)));
        CategoricalColumn c = (CategoricalColumn) both.column("c");
        assertEquals(List.of("a", "b", "z"), c.levels());
        assertEquals(List.of("a", "b", "z"), List.of(c.get(0), c.get(1), c.get(2)));
        assertEquals(true, both.column("t").isMissing(2));
        assertEquals(both.column("t").text(1), above.column("t").text(1));
    }

    @Test
    void aColumnOfAnotherTypeBelowIsRefused() {
        Table above = new Table(List.of(new NumericColumn("x", new double[] {1})));
        Table below = new Table(List.of(new CategoricalColumn("x", new int[] {0}, List.of("1"))));
        assertEquals("column x is NUMERIC above and CATEGORICAL below",
                assertThrows(IllegalArgumentException.class, () -> above.append(below)).getMessage());
    }
}

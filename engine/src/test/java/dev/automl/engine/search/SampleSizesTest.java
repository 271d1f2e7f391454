package dev.automl.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample sizes large data moves through: 50,000 rows, times four, then all. */
class SampleSizesTest {

    @Test
    void dataUpToAQuarterMillionRowsUsesAllRowsFromTheStart() {
        SampleSizes s = new SampleSizes(250_000);
        assertEquals(List.of(250_000), s.steps());
        assertEquals(0, s.rows(0));
    }

    @Test
    void largeDataStartsOnFiftyThousandRowsAndGrowsByFour() {
        assertEquals(List.of(50_000, 200_000, 900_000), new SampleSizes(900_000).steps());
        // 260,000 rows: 200,000 would leave too little to gain, so the second step is all rows.
        SampleSizes s = new SampleSizes(260_000);
        assertEquals(List.of(50_000, 260_000), s.steps());
        assertEquals(50_000, s.rows(0));
        assertEquals(0, s.rows(1));
        assertEquals(5.2, s.ratio(0), 1e-9);
    }
}

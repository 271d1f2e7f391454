package dev.automl.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The explanation's time: kept within timeout_minutes, and more of it only when the run ended early. */
class ExplainStageTest {

    @Test
    void theRunKeepsAShareOfItsTimeoutForTheExplanation() {
        assertEquals(5, ExplainStage.reserveSeconds(true, 60), 1e-9);
        assertEquals(6, ExplainStage.reserveSeconds(true, 120), 1e-9);
        assertEquals(30, ExplainStage.reserveSeconds(true, 600), 1e-9);
        assertEquals(30, ExplainStage.reserveSeconds(true, 3600), 1e-9);
        assertEquals(0, ExplainStage.reserveSeconds(false, 600), 1e-9);
    }

    @Test
    void theExplanationTakesWhatIsLeftOfTheTimeoutUpToItsShares() {
        // The model saved at the reserve's start: the reserve.
        assertEquals(30, ExplainStage.budgetSeconds(600, 570), 1e-9);
        // Saved early: a tenth of the timeout at most, and at most 30 % of the run's time.
        assertEquals(60, ExplainStage.budgetSeconds(600, 300), 1e-9);
        assertEquals(6, ExplainStage.budgetSeconds(60, 20), 1e-9);
        assertEquals(5, ExplainStage.budgetSeconds(60, 5), 1e-9);
        // Past the timeout (a late refit without a stand-in): a second, not nothing.
        assertEquals(1, ExplainStage.budgetSeconds(60, 61), 1e-9);
    }
}

package dev.automl.algorithms.boosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.automl.algorithms.Deadline;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void patienceFollowsAutoGluonsRule() {
        assertEquals(300, EarlyStopping.patienceFor(561));
        assertEquals(300, EarlyStopping.patienceFor(10_000));
        assertEquals(150, EarlyStopping.patienceFor(20_000));
        assertEquals(30, EarlyStopping.patienceFor(100_000));
        assertEquals(20, EarlyStopping.patienceFor(1_000_000));
    }

    @Test
    void stopsAfterPatienceRoundsWithoutImprovementAndKeepsTheBest() {
        EarlyStopping s = new EarlyStopping(2);
        assertFalse(s.record(1, 0.5));
        assertFalse(s.record(2, 0.4));
        assertFalse(s.record(3, 0.4));
        assertTrue(s.record(4, Double.NaN));
        assertEquals(2, s.bestRounds());
        assertEquals(0.4, s.bestLoss());
    }

    @Test
    void roundsStopAtTheBestRoundOrTheLimit() {
        double[] losses = {0.9, 0.7, 0.6, 0.65, 0.66, 0.67, 0.5};
        int[] round = {0};
        BoostingRounds.Booster booster = new BoostingRounds.Booster() {
            @Override
            public boolean boostOneRound() {
                round[0]++;
                return true;
            }

            @Override
            public double validLoss() {
                return losses[round[0] - 1];
            }
        };
        BoostingRounds.Outcome o = BoostingRounds.run(booster, 100, new EarlyStopping(3), Deadline.never());
        assertEquals(new BoostingRounds.Outcome(6, 3, false), o);
        round[0] = 0;
        assertEquals(new BoostingRounds.Outcome(4, 4, false), BoostingRounds.run(booster, 4, null, Deadline.never()));
    }

    @Test
    void defaultRoundsKeepRoundsTimesLearningRateAtTen() {
        assertEquals(10_000, BoostingRounds.defaultRounds(true, 0.05));
        assertEquals(100, BoostingRounds.defaultRounds(false, 0.1));
        assertEquals(200, BoostingRounds.defaultRounds(false, 0.05));
        assertEquals(10, BoostingRounds.defaultRounds(false, 1.0));
    }
}

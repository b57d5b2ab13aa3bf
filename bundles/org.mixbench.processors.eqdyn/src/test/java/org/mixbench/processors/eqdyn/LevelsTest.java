package org.mixbench.processors.eqdyn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LevelsTest {
    @Test
    void theFastGainMatchesExpToWithinOnePartInAHundredMillionOverTheWholeReductionRange() {
        double worst = 0;
        for (int i = 0; i <= 4_000_000; i++) {
            double db = -i * 1e-4;
            double exact = Levels.dbToGain(db);
            worst = Math.max(worst, Math.abs(Levels.dbToGainFast(db) / exact - 1));
        }
        assertTrue(worst < 1e-8, "worst relative error " + worst);
        assertEquals(1.0, Levels.dbToGainFast(0), 0);
        assertEquals(0.5011872336272722, Levels.dbToGainFast(-6), 1e-15);
    }
}

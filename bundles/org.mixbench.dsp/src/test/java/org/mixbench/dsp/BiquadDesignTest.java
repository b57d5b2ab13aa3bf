package org.mixbench.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BiquadDesignTest {
    private static final double RATE = 48_000;

    /** |H| in dB at {@code hz}, evaluated on the unit circle with complex arithmetic (not magnitudeSquared). */
    private static double db(double[] c, double hz) {
        double w = 2 * Math.PI * hz / RATE;
        double nr = c[0] + c[1] * Math.cos(w) + c[2] * Math.cos(2 * w);
        double ni = -c[1] * Math.sin(w) - c[2] * Math.sin(2 * w);
        double dr = 1 + c[3] * Math.cos(w) + c[4] * Math.cos(2 * w);
        double di = -c[3] * Math.sin(w) - c[4] * Math.sin(2 * w);
        return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    private static double[] section(int type, double hz, double gainDb, double q) {
        double[] c = new double[5];
        BiquadDesign.design(type, hz, gainDb, q, RATE, c, 0);
        return c;
    }

    @Test
    void bellReachesItsGainAtItsCentreAndNothingFarAway() {
        double[] c = section(BiquadDesign.BELL, 1000, -6, 1.4);
        assertEquals(-6, db(c, 1000), 1e-9);
        assertEquals(0, db(c, 20), 0.01);
    }

    @Test
    void shelvesReachHalfTheirGainAtTheirFrequencyAndAllOfItFarAway() {
        double[] low = section(BiquadDesign.LOW_SHELF, 200, 6, BiquadDesign.BUTTERWORTH_Q);
        assertEquals(3, db(low, 200), 1e-9);
        assertEquals(6, db(low, 5), 0.01);
        double[] high = section(BiquadDesign.HIGH_SHELF, 4000, -4, BiquadDesign.BUTTERWORTH_Q);
        assertEquals(-2, db(high, 4000), 1e-9);
        assertEquals(-4, db(high, 23_900), 0.01);
    }

    @Test
    void passFiltersAreThreeDecibelsDownAtTheirCornerAtTheButterworthQ() {
        assertEquals(-3.0103, db(section(BiquadDesign.HIGH_PASS, 100, 0, BiquadDesign.BUTTERWORTH_Q), 100), 1e-4);
        assertEquals(-3.0103, db(section(BiquadDesign.LOW_PASS, 5000, 0, BiquadDesign.BUTTERWORTH_Q), 5000), 1e-4);
    }

    @Test
    void tiltIsMinusHalfItsGainAtDcZeroAtItsPivotAndPlusHalfAtNyquist() {
        double[] c = section(BiquadDesign.TILT, 800, 6, 3);
        assertEquals(0, c[2], 0);
        assertEquals(0, c[4], 0);
        assertEquals(0, db(c, 800), 1e-9);
        double dc = 10 * Math.log10(BiquadDesign.magnitudeSquared(c, 0, 0));
        double nyquist = 10 * Math.log10(BiquadDesign.magnitudeSquared(c, 0, 1));
        assertEquals(-3, dc, 1e-9);
        assertEquals(3, nyquist, 1e-9);
        // Gentle: a sixth of the way from the pivot two octaves out on either side at most.
        assertEquals(-2.5, db(c, 200), 0.5);
        assertEquals(2.5, db(c, 3200), 0.5);
    }

    @Test
    void magnitudeSquaredAgreesWithTheComplexResponseForEveryTypeDownTo10Hz() {
        for (int type = 0; type <= BiquadDesign.TILT; type++) {
            double[] c = section(type, 1234, 5, 2);
            for (double hz = 10; hz < 24_000; hz *= 1.37) {
                double w = 2 * Math.PI * hz / RATE;
                double half = Math.sin(w / 2);
                double fast = 10 * Math.log10(BiquadDesign.magnitudeSquared(c, 0, half * half));
                assertEquals(db(c, hz), fast, 1e-8, "type " + type + " at " + hz + " Hz");
            }
        }
    }

    @Test
    void butterworthSectionsOfAFourthOrderFilterHaveTheTextbookQs() {
        assertEquals(0.5412, BiquadDesign.butterworthQ(0, 2), 1e-4);
        assertEquals(1.3066, BiquadDesign.butterworthQ(1, 2), 1e-4);
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> section(9, 100, 0, 1));
    }
}

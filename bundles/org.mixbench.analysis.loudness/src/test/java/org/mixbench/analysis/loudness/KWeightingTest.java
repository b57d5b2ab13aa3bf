package org.mixbench.analysis.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The K-weighting derived for each sample rate: the BS.1770-4 tables at 48 kHz, the same response elsewhere. */
class KWeightingTest {

    /** BS.1770-4 Table 1 (shelf) and Table 2 (high-pass) at 48 kHz, reproduced from the analog prototypes. */
    @Test
    void theDerivedFiltersReproduceTheBs1770TablesAt48kHz() {
        double[] shelf = KWeighting.shelf(48_000);
        double[] highPass = KWeighting.highPass(48_000);
        double[] table1 = {1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241,
            0.73248077421585};
        double[] table2 = {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621};
        for (int i = 0; i < 5; i++) {
            assertEquals(table1[i], shelf[i], 1e-8, "shelf coefficient " + i);
            assertEquals(table2[i], highPass[i], 1e-8, "high-pass coefficient " + i);
        }
    }

    /**
     * At 44.1, 88.2, 96, 176.4, 192 and 384 kHz the response from 20 Hz to 20 kHz stays within 0.05 dB of the 48 kHz
     * response of the standard (measured: 0.005 dB at 44.1 kHz, 0.028 at 96 kHz, 0.046 at 384 kHz; the difference is
     * the bilinear warping of the 48 kHz table itself, which the higher rates no longer have).
     */
    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {44_100, 88_200, 96_000, 176_400, 192_000, 384_000})
    void otherSampleRatesKeepTheResponseOfTheStandard(double fs) {
        double worst = 0;
        for (double f = 20; f <= 20_000; f *= 1.02) {
            double deviation = LoudnessMeter.kWeightingResponseDb(fs, f)
                    - LoudnessMeter.kWeightingResponseDb(48_000, f);
            worst = Math.max(worst, Math.abs(deviation));
        }
        Report.line("k-weighting", "%6.0f Hz: largest deviation from the 48 kHz response, 20 Hz to 20 kHz: %.4f dB",
                fs, worst);
        assertTrue(worst < 0.05, "deviation " + worst + " dB at " + fs + " Hz");
    }

    /** The shape of K-weighting: +0.69 dB near 1 kHz (the -0.691 of the loudness formula), +4 dB shelf, RLB cut. */
    @Test
    void theResponseHasTheShapeOfKWeighting() {
        assertEquals(0.691, LoudnessMeter.kWeightingResponseDb(48_000, 997), 0.02);
        assertEquals(4.0, LoudnessMeter.kWeightingResponseDb(48_000, 16_000), 0.1);
        assertTrue(LoudnessMeter.kWeightingResponseDb(48_000, 20) < -12, "the RLB high-pass cuts 20 Hz");
        assertEquals(-6.0, LoudnessMeter.kWeightingResponseDb(48_000, 38.135), 0.3,
                "the high-pass (Q 0.5) is 6 dB down at its 38 Hz corner");
    }
}

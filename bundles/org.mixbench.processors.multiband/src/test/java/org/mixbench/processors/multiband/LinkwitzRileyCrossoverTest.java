package org.mixbench.processors.multiband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LinkwitzRileyCrossoverTest {
    /** Worst deviation seen by the flat-sum test, for the report in the build log. */
    private static double worstDeviationDb;

    /** The impulse response of a fresh instance with {@code values}, long enough for the all passes to ring out. */
    private static float[] impulseResponse(Map<String, Double> values, double rate) {
        MultibandProcessor p = Bench.prepared(values, rate, 1);
        float[] x = new float[p.latencyFrames() + 32_768];
        x[0] = 0.25f;
        Bench.run(p, x);
        for (int b = 0; b < p.gainReductionMeters(); b++) {
            assertEquals(0.0, p.gainReductionDb(b), 0.0, "no band compressed the impulse");
        }
        return x;
    }

    /** The largest deviation in dB of the sum of the bands from the input, 20 Hz to 20 kHz. */
    private static double flatness(Map<String, Double> values, double rate) {
        float[] h = impulseResponse(values, rate);
        double worst = 0;
        for (double f : Bench.logFrequencies(20, Math.min(20_000, 0.49 * rate), 240)) {
            double deviation = Bench.db(Bench.magnitude(h, f, rate) / 0.25);
            worst = Math.max(worst, Math.abs(deviation));
        }
        worstDeviationDb = Math.max(worstDeviationDb, worst);
        return worst;
    }

    private static Map<String, Double> crossovers(int bands, double... hz) {
        Map<String, Double> v = new HashMap<>();
        v.put("bands", (double) bands);
        for (int k = 0; k < hz.length; k++) {
            v.put("crossover" + (k + 1), hz[k]);
        }
        return v;
    }

    @Test
    void withNoCompressionTheBandsSumFlatWithinAHundredthOfADecibelFrom20HzTo20KHzForTwoToFiveBands() {
        for (int bands = 2; bands <= 5; bands++) {
            double worst = flatness(crossovers(bands), 48_000);
            assertTrue(worst < 0.01, bands + " bands at the default crossovers: " + worst + " dB");
        }
        double[][] placements = {{20}, {2000}, {40, 8000}, {60, 250, 2500}, {20, 50, 200, 500},
            {1000, 1100, 1200, 20_000}, {100, 700, 4000, 16_000}};
        for (double[] hz : placements) {
            double worst = flatness(crossovers(hz.length + 1, hz), 48_000);
            assertTrue(worst < 0.01, java.util.Arrays.toString(hz) + ": " + worst + " dB");
        }
        for (double rate : new double[] {44_100, 96_000}) {
            double worst = flatness(crossovers(5, 80, 400, 3000, 12_000), rate);
            assertTrue(worst < 0.01, rate + " Hz: " + worst + " dB");
        }
        System.out.printf("Linkwitz-Riley flat sum: worst deviation %.2e dB, 20 Hz to 20 kHz%n", worstDeviationDb);
    }

    @Test
    void aSoloedMiddleBandHasTheLinkwitzRileyShapeMinusSixDecibelsAtEachCrossoverAnd24DbPerOctave() {
        double rate = 48_000;
        Map<String, Double> v = crossovers(3, 200, 4000);
        v.put("band2.solo", 1.0);
        float[] h = impulseResponse(v, rate);
        for (double f : new double[] {25, 50, 100, 200, 900, 4000, 8000, 16_000}) {
            double expected = Bench.db(Bench.highPass(f, 200, rate) * Bench.lowPass(f, 4000, rate));
            assertEquals(expected, Bench.db(Bench.magnitude(h, f, rate) / 0.25), 0.002, f + " Hz");
        }
        assertEquals(-6.02, Bench.db(Bench.magnitude(h, 200, rate) / 0.25), 0.01, "-6 dB at the crossover");
        assertEquals(-48.2, Bench.db(Bench.magnitude(h, 50, rate) / 0.25), 0.1, "two octaves down: 48 dB");
    }

    @Test
    void crossoversAreKeptInIncreasingOrderAThirdOfAnOctaveApartAndBelowNyquist() {
        double[] out = new double[4];
        MultibandProcessor.effectiveCrossovers(new double[] {2000, 1000, 5000, 12_000}, 4, 48_000, out);
        assertEquals(2000, out[0], 1e-9);
        assertEquals(2000 * MultibandProcessor.MIN_SPACING, out[1], 1e-9, "pushed up above crossover 1");
        assertEquals(5000, out[2], 1e-9);
        MultibandProcessor.effectiveCrossovers(new double[] {100, 1000, 16_000, 20_000}, 5, 32_000, out);
        assertEquals(0.45 * 32_000, out[3], 1e-9, "the top crossover stays below 0.45 of the rate");
        assertEquals(0.45 * 32_000 / MultibandProcessor.MIN_SPACING, out[2], 1e-9, "the one below makes room");
        for (int k = 1; k < 4; k++) {
            assertTrue(out[k] >= out[k - 1] * MultibandProcessor.MIN_SPACING * (1 - 1e-12), "spaced at " + k);
        }
        MultibandProcessor.effectiveCrossovers(new double[] {100, 1000, 16_000, 20_000}, 3, 32_000, out);
        assertEquals(1000, out[1], 1e-9, "unused crossovers do not push the used ones");
    }
}

package org.mixbench.processors.multiband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LinearPhaseCrossoverTest {
    private static final double RATE = 48_000;

    private static Map<String, Double> linearPhase(int bands) {
        Map<String, Double> v = new HashMap<>();
        v.put("crossover_type", (double) MultibandFactory.LINEAR_PHASE);
        v.put("bands", (double) bands);
        return v;
    }

    @Test
    void withNoCompressionTheBandsSumToTheInputDelayedByTheLatencyWithANullBelowMinus100Db() {
        double worst = Double.NEGATIVE_INFINITY;
        for (int bands = 2; bands <= 5; bands++) {
            MultibandProcessor p = Bench.prepared(linearPhase(bands), RATE, 2);
            int latency = p.latencyFrames();
            float[] left = Bench.noise(0.5, 3 * latency, 10 + bands);
            float[] right = Bench.noise(0.5, 3 * latency, 20 + bands);
            float[][] x = {left.clone(), right.clone()};
            Bench.run(p, x);
            for (int c = 0; c < 2; c++) {
                double depth = Bench.nullDepthDb(Bench.delayed(c == 0 ? left : right, latency), x[c], latency,
                        x[c].length);
                assertTrue(depth < -100, bands + " bands, channel " + c + ": null only " + depth + " dB");
                worst = Math.max(worst, depth);
            }
        }
        System.out.printf("Linear-phase null against the delayed input: %s dB at worst%n",
                Double.isInfinite(worst) ? "-inf (bit-exact)" : String.format("%.1f", worst));
    }

    @Test
    void anImpulseComesOutExactlyLatencyFramesLaterWithEitherCrossoverType() {
        MultibandProcessor linear = Bench.prepared(linearPhase(4), RATE, 1);
        MultibandProcessor iir = Bench.prepared(Map.of("bands", 4.0), RATE, 1);
        int latency = linear.latencyFrames();
        assertEquals(latency, iir.latencyFrames(), "the latency does not depend on the crossover type");
        assertEquals(4096 + LinearPhaseCrossover.PARTITION, latency, "85.3 ms of kernel and one partition at 48 kHz");
        int at = 1000;
        float[] x = new float[at + latency + 4096];
        x[at] = 0.5f;
        float[] y = x.clone();
        Bench.run(linear, y);
        for (int i = 0; i < y.length; i++) {
            assertEquals(i == at + latency ? 0.5 : 0.0, y[i], 1e-7, "linear phase, frame " + i);
        }
        float[] z = x.clone();
        Bench.run(iir, z);
        for (int i = 0; i < at + latency; i++) {
            assertEquals(0.0, z[i], 0.0, "Linkwitz-Riley: nothing before the latency, frame " + i);
        }
        assertTrue(Math.abs(z[at + latency]) > 0.01, "Linkwitz-Riley: the response starts at the latency");
        assertEquals(latency, Bench.prepared(Map.of("bands", 2.0), RATE, 2).latencyFrames(), "nor on the bands");
        assertEquals(MultibandProcessor.kernelHalf(96_000) + LinearPhaseCrossover.PARTITION,
                Bench.prepared(Map.of(), 96_000, 2).latencyFrames(), "the same time at 96 kHz");
    }

    @Test
    void eachLinearPhaseBandIsSymmetricAboutTheLatencyWithTheLinkwitzRileyMagnitude() {
        Map<String, Double> v = linearPhase(3);
        v.put("crossover1", 200.0);
        v.put("crossover2", 4000.0);
        v.put("band2.solo", 1.0);
        MultibandProcessor p = Bench.prepared(v, RATE, 1);
        int latency = p.latencyFrames();
        float[] h = new float[2 * latency + 1];
        h[0] = 0.25f;
        Bench.run(p, h);
        for (int k = 1; k < latency; k++) {
            assertEquals(h[latency - k], h[latency + k], 1e-9, "symmetric at lag " + k);
        }
        for (double f : new double[] {50, 100, 200, 900, 4000, 8000, 16_000}) {
            double t1 = Math.pow(Math.tan(Math.PI * f / RATE) / Math.tan(Math.PI * 200 / RATE), 4);
            double t2 = Math.pow(Math.tan(Math.PI * f / RATE) / Math.tan(Math.PI * 4000 / RATE), 4);
            // band 2 = h_2 - h_1: the difference of the two Linkwitz-Riley low-pass magnitudes, in phase
            double expected = 1 / (1 + t2) - 1 / (1 + t1);
            assertEquals(Bench.db(expected), Bench.db(Bench.magnitude(h, f, RATE) / 0.25), 0.01, f + " Hz");
        }
    }

    @Test
    void switchingToLinearPhaseWhilePlayingSoundsAsIfItHadBeenLinearPhaseFromTheStart() {
        // band 3 alone, so that the output depends on the crossover's filters (the sum of all bands would not)
        Map<String, Double> linear = linearPhase(5);
        linear.put("band3.solo", 1.0);
        float[] x = Bench.noise(0.3, 40_000, 5);
        float[] fromStart = x.clone();
        Bench.run(Bench.prepared(linear, RATE, 1), fromStart);
        float[] switched = x.clone();
        int at = 17_001;
        Bench.runWithEvent(Bench.prepared(Map.of("bands", 5.0, "band3.solo", 1.0), RATE, 1), new int[] {512, 77, 300},
                at, "crossover_type", MultibandFactory.LINEAR_PHASE, switched);
        int faded = at + (int) (0.020 * RATE) + 1;
        double depth = Bench.nullDepthDb(fromStart, switched, faded, x.length);
        assertTrue(depth < -120, "after the 20 ms cross-fade the output is the linear-phase one: " + depth + " dB");
        double during = Bench.nullDepthDb(fromStart, switched, at, faded);
        assertTrue(during > -60, "the cross-fade blends the two crossovers: " + during + " dB");
    }

    @Test
    void movingACrossoverOrAddingABandWhileLinearPhaseKeepsTheBandsSummingToTheDelayedInput() {
        MultibandProcessor p = Bench.prepared(linearPhase(3), RATE, 1);
        int latency = p.latencyFrames();
        float[] x = Bench.noise(0.3, 30_000, 6);
        float[] y = x.clone();
        Bench.runWithEvent(p, new int[] {512}, 12_345, "crossover2", 2500.0, y);
        assertTrue(Bench.nullDepthDb(Bench.delayed(x, latency), y, latency, x.length) < -100, "crossover moved");
        float[] z = x.clone();
        Bench.runWithEvent(p, new int[] {512}, 9_999, "bands", 5.0, z);
        assertTrue(Bench.nullDepthDb(Bench.delayed(x, latency), z, latency, x.length) < -100, "band added");
    }

    @Test
    void aBandAddedWhileLinearPhaseHearsItsCrossoverAtOnce() {
        Map<String, Double> five = linearPhase(5);
        five.put("band4.solo", 1.0);
        float[] x = Bench.noise(0.3, 40_000, 8);
        float[] expected = x.clone();
        Bench.run(Bench.prepared(five, RATE, 1), expected);
        Map<String, Double> three = linearPhase(3);
        three.put("band4.solo", 1.0);
        float[] added = x.clone();
        int at = 20_480;
        Bench.runWithEvent(Bench.prepared(three, RATE, 1), new int[] {512}, at, "bands", 5.0, added);
        // solo moves over 20 ms once band 4 exists; from then on band 4 is the same as with 5 bands from the start
        int settled = at + (int) (0.020 * RATE) + 1;
        assertTrue(Bench.nullDepthDb(expected, added, settled, x.length) < -120);
    }
}

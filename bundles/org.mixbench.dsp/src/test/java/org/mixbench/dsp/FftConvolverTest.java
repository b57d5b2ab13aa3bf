package org.mixbench.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FftConvolverTest {

    private static float[] noise(SplittableRandom random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        return x;
    }

    /** The direct sum, in double: out[n] = sum_j h[j] x[n - delay - j]. */
    private static double[] direct(float[] x, double[] h, int length, int delay) {
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            double s = 0;
            for (int j = 0; j < length; j++) {
                int i = n - delay - j;
                if (i < 0) {
                    break;
                }
                s += h[j] * x[i];
            }
            y[n] = s;
        }
        return y;
    }

    /** Runs x through c in calls whose lengths are drawn at random from 0 to maxCall. */
    private static float[] run(FftConvolver c, float[] x, SplittableRandom random, int maxCall) {
        float[] y = new float[x.length];
        int pos = 0;
        while (pos < x.length) {
            int n = Math.min(x.length - pos, random.nextInt(maxCall + 1));
            c.process(x, pos, y, pos, n);
            pos += n;
        }
        return y;
    }

    @Test
    void convolutionEqualsDirectConvolutionWithin1e5ForRandomSignalsAndAnyBlockSplit() {
        SplittableRandom random = new SplittableRandom(11);
        int[][] cases = {{1, 16}, {5, 16}, {16, 16}, {17, 16}, {300, 64}, {1000, 128}, {4096, 0}, {3001, 256}};
        for (int[] kase : cases) {
            int length = kase[0];
            FftConvolver c = kase[1] == 0 ? new FftConvolver(length) : new FftConvolver(length, kase[1]);
            double[] h = new double[length];
            for (int j = 0; j < length; j++) {
                h[j] = random.nextDouble(-1, 1) / Math.sqrt(length);
            }
            c.loadKernel(h, length);
            float[] x = noise(random, 3 * length + 5 * c.partitionFrames() + 77);
            double[] expected = direct(x, h, length, c.latencyFrames());
            for (int maxCall : new int[] {1, 7, 300, 5000}) {
                c.reset();
                float[] y = run(c, x, random, maxCall);
                double worst = 0;
                for (int n = 0; n < x.length; n++) {
                    worst = Math.max(worst, Math.abs(y[n] - expected[n]));
                }
                assertTrue(worst < 1e-5, length + " taps, calls up to " + maxCall + ": worst error " + worst);
            }
        }
    }

    @Test
    void aFreshConvolverDelaysByItsLatencyAndChangesNothingElse() {
        FftConvolver c = new FftConvolver(8192);
        assertEquals(4096, c.latencyFrames());
        float[] x = noise(new SplittableRandom(3), 20_000);
        float[] y = new float[x.length];
        c.process(x, 0, y, 0, x.length);
        for (int n = 0; n < x.length; n++) {
            float expected = n < c.latencyFrames() ? 0 : x[n - c.latencyFrames()];
            assertEquals(expected, y[n], 1e-6, "frame " + n);
        }
    }

    @Test
    void inPlaceProcessingEqualsProcessingIntoAnotherArray() {
        SplittableRandom random = new SplittableRandom(4);
        double[] h = new double[700];
        for (int j = 0; j < h.length; j++) {
            h[j] = random.nextDouble(-0.05, 0.05);
        }
        float[] x = noise(random, 5000);
        FftConvolver a = new FftConvolver(700, 128);
        FftConvolver b = new FftConvolver(700, 128);
        a.loadKernel(h, h.length);
        b.loadKernel(h, h.length);
        float[] separate = new float[x.length];
        a.process(x, 0, separate, 0, x.length);
        float[] inPlace = x.clone();
        for (int pos = 0; pos < x.length; pos += 333) {
            b.process(inPlace, pos, Math.min(333, x.length - pos));
        }
        for (int n = 0; n < x.length; n++) {
            assertEquals(separate[n], inPlace[n], 0, "frame " + n);
        }
    }

    @Test
    void setKernelCrossFadesOverOnePartitionFromTheOldResponseToTheNew() {
        int partition = 64;
        FftConvolver c = new FftConvolver(32, partition);
        double[] gainOne = {1};
        double[] gainHalf = {0.5};
        c.loadKernel(gainOne, 1);
        float[] dc = new float[10 * partition];
        java.util.Arrays.fill(dc, 1f);
        float[] y = new float[dc.length];
        // Change the response in the middle of the third partition of input.
        c.process(dc, 0, y, 0, 2 * partition + 10);
        c.setKernel(gainHalf, 1);
        c.process(dc, 2 * partition + 10, y, 2 * partition + 10, dc.length - 2 * partition - 10);
        // Input of partition 2 is the first convolved with the new response; its output is partition 3, faded.
        for (int n = partition; n < 3 * partition; n++) {
            assertEquals(1.0, y[n], 1e-6, "frame " + n + " before the fade");
        }
        for (int i = 0; i < partition; i++) {
            double t = (i + 1.0) / partition;
            assertEquals(1 - 0.5 * t, y[3 * partition + i], 1e-6, "frame " + i + " of the fade");
        }
        for (int n = 4 * partition; n < y.length; n++) {
            assertEquals(0.5, y[n], 1e-6, "frame " + n + " after the fade");
        }
    }

    @Test
    void aZeroResponseOutputsSilenceAndAResponseSetLaterSeesTheInputHistory() {
        SplittableRandom random = new SplittableRandom(6);
        int length = 500;
        double[] h = new double[length];
        for (int j = 0; j < length; j++) {
            h[j] = random.nextDouble(-0.05, 0.05);
        }
        FftConvolver c = new FftConvolver(length, 128);
        c.loadKernel(new double[length], length);
        assertTrue(c.isKernelZero());
        float[] x = noise(random, 4000);
        float[] y = new float[x.length];
        c.process(x, 0, y, 0, 1280);
        for (int n = 0; n < 1280; n++) {
            assertEquals(0f, y[n], 0f, "frame " + n);
        }
        // Loaded at a partition boundary: the output of the next partition on already uses the whole history.
        c.loadKernel(h, length);
        c.process(x, 1280, y, 1280, x.length - 1280);
        double[] expected = direct(x, h, length, 128);
        for (int n = 1280 + 128; n < x.length; n++) {
            assertEquals(expected[n], y[n], 1e-5, "frame " + n);
        }
    }

    @Test
    void processAndSetKernelAllocateNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        FftConvolver c = new FftConvolver(2048, 256);
        double[] h = new double[2048];
        h[100] = 1;
        float[] x = noise(new SplittableRandom(5), 1000);
        long measured = 0;
        for (int round = 0; round < 3; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < 2000; k++) {
                c.process(x, 0, k % 1000);
                if (k % 50 == 0) {
                    c.setKernel(h, 2048);
                }
            }
            if (round > 0) {
                measured += threads.getCurrentThreadAllocatedBytes() - before;
            }
        }
        assertTrue(measured < 4000, "allocated " + measured + " bytes over 4000 calls");
    }
}

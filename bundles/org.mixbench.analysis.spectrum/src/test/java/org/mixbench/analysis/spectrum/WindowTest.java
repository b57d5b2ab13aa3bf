package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WindowTest {

    @ParameterizedTest
    @EnumSource(Window.class)
    void coherentGainAndNoiseBandwidthAreThoseOfTheSamples(Window window) {
        for (int n : new int[] {1024, 8192, 32768}) {
            double[] w = window.samples(n);
            double sum = 0;
            double squares = 0;
            for (double v : w) {
                sum += v;
                squares += v * v;
            }
            assertEquals(window.coherentGain(), sum / n, 1e-12, "coherent gain at " + n);
            assertEquals(window.noiseBandwidthBins(), n * squares / (sum * sum), 1e-9, "noise bandwidth at " + n);
        }
    }

    @Test
    void figuresOfMeritAreTheTextbookOnes() {
        assertEquals(1.5, Window.HANN.noiseBandwidthBins(), 1e-12);
        assertEquals(2.0044, Window.BLACKMAN_HARRIS.noiseBandwidthBins(), 1e-4);
        assertEquals(3.770, Window.FLAT_TOP.noiseBandwidthBins(), 1e-3);
        assertEquals(1.42, Window.HANN.scallopingLossDb(8192), 0.01);
        assertEquals(0.83, Window.BLACKMAN_HARRIS.scallopingLossDb(8192), 0.01);
        assertEquals(0.0, Window.FLAT_TOP.scallopingLossDb(8192), 0.02);
        assertEquals(-31.5, highestSideLobeDb(Window.HANN), 0.1);
        assertEquals(-92.0, highestSideLobeDb(Window.BLACKMAN_HARRIS), 0.1);
        assertTrue(highestSideLobeDb(Window.FLAT_TOP) < -90, "flat-top side lobes");
    }

    private static double highestSideLobeDb(Window window) {
        double highest = 0;
        for (double x = window.mainLobeHalfWidthBins(); x < 200; x += 0.005) {
            highest = Math.max(highest, window.response(x, 8192));
        }
        return 20 * Math.log10(highest);
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void responseIsTheTransformOfTheSamples(Window window) {
        int n = 1024;
        double[] w = window.samples(n);
        for (double x : new double[] {0, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 4.5, 7.3, 100.5, 511.7}) {
            double re = 0;
            double im = 0;
            double sum = 0;
            for (int t = 0; t < n; t++) {
                re += w[t] * Math.cos(2 * Math.PI * x * t / n);
                im -= w[t] * Math.sin(2 * Math.PI * x * t / n);
                sum += w[t];
            }
            assertEquals(Math.hypot(re, im) / sum, window.response(x, n), 1e-12, "offset " + x);
            assertEquals(window.response(x, n), window.response(-x, n), 1e-15, "symmetry at " + x);
        }
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void theMainLobeEndsAtItsFirstNull(Window window) {
        int half = window.mainLobeHalfWidthBins();
        assertEquals(0.0, window.response(half, 8192), 1e-15);
        for (int step = 0; step < 100 * half; step++) {
            double x = step / 100.0;
            assertTrue(window.response(x, 8192) > 1e-9, window + " has no null before " + half + " bins: " + x);
        }
        assertTrue(window.response(half + 0.5, 8192) > 1e-9, "a side lobe follows");
    }
}

package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixbench.testkit.Signals;

/** Block sizes, reset and channel modes. */
class SpectrumBlockingTest {
    private static final int SECOND = (int) Audio.RATE;

    /** Equal within {@code 1e-9} relative in power (about 4e-9 dB); infinities must match. */
    static void assertSameTraces(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int s = 0; s < expected.length; s++) {
            for (int k = 0; k < expected[s].length; k++) {
                double e = expected[s][k];
                double a = actual[s][k];
                assertTrue(e == a || Math.abs(e - a) < 4.4e-9, what + " spectrum " + s + " bin " + k + ": " + e
                        + " vs " + a);
            }
        }
    }

    private static void assertSameSnapshot(SpectrumSnapshot expected, SpectrumSnapshot actual) {
        assertEquals(expected.frames(), actual.frames());
        assertEquals(expected.samples(), actual.samples());
        assertSameTraces(expected.averageDbfs(), actual.averageDbfs(), "average");
        assertSameTraces(expected.exponentialDbfs(), actual.exponentialDbfs(), "exponential");
        assertSameTraces(expected.peakHoldDbfs(), actual.peakHoldDbfs(), "peak hold");
    }

    @Test
    void anyBlockSizesFromZeroToTheMaximumGiveTheSameSpectrum() {
        float[][] x = Signals.program(3, 5 * SECOND, Audio.RATE, 42);
        for (SpectrumSettings settings : new SpectrumSettings[] {SpectrumSettings.defaults(),
            SpectrumSettings.defaults().withFftSize(1024).withOverlap(0.9).withChannelMode(ChannelMode.PER_CHANNEL)
                    .withPeakDecayDbPerSecond(6),
            SpectrumSettings.defaults().withFftSize(32768).withOverlap(0).withWindow(Window.HANN)}) {
            SpectrumAnalyzer whole = new SpectrumAnalyzer(Audio.spec(3), settings);
            Audio.feed(whole, x, Audio.MAX_BLOCK);
            for (long seed = 1; seed <= 3; seed++) {
                SpectrumAnalyzer pieces = new SpectrumAnalyzer(Audio.spec(3), settings);
                Audio.feedRandomly(pieces, x, seed);
                assertSameSnapshot(whole.snapshot(), pieces.snapshot());
                assertEquals(whole.spectrogram(0), pieces.spectrogram(0));
            }
        }
    }

    @Test
    void resetForgetsEverythingMeasured() {
        float[][] first = Signals.program(2, 3 * SECOND, Audio.RATE, 1);
        float[][] second = Signals.program(2, 3 * SECOND, Audio.RATE, 2);
        SpectrumAnalyzer fresh = new SpectrumAnalyzer(Audio.spec(2), SpectrumSettings.defaults());
        Audio.feed(fresh, second, 1000);
        SpectrumAnalyzer reused = new SpectrumAnalyzer(Audio.spec(2), SpectrumSettings.defaults());
        Audio.feed(reused, first, 1234);
        reused.reset();
        assertEquals(0, reused.snapshot().frames());
        assertEquals(0, reused.spectrogram(0).rows());
        Audio.feed(reused, second, 1000);
        assertSameSnapshot(fresh.snapshot(), reused.snapshot());
        assertEquals(fresh.spectrogram(0), reused.spectrogram(0));
    }

    @Test
    void perChannelModeGivesEachChannelItsOwnSpectrum() {
        SpectrumSettings settings = SpectrumSettings.defaults().withWindow(Window.FLAT_TOP)
                .withChannelMode(ChannelMode.PER_CHANNEL);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(2), settings);
        Audio.feed(analyzer, new float[][] {Audio.sine(2 * SECOND, 1000, 1.0), Audio.sine(2 * SECOND, 3000, 0.5)},
                512);
        SpectrumSnapshot s = analyzer.snapshot();
        assertEquals(2, s.spectra());
        assertEquals(1000, s.peaks(0, 1, -120).get(0).frequencyHz(), 0.01);
        assertEquals(0.0, s.peaks(0, 1, -120).get(0).dbfs(), 0.01);
        assertEquals(3000, s.peaks(1, 1, -120).get(0).frequencyHz(), 0.01);
        assertEquals(-6.02, s.peaks(1, 1, -120).get(0).dbfs(), 0.01);
        assertTrue(s.averageDbfs(0, Audio.loudestBin(s, 1)) < -100, "no 3 kHz on the left");
    }

    @Test
    void theMidIsTheAverageOfTheChannels() {
        float[] sine = Audio.sine(2 * SECOND, 1000, 1.0);
        float[] inverted = new float[sine.length];
        for (int i = 0; i < sine.length; i++) {
            inverted[i] = -sine[i];
        }
        SpectrumAnalyzer opposite = new SpectrumAnalyzer(Audio.spec(2), SpectrumSettings.defaults());
        Audio.feed(opposite, new float[][] {sine, inverted}, 512);
        assertEquals(Double.NEGATIVE_INFINITY, opposite.snapshot().averageDbfs(0, 171), "L + R = 0");
        SpectrumAnalyzer oneSided = new SpectrumAnalyzer(Audio.spec(2),
                SpectrumSettings.defaults().withWindow(Window.FLAT_TOP));
        Audio.feed(oneSided, new float[][] {sine, new float[sine.length]}, 512);
        assertEquals(-6.02, oneSided.snapshot().peaks(1).get(0).dbfs(), 0.01, "half the amplitude");
    }
}

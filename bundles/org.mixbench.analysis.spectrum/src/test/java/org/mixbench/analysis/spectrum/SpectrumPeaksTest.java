package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The peak finder behind the CLI's {@code spectrum_peaks}. */
class SpectrumPeaksTest {
    private static final int SECOND = (int) Audio.RATE;

    private static SpectrumSnapshot analyze(SpectrumSettings settings, float[] x) {
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(1), settings);
        Audio.feed(analyzer, new float[][] {x}, 4096);
        return analyzer.snapshot();
    }

    private static float[] plus(float[] a, float[] b) {
        float[] sum = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void theFrequencyOfAToneBetweenBinsIsFoundWithinATenthOfABin(Window window) {
        SpectrumSettings settings = SpectrumSettings.defaults().withWindow(window);
        double binWidth = Audio.RATE / settings.fftSize();
        for (int step = 0; step <= 10; step++) {
            double offset = step * 0.05;
            double frequency = (170 + offset) * binWidth;
            List<SpectralPeak> peaks = analyze(settings, Audio.sine(2 * SECOND, frequency, 0.5)).peaks(3);
            assertEquals(1, peaks.size(), window + " at offset " + offset + ": " + peaks);
            assertEquals(frequency, peaks.get(0).frequencyHz(), 0.1 * binWidth, window + " at offset " + offset);
            assertEquals(-6.02, peaks.get(0).dbfs(), 0.05, window + " at offset " + offset);
        }
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void theFrequencyOfAToneInNoiseIsFoundWithinATenthOfABin(Window window) {
        SpectrumSettings settings = SpectrumSettings.defaults().withWindow(window);
        double binWidth = Audio.RATE / settings.fftSize();
        double frequency = 1234.5;
        float[] x = plus(Audio.sine(10 * SECOND, frequency, 0.1), Audio.whiteNoise(10 * SECOND, 0.1, 7));
        SpectralPeak peak = analyze(settings, x).peaks(1).get(0);
        assertEquals(frequency, peak.frequencyHz(), 0.1 * binWidth, window.toString());
        assertEquals(-20, peak.dbfs(), 0.5, window.toString());
    }

    @Test
    void twoTones40DbApartAreBothReportedStrongestFirst() {
        float[] x = plus(Audio.sine(2 * SECOND, 3000, 0.005), Audio.sine(2 * SECOND, 1000, 0.5));
        List<SpectralPeak> peaks = analyze(SpectrumSettings.defaults(), x).peaks(5);
        assertEquals(2, peaks.size(), peaks.toString());
        assertEquals(1000, peaks.get(0).frequencyHz(), 0.1);
        assertEquals(-6.02, peaks.get(0).dbfs(), 0.05);
        assertEquals(3000, peaks.get(1).frequencyHz(), 0.1);
        assertEquals(-46.02, peaks.get(1).dbfs(), 0.05);
    }

    @Test
    void aWeakToneCloseToAStrongOneIsReportedWhereItClearsTheSkirt() {
        // 60 dB apart and 12 bins apart: outside Blackman-Harris's main lobe and above its -92 dB skirt
        double binWidth = Audio.RATE / 8192;
        float[] x = plus(Audio.sine(2 * SECOND, 300 * binWidth, 0.5), Audio.sine(2 * SECOND, 312 * binWidth, 0.0005));
        List<SpectralPeak> peaks = analyze(SpectrumSettings.defaults(), x).peaks(5);
        assertEquals(2, peaks.size(), peaks.toString());
        assertEquals(312 * binWidth, peaks.get(1).frequencyHz(), 0.1 * binWidth);
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void aSingleToneIsReportedOnceWhateverTheWindowsSkirt(Window window) {
        SpectrumSettings settings = SpectrumSettings.defaults().withWindow(window);
        SpectrumSnapshot s = analyze(settings, Audio.sine(2 * SECOND, 997, 1.0));
        assertEquals(1, s.peaks(10).size(), window + ": " + s.peaks(10));
        // Hann's side lobes are local maxima far above the floor: the skirt rule, not the floor, drops them
        assertEquals(1, s.peaks(0, 10, -200).stream().filter(p -> p.dbfs() > -140).count(), window.toString());
    }

    @Test
    void silenceHasNoPeaks() {
        assertTrue(analyze(SpectrumSettings.defaults(), new float[2 * SECOND]).peaks(5).isEmpty());
    }

    @Test
    void peaksBelowTheFloorAreNotReported() {
        SpectrumSnapshot s = analyze(SpectrumSettings.defaults(), Audio.sine(2 * SECOND, 997, 1e-4));
        assertEquals(1, s.peaks(5).size());
        assertTrue(s.peaks(0, 5, -70).isEmpty());
    }

    @Test
    void theNumberOfPeaksIsCapped() {
        float[] x = new float[2 * SECOND];
        for (int i = 1; i <= 8; i++) {
            x = plus(x, Audio.sine(2 * SECOND, 500 * i, 0.1 / i));
        }
        List<SpectralPeak> peaks = analyze(SpectrumSettings.defaults(), x).peaks(3);
        assertEquals(3, peaks.size());
        assertEquals(500, peaks.get(0).frequencyHz(), 0.1);
        assertEquals(1000, peaks.get(1).frequencyHz(), 0.1);
        assertEquals(1500, peaks.get(2).frequencyHz(), 0.1);
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void theParabolasOffsetGrowsWithTheTonesOffsetSoItsBiasCanBeRemoved(Window window) {
        for (int n : new int[] {1024, 32768}) {
            double previous = -1;
            for (double d = 0; d <= 0.5; d += 0.001) {
                double p = PeakFinder.parabolicOffset(d, window, n);
                assertTrue(p > previous || d == 0, window + " at " + d);
                assertEquals(d, PeakFinder.unbias(p, window, n), 1e-9);
                previous = p;
            }
        }
    }
}

package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Noise: flat and at the level theory gives for white noise, 3 dB per octave down for pink noise.
 *
 * <p>Normalisation under test (see {@link SpectrumSnapshot}): a bin reads {@code 4 |X[k]|^2 / (sum w)^2}, so a
 * white noise of variance {@code s^2} reads {@code 4 s^2 ENBW / N} on average, ENBW in bins, N the FFT size; that is
 * twice its one-sided density {@code 2 s^2 / fs} times the noise bandwidth in Hz {@code ENBW fs / N}.
 */
class SpectrumNoiseTest {
    private static final int SECOND = (int) Audio.RATE;

    private static SpectrumSnapshot analyze(SpectrumSettings settings, float[] x) {
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(1), settings);
        Audio.feed(analyzer, new float[][] {x}, 4096);
        return analyzer.snapshot();
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void whiteNoiseReadsFourTimesItsVarianceTimesTheNoiseBandwidthOverTheFftSize(Window window) {
        double sigma = 0.25;
        SpectrumSettings settings = SpectrumSettings.defaults().withFftSize(1024).withWindow(window);
        SpectrumSnapshot s = analyze(settings, Audio.whiteNoise(20 * SECOND, sigma, 11));
        double expected = Audio.db(4 * sigma * sigma * window.noiseBandwidthBins() / settings.fftSize());
        double sum = 0;
        for (int k = 1; k < s.bins() - 1; k++) {
            sum += Math.pow(10, s.averageDbfs(0, k) / 10);
        }
        double mean = Audio.db(sum / (s.bins() - 2));
        assertEquals(expected, mean, 0.05, window + ": mean level of the bins");
        // the same level expressed as a density: power / (2 x noise bandwidth in Hz) = 2 sigma^2 / fs
        assertEquals(Audio.db(2 * sigma * sigma / Audio.RATE),
                Audio.db(Math.pow(10, mean / 10) / (2 * s.noiseBandwidthHz())), 0.05, window + ": density");
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void whiteNoiseGivesAFlatSpectrumWithinOneDbAfterAveraging(Window window) {
        SpectrumSettings settings = SpectrumSettings.defaults().withFftSize(1024).withWindow(window);
        SpectrumSnapshot s = analyze(settings, Audio.whiteNoise(20 * SECOND, 0.25, 12));
        double expected = Audio.db(4 * 0.0625 * window.noiseBandwidthBins() / settings.fftSize());
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < s.bins() - 1; k++) {
            lowest = Math.min(lowest, s.averageDbfs(0, k));
            highest = Math.max(highest, s.averageDbfs(0, k));
        }
        assertTrue(highest - expected < 1 && expected - lowest < 1,
                window + ": bins from " + lowest + " to " + highest + " dBFS around " + expected);
        assertTrue(highest - lowest < 1, window + ": spread " + (highest - lowest) + " dB");
    }

    @Test
    void pinkNoiseFallsThreeDbPerOctaveAfterThirdOctaveSmoothing() {
        SpectrumSnapshot s = analyze(SpectrumSettings.defaults(), Audio.pinkNoise(1 << 20, 0.1, 5))
                .smoothed(OctaveFraction.THIRD);
        // least-squares line through the smoothed level against log2(frequency), 50 Hz to 16 kHz
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        int from = (int) Math.ceil(50 / s.binWidthHz());
        int to = (int) Math.floor(16000 / s.binWidthHz());
        for (int k = from; k <= to; k++) {
            double x = Math.log(s.frequencyHz(k)) / Math.log(2);
            double y = s.averageDbfs(0, k);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            count++;
        }
        double slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
        double intercept = (sy - slope * sx) / count;
        assertEquals(-3.01, slope, 0.1, "dB per octave");
        for (int k = from; k <= to; k++) {
            double line = intercept + slope * Math.log(s.frequencyHz(k)) / Math.log(2);
            assertEquals(line, s.averageDbfs(0, k), 0.5, "1/3-octave level at " + s.frequencyHz(k) + " Hz");
        }
    }

    @Test
    void smoothingAveragesPowerOverTheBand() {
        double[] flat = new double[4097];
        java.util.Arrays.fill(flat, -20);
        for (OctaveFraction fraction : OctaveFraction.values()) {
            double[] smoothed = fraction.smooth(flat);
            for (int k = 0; k < flat.length; k++) {
                assertEquals(-20, smoothed[k], 1e-9, fraction + " keeps a flat spectrum at bin " + k);
            }
        }
        // one loud bin among silent ones: every band holding it reads its power spread over the band's bins
        double[] tone = new double[4097];
        java.util.Arrays.fill(tone, Double.NEGATIVE_INFINITY);
        tone[1000] = 0;
        double[] third = OctaveFraction.THIRD.smooth(tone);
        double ratio = Math.pow(2, 1.0 / 6);
        int bandBins = (int) Math.floor(1000 * ratio) - (int) Math.ceil(1000 / ratio) + 1;
        assertEquals(Audio.db(1.0 / bandBins), third[1000], 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY, third[800], "800 is more than a sixth of an octave below 1000");
        assertEquals(Double.NEGATIVE_INFINITY, third[1200], "1200 is more than a sixth of an octave above 1000");
        assertTrue(Double.isFinite(third[1100]) && Double.isFinite(third[900]));
    }

    @Test
    void smoothingKeepsAQuietBandFarAboveALoudOne() {
        double[] spectrum = new double[4097];
        java.util.Arrays.fill(spectrum, -200);
        java.util.Arrays.fill(spectrum, 1, 20, 0);
        double[] smoothed = OctaveFraction.OCTAVE.smooth(spectrum);
        assertEquals(-200, smoothed[3000], 1e-6);
    }

    @Test
    void narrowerBandsFollowTheSpectrumMoreClosely() {
        SpectrumSnapshot s = analyze(SpectrumSettings.defaults(), Audio.whiteNoise(4 * SECOND, 0.1, 3));
        double previous = Double.POSITIVE_INFINITY;
        for (OctaveFraction fraction : new OctaveFraction[] {OctaveFraction.OCTAVE, OctaveFraction.THIRD,
            OctaveFraction.SIXTH, OctaveFraction.TWELFTH, OctaveFraction.TWENTY_FOURTH}) {
            double[] smoothed = s.smoothed(fraction).averageDbfs(0);
            double deviation = 0;
            for (int k = 500; k < 4000; k++) {
                deviation += Math.abs(smoothed[k] - s.averageDbfs(0, k));
            }
            assertTrue(deviation < previous, fraction + " deviates less than the wider band: " + deviation);
            previous = deviation;
        }
    }
}

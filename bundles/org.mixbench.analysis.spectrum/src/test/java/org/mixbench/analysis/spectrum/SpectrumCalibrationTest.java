package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A full-scale sine reads 0 dBFS in its peak bin, less the window's scalloping loss between bins. */
class SpectrumCalibrationTest {
    private static final int SECOND = (int) Audio.RATE;

    private static SpectrumSnapshot analyze(SpectrumSettings settings, float[][] x) {
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(x.length), settings);
        Audio.feed(analyzer, x, 1000);
        return analyzer.snapshot();
    }

    private static double peakBinDbfs(SpectrumSnapshot snapshot) {
        return snapshot.averageDbfs(0, Audio.loudestBin(snapshot, 0));
    }

    @Test
    void aFullScaleSineAt997HzReadsZeroDbfsInItsPeakBinWithTheFlatTopWindow() {
        SpectrumSnapshot s = analyze(SpectrumSettings.defaults().withWindow(Window.FLAT_TOP),
                new float[][] {Audio.sine(2 * SECOND, 997, 1.0)});
        assertEquals(170, Audio.loudestBin(s, 0));
        assertEquals(0.0, peakBinDbfs(s), 0.05);
        assertEquals(0.0, s.peakHoldDbfs(0, 170), 0.05);
        assertEquals(0.0, s.exponentialDbfs(0, 170), 0.05);
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void aFullScaleSineAt997HzReadsWithinTheScallopingLossOfEachWindow(Window window) {
        SpectrumSettings settings = SpectrumSettings.defaults().withWindow(window);
        double level = peakBinDbfs(analyze(settings, new float[][] {Audio.sine(2 * SECOND, 997, 1.0)}));
        double loss = window.scallopingLossDb(settings.fftSize());
        assertTrue(level <= 0.01 && level >= -loss - 0.01, window + " reads " + level + " dBFS, loss " + loss);
        // 997 Hz lies 0.16 bin from bin 170; the window's own response there is what the bin must read
        double offset = 997 / (Audio.RATE / settings.fftSize()) - 170;
        assertEquals(20 * Math.log10(window.response(offset, settings.fftSize())), level, 0.01);
    }

    @ParameterizedTest
    @EnumSource(Window.class)
    void aSineHalfWayBetweenBinsReadsTheFullScallopingLoss(Window window) {
        SpectrumSettings settings = SpectrumSettings.defaults().withWindow(window);
        double frequency = 200.5 * Audio.RATE / settings.fftSize();
        double level = peakBinDbfs(analyze(settings, new float[][] {Audio.sine(2 * SECOND, frequency, 1.0)}));
        assertEquals(-window.scallopingLossDb(settings.fftSize()), level, 0.01, window.toString());
    }

    @Test
    void everyFftSizeFrom1024To32768ReadsAFullScaleSineAtZeroDbfs() {
        for (int n = SpectrumSettings.MIN_FFT_SIZE; n <= SpectrumSettings.MAX_FFT_SIZE; n *= 2) {
            SpectrumSettings settings = SpectrumSettings.defaults().withWindow(Window.FLAT_TOP).withFftSize(n);
            SpectrumSnapshot s = analyze(settings, new float[][] {Audio.sine(3 * SECOND, 997, 1.0)});
            assertEquals(0.0, peakBinDbfs(s), 0.05, n + " points");
            assertEquals(997.0, s.frequencyHz(Audio.loudestBin(s, 0)), s.binWidthHz() / 2, n + " points");
        }
    }

    @Test
    void theLevelFollowsTheAmplitude() {
        SpectrumSettings settings = SpectrumSettings.defaults().withWindow(Window.FLAT_TOP);
        for (double amplitude : new double[] {0.5, 0.1, 0.001}) {
            double level = peakBinDbfs(analyze(settings, new float[][] {Audio.sine(2 * SECOND, 997, amplitude)}));
            assertEquals(20 * Math.log10(amplitude), level, 0.05, "amplitude " + amplitude);
        }
    }

    @Test
    void theMidOfTwoIdenticalChannelsReadsLikeTheMonoSignal() {
        float[] sine = Audio.sine(2 * SECOND, 997, 0.5);
        SpectrumSnapshot mono = analyze(SpectrumSettings.defaults(), new float[][] {sine});
        SpectrumSnapshot stereo = analyze(SpectrumSettings.defaults(), new float[][] {sine, sine.clone()});
        for (int k = 0; k < mono.bins(); k++) {
            assertEquals(mono.averageDbfs(0, k), stereo.averageDbfs(0, k), 1e-9, "bin " + k);
        }
    }
}

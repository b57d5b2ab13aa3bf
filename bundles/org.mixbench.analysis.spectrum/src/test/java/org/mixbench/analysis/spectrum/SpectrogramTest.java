package org.mixbench.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpectrogramTest {

    /** Frames without overlap, frame {@code r} a tone centred on bin {@code 10 + r}. */
    private static float[] risingTones(int n, int frames) {
        float[] x = new float[n * frames];
        for (int r = 0; r < frames; r++) {
            for (int t = 0; t < n; t++) {
                x[r * n + t] = (float) (0.5 * Math.sin(2 * Math.PI * (10 + r) * t / n));
            }
        }
        return x;
    }

    private static int loudestBin(Spectrogram spectrogram, int row) {
        int best = 0;
        for (int k = 1; k < spectrogram.fftSize() / 2 + 1; k++) {
            if (spectrogram.dbfs(row, k) > spectrogram.dbfs(row, best)) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void theRingKeepsOnlyTheLatestRows() {
        int n = 1024;
        SpectrumSettings settings = SpectrumSettings.defaults().withFftSize(n).withOverlap(0).withSpectrogramRows(16);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(1), settings);
        Audio.feed(analyzer, new float[][] {risingTones(n, 100)}, 333);
        Spectrogram s = analyzer.spectrogram(0);
        assertEquals(16, s.rows());
        assertEquals(84, s.firstFrame());
        for (int row = 0; row < s.rows(); row++) {
            assertEquals(10 + 84 + row, loudestBin(s, row), "row " + row);
            assertEquals(-6.02, s.dbfs(row, 10 + 84 + row), 2, "row " + row);
        }
        assertEquals((99 * n + n / 2.0) / Audio.RATE, s.centreSeconds(15), 1e-12);
    }

    @Test
    void aViewCanAskOnlyForTheRowsItHasNotDrawn() {
        int n = 1024;
        SpectrumSettings settings = SpectrumSettings.defaults().withFftSize(n).withOverlap(0).withSpectrogramRows(16);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(1), settings);
        Audio.feed(analyzer, new float[][] {risingTones(n, 40)}, 1000);
        Spectrogram newer = analyzer.spectrogram(0, 37);
        assertEquals(3, newer.rows());
        assertEquals(37, newer.firstFrame());
        assertEquals(10 + 39, loudestBin(newer, 2));
        assertEquals(0, analyzer.spectrogram(0, 40).rows());
        assertEquals(16, analyzer.spectrogram(0, 0).rows(), "older rows than the ring holds are gone");
    }

    @Test
    void noSpectrogramIsKeptWhenNoRowsAreAskedFor() {
        SpectrumSettings settings = SpectrumSettings.defaults().withFftSize(1024).withSpectrogramRows(0);
        SpectrumAnalyzer analyzer = new SpectrumAnalyzer(Audio.spec(1), settings);
        Audio.feed(analyzer, new float[][] {risingTones(1024, 20)}, 1000);
        assertEquals(0, analyzer.spectrogram(0).rows());
        assertEquals(39, analyzer.snapshot().frames());
    }
}

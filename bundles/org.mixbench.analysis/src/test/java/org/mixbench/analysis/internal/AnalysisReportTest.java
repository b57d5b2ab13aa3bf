package org.mixbench.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.analysis.FileAnalysis;

/** What {@code analyze} reports for signals whose figures are known exactly. */
class AnalysisReportTest {
    @TempDir
    Path dir;

    private final StreamingFileAnalyzer analyzer = new StreamingFileAnalyzer(WavOnlyFiles.files());

    private static float[][] sine(int channels, double rate, double seconds, double dbfs, double hz) {
        int frames = (int) (rate * seconds);
        float[][] x = new float[channels][frames];
        double a = Math.pow(10, dbfs / 20);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                x[c][i] = (float) (a * Math.sin(2 * Math.PI * hz * i / rate));
            }
        }
        return x;
    }

    @Test
    void aStereoSineAtMinus20DbfsReadsMinus20LufsWithItsPeaksRmsAndSpectrum() throws Exception {
        Path file = WavOnlyFiles.write(dir.resolve("sine.wav"), sine(2, 48_000, 20, -20, 1000), 48_000);
        FileAnalysis a = analyzer.analyze(file, "sine.wav", 0.1, null);
        assertEquals(-20.0, a.integratedLufs(), 0.1);
        assertEquals(0.0, a.loudnessRangeLu(), 0.1);
        assertEquals(-20.0, a.momentaryMaxLufs(), 0.1);
        assertEquals(-20.0, a.shortTermMaxLufs(), 0.1);
        assertEquals(-20.0, a.truePeakDbtp(), 0.2);
        assertEquals(-20.0, a.samplePeakDbfs(), 0.01);
        assertEquals(-23.01, a.rmsDbfs()[0], 0.02);
        assertEquals(1.0, a.correlation(), 1e-6);
        assertEquals(200, a.momentary().length, "one value per 0.1 s");
        assertEquals(-20.0, a.shortTerm()[199], 0.1);
        FileAnalysis.SpectrumPeak strongest = a.spectrumPeaks().get(0);
        assertEquals(1000, strongest.hz(), 0.5);
        assertEquals(-20.0, strongest.dbfs(), 0.1);
    }

    @Test
    void aMonoFileIsMeasuredAsOneChannelWithoutCorrelation() throws Exception {
        Path file = WavOnlyFiles.write(dir.resolve("mono.wav"), sine(1, 44_100, 10, -20, 1000), 44_100);
        FileAnalysis a = analyzer.analyze(file, "mono.wav", 0.01, null);
        assertEquals(-23.0, a.integratedLufs(), 0.1, "one channel of a -20 dBFS sine: -23 LUFS, not dual mono");
        assertEquals(1, a.rmsDbfs().length);
        assertTrue(Double.isNaN(a.correlation()));
        assertEquals(1000, a.momentary().length, "hop 0.01 gives 100 values a second");
        String json = JsonReport.write(List.of(a));
        assertTrue(json.contains("\"correlation\": null"), json);
        assertTrue(json.contains("\"hop_s\": 0.01"), json);
    }

    @Test
    void silenceGivesNullsNotNumbers() throws Exception {
        Path file = WavOnlyFiles.write(dir.resolve("silence.wav"), new float[2][48_000], 48_000);
        FileAnalysis a = analyzer.analyze(file, "silence.wav", 0.1, null);
        String json = JsonReport.write(List.of(a));
        for (String key : new String[] {"integrated_lufs", "true_peak_dbtp", "sample_peak_dbfs"}) {
            assertTrue(json.contains("\"" + key + "\": null"), key + " in " + json);
        }
        assertTrue(json.contains("\"rms_dbfs\": [null, null]"), json);
    }

    @Test
    void theJsonFollowsTheDesignContract() throws Exception {
        Path file = WavOnlyFiles.write(dir.resolve("a \"quoted\" name.wav"), sine(2, 48_000, 4, -23, 1000), 48_000);
        String json = JsonReport.write(List.of(analyzer.analyze(file, "a \"quoted\" name.wav", 0.1, null)));
        assertTrue(json.startsWith("{\"files\": [{"), json);
        for (String key : new String[] {"file", "sample_rate", "channels", "frames", "duration_s", "integrated_lufs",
            "lra_lu", "momentary_max_lufs", "short_term_max_lufs", "true_peak_dbtp", "sample_peak_dbfs", "rms_dbfs",
            "correlation", "momentary_lufs", "short_term_lufs", "spectrum_peaks"}) {
            assertTrue(json.contains("\"" + key + "\": "), key + " missing in " + json);
        }
        assertTrue(json.contains("\"file\": \"a \\\"quoted\\\" name.wav\""), json);
        assertTrue(json.contains("\"sample_rate\": 48000, \"channels\": 2, \"frames\": 192000, \"duration_s\": 4.0"),
                json);
    }

    @Test
    void thePlotsArePngImagesOfTheHistoryAndTheSpectrum() throws Exception {
        Path file = WavOnlyFiles.write(dir.resolve("plot.wav"), sine(2, 48_000, 5, -14, 440), 48_000);
        Path[] plots = {dir.resolve("plot.loudness.png"), dir.resolve("plot.spectrum.png")};
        Plots.write(analyzer.analyze(file, "plot.wav", 0.1, null), plots[0], plots[1]);
        for (Path p : plots) {
            assertTrue(Files.size(p) > 2000, p + " too small");
            assertEquals(1200, ImageIO.read(p.toFile()).getWidth());
        }
    }
}

package org.mixbench.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixbench.analysis.FileAnalysis;
import org.mixbench.api.export.ExportFormat;

/**
 * EBU Tech 3341 cases 1 and 2 (stereo 1 kHz at -23 and -33 dBFS read -23 and -33 LUFS, ±0.1 LU) written as real
 * 16-bit, 24-bit and float WAV files at 44.1, 48 and 96 kHz and measured through the file path the CLI uses.
 */
class ReferenceToneFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} Hz, {1}, {2} dBFS")
    @CsvSource({
        "44100, 16, -23", "44100, 24, -23", "44100, 32f, -23",
        "48000, 16, -23", "48000, 24, -23", "48000, 32f, -23",
        "96000, 16, -23", "96000, 24, -23", "96000, 32f, -23",
        "48000, 16, -33", "48000, 24, -33", "48000, 32f, -33"})
    void theReferenceToneReadsItsLevelFromEveryFileFormat(int rate, String bits, double dbfs) throws Exception {
        int frames = rate * 20;
        double a = Math.pow(10, dbfs / 20);
        Path file = dir.resolve("case.wav");
        int[] pos = {0};
        WavOnlyFiles.files().export(file, "wav", new ExportFormat(rate, 2, frames), Map.of("bits", bits), Map.of(),
                block -> {
                    int n = Math.min(block.maxFrames(), frames - pos[0]);
                    if (n <= 0) {
                        return false;
                    }
                    for (int i = 0; i < n; i++) {
                        float x = (float) (a * Math.sin(2 * Math.PI * 1000 * (pos[0] + i) / rate));
                        block.channel(0)[i] = x;
                        block.channel(1)[i] = x;
                    }
                    block.setFrames(n);
                    pos[0] += n;
                    return true;
                });
        FileAnalysis result = new StreamingFileAnalyzer(WavOnlyFiles.files()).analyze(file, "case.wav", 0.1, null);
        assertEquals(dbfs, result.integratedLufs(), 0.1, "integrated");
        assertEquals(dbfs, result.momentaryMaxLufs(), 0.1, "momentary max");
        assertEquals(dbfs, result.shortTermMaxLufs(), 0.1, "short-term max");
        assertEquals(0, result.loudnessRangeLu(), 0.1, "LRA of a steady tone");
        assertEquals(dbfs, result.truePeakDbtp(), 0.2, "true peak");
    }
}

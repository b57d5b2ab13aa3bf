package org.mixbench.analysis.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.format.wav.WavExporterFactory;
import org.mixbench.format.wav.WavImporterFactory;
import org.mixbench.testkit.SingleFormatFiles;

/** WAV files for the analysis tests, through the testkit's single-format {@link AudioFiles}. */
final class WavOnlyFiles {
    private WavOnlyFiles() {
    }

    /** WAV in and out. */
    static AudioFiles files() {
        return new SingleFormatFiles(new WavImporterFactory(), new WavExporterFactory());
    }

    /** Writes planar float audio as a 32-bit float WAV. */
    static Path write(Path file, float[][] audio, double rate) throws IOException {
        int[] pos = {0};
        files().export(file, "wav", new ExportFormat(rate, audio.length, audio[0].length),
                Map.of("bits", "32f"), Map.of(), block -> {
                    int n = Math.min(block.maxFrames(), audio[0].length - pos[0]);
                    if (n <= 0) {
                        return false;
                    }
                    for (int c = 0; c < audio.length; c++) {
                        System.arraycopy(audio[c], pos[0], block.channel(c), 0, n);
                    }
                    block.setFrames(n);
                    pos[0] += n;
                    return true;
                });
        return file;
    }
}

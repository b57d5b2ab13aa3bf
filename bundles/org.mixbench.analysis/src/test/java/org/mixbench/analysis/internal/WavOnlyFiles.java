package org.mixbench.analysis.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.format.wav.WavExporterFactory;
import org.mixbench.format.wav.WavImporterFactory;

/** An {@link AudioFiles} over the WAV format alone, for tests outside OSGi. */
final class WavOnlyFiles implements AudioFiles {
    @Override
    public AudioReader open(Path file) throws IOException {
        return new WavImporterFactory().open(file);
    }

    @Override
    public void export(Path target, String formatId, ExportFormat format, Map<String, String> options,
            Map<String, String> tags, BlockSource source) throws IOException {
        try (ExportWriter writer = new WavExporterFactory().open(target, format, options, tags)) {
            AudioBlock block = new AudioBlock(format.channels(), 4096, 0);
            while (source.next(block)) {
                writer.write(block);
            }
        }
    }

    /** Writes planar float audio as a 32-bit float WAV. */
    static Path write(Path file, float[][] audio, double rate) throws IOException {
        int[] pos = {0};
        new WavOnlyFiles().export(file, "wav", new ExportFormat(rate, audio.length, audio[0].length),
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

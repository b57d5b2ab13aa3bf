package org.mixbench.format.flac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;

/** What the FLAC reader refuses when it opens a file, and how it says so. */
class FlacReaderRefusesTest {
    @TempDir
    Path dir;

    /** A valid FLAC file of 100 frames of silence whose STREAMINFO then declares {@code rate} Hz. */
    private Path withSampleRate(int rate) throws Exception {
        Path file = dir.resolve(rate + ".flac");
        try (ExportWriter writer = new FlacExporterFactory().open(file, new ExportFormat(48_000, 1, 100), Map.of(),
                Map.of())) {
            AudioBlock block = new AudioBlock(1, 100, 0);
            block.setFrames(100);
            writer.write(block);
        }
        byte[] bytes = Files.readAllBytes(file);
        // STREAMINFO's payload starts at byte 8; the 20-bit rate at its byte 10, then 3 bits of channels.
        bytes[18] = (byte) (rate >>> 12);
        bytes[19] = (byte) (rate >>> 4);
        bytes[20] = (byte) ((rate & 0xF) << 4 | (bytes[20] & 0x0F));
        return Files.write(file, bytes);
    }

    @Test
    void aStreamInfoSampleRateOutside1000To768000HzIsRefusedWithTheReason() throws Exception {
        for (int rate : new int[] {1, 999, 768_001, 1_048_575}) {
            Path file = withSampleRate(rate);
            AudioFormatException e = assertThrows(AudioFormatException.class,
                    () -> new FlacImporterFactory().open(file).close());
            assertEquals("STREAMINFO at byte 4: sample rate " + rate + " Hz is outside 1000..768000 Hz",
                    e.getMessage());
        }
        try (var reader = new FlacImporterFactory().open(withSampleRate(1000))) {
            assertEquals(1000.0, reader.info().sampleRate(), "the lowest rate is accepted");
        }
    }
}

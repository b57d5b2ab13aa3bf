package org.mixbench.format.flac;

import org.mixbench.testkit.ReferenceTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.Tags;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.testkit.AbstractImporterContractTest;
import org.mixbench.testkit.Signals;

/** FLAC files we write pass the reference decoder's test, decode bit-exactly with it, and carry their tags. */
class FlacFilesWeWriteTest {
    @TempDir
    Path dir;

    private Path write(int bits, int level, Map<String, String> tags, float[][] audio) throws Exception {
        Path file = dir.resolve("w" + bits + "_" + level + ".flac");
        try (ExportWriter writer = new FlacExporterFactory().open(file, new ExportFormat(48_000, audio.length, -1),
                Map.of("bits", String.valueOf(bits), "compression", String.valueOf(level)), tags)) {
            AudioBlock block = new AudioBlock(audio.length, 1000, 0);
            for (int pos = 0; pos < audio[0].length; pos += 1000) {
                int n = Math.min(1000, audio[0].length - pos);
                for (int c = 0; c < audio.length; c++) {
                    System.arraycopy(audio[c], pos, block.channel(c), 0, n);
                }
                block.setFrames(n);
                writer.write(block);
            }
        }
        return file;
    }

    /**
     * The reference decoder's test passes on {@code file}, and it and our reader decode it to {@code audio} rounded
     * to {@code bits}, frame for frame.
     */
    private static void assertBothDecodersGive(float[][] audio, Path file, int bits) throws Exception {
        ReferenceTools.run(List.of("flac", "-t", "-s", file.toString()));
        int[] decoded = ReferenceTools.flacDecode(file, bits);
        float[][] ours;
        try (AudioReader reader = new FlacImporterFactory().open(file)) {
            ours = AbstractImporterContractTest.readFullyFor(reader);
        }
        int channels = audio.length;
        double scale = Math.scalb(1.0, bits - 1);
        assertEquals(audio[0].length * channels, decoded.length, "frames x channels from the reference decoder");
        assertEquals(audio[0].length, ours[0].length, "frames from our reader");
        for (int i = 0; i < audio[0].length; i++) {
            for (int c = 0; c < channels; c++) {
                long expected = Math.max(-(long) scale, Math.min((long) scale - 1,
                        (long) Math.rint(audio[c][i] * scale)));
                assertEquals(expected, decoded[i * channels + c], "frame " + i + " by the reference decoder");
                assertEquals(expected, Math.rint(ours[c][i] * scale), "frame " + i + " by our reader");
            }
        }
    }

    @Test
    void theReferenceDecoderAcceptsAndDecodesOurFilesBitExactly() throws Exception {
        float[][] audio = Signals.program(2, 96_000, 48_000, 3);
        for (int bits : new int[] {16, 24}) {
            for (int level : new int[] {0, 5, 8}) {
                assertBothDecodersGive(audio, write(bits, level, Map.of(), audio), bits);
            }
        }
    }

    @ParameterizedTest(name = "{0} frames, {1} channels, {2} bits, level {3}")
    @CsvSource({
        "0, 2, 16, 5", "0, 1, 24, 0", "1, 2, 16, 5", "1, 1, 24, 8", "1, 3, 16, 0", "2, 2, 16, 5", "3, 5, 24, 5",
        "7, 7, 16, 8", "15, 3, 16, 5", "16, 1, 16, 5", "17, 3, 24, 0", "1152, 2, 16, 0", "1153, 2, 16, 2",
        "4096, 2, 16, 5", "4097, 3, 24, 5", "8192, 1, 16, 8", "8193, 6, 16, 5"})
    void emptyShortAndWholeBlockFilesAreValidAndDecodeToTheirFrames(int frames, int channels, int bits, int level)
            throws Exception {
        float[][] audio = Signals.program(channels, frames, 48_000, frames);
        assertBothDecodersGive(audio, write(bits, level, Map.of(), audio), bits);
    }

    @Test
    void higherLevelsCompressMore() throws Exception {
        float[][] audio = Signals.program(2, 96_000, 48_000, 4);
        long fast = Files.size(write(16, 0, Map.of(), audio));
        long small = Files.size(write(16, 8, Map.of(), audio));
        assertTrue(small < fast, "level 8 (" + small + " bytes) should beat level 0 (" + fast + " bytes)");
    }

    @Test
    void ffprobeReadsTheVorbisComments() throws Exception {
        Path file = write(16, 5, Map.of(Tags.TITLE, "Tagged Song", Tags.ARTIST, "Tester", Tags.ISRC, "GBAYE2600001",
                Tags.TRACK, "7", Tags.YEAR, "2026", Tags.ALBUM, "Tests"), Signals.program(2, 4800, 48_000, 5));
        String json = ReferenceTools.run(List.of("ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json",
                file.toString()));
        String lower = json.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("\"title\": \"tagged song\""), json);
        assertTrue(lower.contains("\"artist\": \"tester\""), json);
        assertTrue(lower.contains("\"isrc\": \"gbaye2600001\""), json);
        assertTrue(lower.contains("\"album\": \"tests\""), json);
        ReferenceTools.run(List.of("flac", "-t", "-s", file.toString()));
    }
}

package org.mixbench.format.aiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.testkit.ReferenceTools;

/**
 * Cross-checks with the reference tools: the AIFF and AIFF-C files sox and ffmpeg write read with our importer to
 * exactly ffmpeg's own decode. A missing tool fails these tests; it does not skip them.
 */
class AiffReferenceToolsTest {
    @TempDir
    Path dir;

    private final AiffImporterFactory importer = new AiffImporterFactory();

    private float[] ours(Path file) throws IOException {
        try (AudioReader reader = importer.open(file)) {
            return ReferenceTools.readInterleaved(reader);
        }
    }

    private void assertReadsLikeFfmpeg(Path file, int channels, String format, String encoding) throws Exception {
        AudioFileInfo info;
        try (AudioReader reader = importer.open(file)) {
            info = reader.info();
        }
        String what = file.getFileName().toString();
        assertEquals(channels, info.channels(), what);
        assertEquals(44_100, info.sampleRate(), 0, what);
        assertEquals(11_025, info.frames(), what);
        assertEquals(format, info.format(), what);
        assertEquals(encoding, info.encoding(), what);
        float[] expected = ReferenceTools.ffmpegFloats(file);
        float[] actual = ours(file);
        assertEquals(expected.length, actual.length, what + ": sample count");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                throw new AssertionError(what + ": sample " + i + " differs: " + expected[i] + " != " + actual[i]);
            }
        }
    }

    @Test
    void readsWhatSoxWritesToExactlyFfmpegsDecode() throws Exception {
        String[][] variants = {
            {"s8.aiff", "2", "AIFF", "PCM 8-bit", "-b", "8"},
            {"s16.aiff", "2", "AIFF", "PCM 16-bit", "-b", "16"},
            {"s24.aiff", "2", "AIFF", "PCM 24-bit", "-b", "24"},
            {"s32.aiff", "1", "AIFF", "PCM 32-bit", "-b", "32"},
            {"s16-6ch.aiff", "6", "AIFF", "PCM 16-bit", "-b", "16"},
            {"none.aifc", "2", "AIFF-C", "PCM 16-bit (NONE)", "-b", "16", "-t", "aifc"},
            {"fl32.aifc", "2", "AIFF-C", "IEEE float 32-bit (fl32)", "-b", "32", "-e", "floating-point", "-t",
                "aifc"},
            {"fl64.aifc", "2", "AIFF-C", "IEEE float 64-bit (fl64)", "-b", "64", "-e", "floating-point", "-t",
                "aifc"}};
        for (String[] v : variants) {
            int channels = Integer.parseInt(v[1]);
            Path file = AiffTestFiles.sox(dir.resolve(v[0]), 44_100, channels, 0.25,
                    List.of(v).subList(4, v.length).toArray(String[]::new));
            assertReadsLikeFfmpeg(file, channels, v[2], v[3]);
        }
    }

    @Test
    void readsWhatFfmpegWritesToExactlyFfmpegsOwnDecode() throws Exception {
        String[][] variants = {
            {"ff-s8.aiff", "2", "AIFF", "PCM 8-bit", "pcm_s8"},
            {"ff-s16.aiff", "2", "AIFF", "PCM 16-bit", "pcm_s16be"},
            {"ff-s24.aiff", "2", "AIFF", "PCM 24-bit", "pcm_s24be"},
            {"ff-s32.aiff", "2", "AIFF", "PCM 32-bit", "pcm_s32be"},
            {"ff-sowt.aiff", "2", "AIFF-C", "PCM 16-bit little-endian (sowt)", "pcm_s16le"},
            {"ff-f32.aiff", "2", "AIFF-C", "IEEE float 32-bit (fl32)", "pcm_f32be"},
            {"ff-f64.aiff", "2", "AIFF-C", "IEEE float 64-bit (fl64)", "pcm_f64be"},
            {"ff-s24-6ch.aiff", "6", "AIFF", "PCM 24-bit", "pcm_s24be"}};
        for (String[] v : variants) {
            int channels = Integer.parseInt(v[1]);
            Path file = AiffTestFiles.ffmpeg(dir.resolve(v[0]), 44_100, channels, 0.25, "-c:a", v[4], "-f", "aiff");
            assertReadsLikeFfmpeg(file, channels, v[2], v[3]);
        }
    }
}

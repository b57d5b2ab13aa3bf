package org.mixbench.format.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.testkit.ReferenceTools;
import org.mixbench.testkit.Signals;

/**
 * Cross-checks with the reference tools: ffmpeg decodes the files we write to exactly our samples, sox accepts them
 * and measures the same peak, ffprobe reads our INFO tags; and the files ffmpeg and sox write read with our importer
 * to exactly ffmpeg's own decode. A missing tool fails these tests; it does not skip them.
 */
class WavReferenceToolsTest {
    private static final double RATE = 44_100;

    @TempDir
    Path dir;

    private final WavImporterFactory importer = new WavImporterFactory();

    /** Our decode of {@code file}, interleaved like ffmpeg's output. */
    private float[] ours(Path file) throws IOException {
        try (AudioReader reader = importer.open(file)) {
            return ReferenceTools.readInterleaved(reader);
        }
    }

    private AudioFileInfo info(Path file) throws IOException {
        try (AudioReader reader = importer.open(file)) {
            return reader.info();
        }
    }

    private static void assertBitExact(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": sample count");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                throw new AssertionError(what + ": sample " + i + " differs: " + expected[i] + " != " + actual[i]);
            }
        }
    }

    private static float[] interleave(float[][] audio) {
        float[] x = new float[audio.length * audio[0].length];
        for (int i = 0; i < audio[0].length; i++) {
            for (int c = 0; c < audio.length; c++) {
                x[i * audio.length + c] = audio[c][i];
            }
        }
        return x;
    }

    @Test
    void ffmpegDecodesTheIntegerFilesWeWriteToExactlyTheIntegersWeMeantToWrite() throws Exception {
        float[][] audio = Signals.program(2, 22_050, RATE, 5);
        audio[0][10] = 1f;
        audio[1][10] = -1f;
        audio[0][11] = 1.5f;
        for (int bits : new int[] {16, 24, 32}) {
            Path file = TestFiles.write(dir.resolve("int" + bits + ".wav"), audio, RATE,
                    Map.of("bits", Integer.toString(bits)), Map.of());
            int[] decoded = ReferenceTools.ffmpegInts(file, bits);
            float[] x = interleave(audio);
            assertEquals(x.length, decoded.length, bits + "-bit: sample count");
            double scale = Math.pow(2, bits - 1);
            int max = (int) (scale - 1);
            for (int i = 0; i < x.length; i++) {
                int expected = WavWriter.quantize(x[i], scale, max, -max - 1);
                if (decoded[i] != expected) {
                    throw new AssertionError(bits + "-bit: ffmpeg decodes sample " + i + " as " + decoded[i]
                            + ", we meant " + expected);
                }
            }
        }
    }

    @Test
    void ffmpegDecodesEveryFileWeWriteToExactlyOurFloats() throws Exception {
        float[][] stereo = Signals.program(2, 22_050, RATE, 6);
        float[][] six = Signals.program(6, 4_410, RATE, 7);
        float[][] mono = Signals.program(1, 4_410, RATE, 8);
        for (String bits : new String[] {"16", "24", "32", "32f"}) {
            for (float[][] audio : List.of(stereo, six, mono)) {
                Path file = TestFiles.write(dir.resolve(bits + "-" + audio.length + ".wav"), audio, RATE,
                        Map.of("bits", bits), Map.of("title", "x"));
                assertBitExact(ours(file), ReferenceTools.ffmpegFloats(file), bits + " bits, " + audio.length + " channels");
            }
        }
        Path f32 = TestFiles.write(dir.resolve("f32.wav"), stereo, RATE, Map.of("bits", "32f"), Map.of());
        assertBitExact(interleave(stereo), ReferenceTools.ffmpegFloats(f32), "32-bit float is the input unchanged");
    }

    @Test
    void soxAcceptsOurFilesAndMeasuresTheSamePeak() throws Exception {
        float[][] audio = Signals.program(2, 22_050, RATE, 9);
        for (String bits : new String[] {"16", "24", "32", "32f"}) {
            Path file = TestFiles.write(dir.resolve("sox" + bits + ".wav"), audio, RATE, Map.of("bits", bits),
                    Map.of("title", "Sox test"));
            String summary = new String(ReferenceTools.runTool("sox", "--i", file.toString()), StandardCharsets.UTF_8);
            assertTrue(summary.contains("Channels       : 2"), summary);
            assertTrue(summary.contains("Sample Rate    : 44100"), summary);
            assertTrue(summary.contains("22050 samples"), summary);
            ReferenceTools.Result stat = ReferenceTools.exec("sox", file.toString(), "-n", "stat");
            assertEquals(0, stat.status(), stat.stderr());
            Matcher max = Pattern.compile("Maximum amplitude:\\s+(\\S+)").matcher(stat.stderr());
            assertTrue(max.find(), stat.stderr());
            float peak = 0;
            for (float x : ours(file)) {
                peak = Math.max(peak, x);
            }
            assertEquals(peak, Double.parseDouble(max.group(1)), 1e-6, bits + ": sox's maximum amplitude");
        }
    }

    @Test
    void ffprobeReadsTheInfoTagsWeWrite() throws Exception {
        Path file = TestFiles.write(dir.resolve("tags.wav"), new float[2][4410], RATE, Map.of("bits", "16"),
                Map.of("title", "\u00dcberstunde (Mix 2)", "artist", "The Testers", "album", "Contract Songs",
                        "track", "3/12", "year", "2026", "comment", "mastered", "isrc", "GBAYE2600001"));
        String json = new String(ReferenceTools.runTool("ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json",
                file.toString()), StandardCharsets.UTF_8);
        for (String[] tag : new String[][] {{"title", "\u00dcberstunde (Mix 2)"}, {"artist", "The Testers"},
            {"album", "Contract Songs"}, {"track", "3/12"}, {"date", "2026"}, {"comment", "mastered"}}) {
            assertTrue(json.contains("\"" + tag[0] + "\": \"" + tag[1] + "\""), tag[0] + " in " + json);
        }
    }

    private Path ffmpegWrites(String name, int channels, String... encodeArgs) throws Exception {
        StringBuilder exprs = new StringBuilder();
        for (int c = 0; c < channels; c++) {
            exprs.append(c == 0 ? "" : "|").append("0.8*sin(2*PI*").append(220 * (c + 1))
                    .append("*t)+0.15*(random(").append(c).append(")*2-1)");
        }
        Path file = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-v", "error", "-y", "-f", "lavfi", "-i",
                "aevalsrc=exprs=" + exprs + ":s=44100:d=0.25"));
        args.addAll(List.of(encodeArgs));
        args.add(file.toString());
        ReferenceTools.runTool("ffmpeg", args.toArray(String[]::new));
        return file;
    }

    @Test
    void readsWhatFfmpegWritesToExactlyFfmpegsOwnDecode() throws Exception {
        String[][] variants = {
            {"u8", "2", "pcm_u8", "PCM 8-bit unsigned"},
            {"s16", "2", "pcm_s16le", "PCM 16-bit"},
            {"s24", "2", "pcm_s24le", "PCM 24-bit"},
            {"s32", "2", "pcm_s32le", "PCM 32-bit"},
            {"f32", "2", "pcm_f32le", "IEEE float 32-bit"},
            {"f64", "2", "pcm_f64le", "IEEE float 64-bit"},
            {"s24-6ch", "6", "pcm_s24le", "PCM 24-bit"},
            {"s16-6ch", "6", "pcm_s16le", "PCM 16-bit"}};
        for (String[] v : variants) {
            int channels = Integer.parseInt(v[1]);
            Path file = ffmpegWrites(v[0] + ".wav", channels, "-c:a", v[2]);
            AudioFileInfo info = info(file);
            assertEquals(channels, info.channels(), v[0]);
            assertEquals(RATE, info.sampleRate(), 0, v[0]);
            assertEquals(11_025, info.frames(), v[0]);
            assertEquals(v[3], info.encoding(), v[0]);
            assertBitExact(ReferenceTools.ffmpegFloats(file), ours(file), "ffmpeg " + v[0]);
        }
    }

    @Test
    void readsAnRf64FileThatFfmpegWrites() throws Exception {
        Path file = ffmpegWrites("rf64.wav", 2, "-c:a", "pcm_s24le", "-rf64", "always");
        AudioFileInfo info = info(file);
        assertEquals("RF64", info.format());
        assertEquals("ds64", info.chunks().get(1).id());
        assertEquals(11_025, info.frames());
        assertBitExact(ReferenceTools.ffmpegFloats(file), ours(file), "ffmpeg RF64");
    }

    @Test
    void readsWhatSoxWritesToExactlyFfmpegsDecode() throws Exception {
        String[][] variants = {
            {"u8", "2", "-b", "8"},
            {"s16", "2", "-b", "16"},
            {"s24", "2", "-b", "24"},
            {"s32", "2", "-b", "32"},
            {"f32", "2", "-e", "floating-point", "-b", "32"},
            {"f64", "2", "-e", "floating-point", "-b", "64"},
            {"s24-6ch", "6", "-b", "24"},
            {"s16-1ch", "1", "-b", "16"}};
        for (String[] v : variants) {
            Path file = dir.resolve("sox-" + v[0] + ".wav");
            List<String> args = new ArrayList<>(List.of("-n", "-r", "44100", "-c", v[1]));
            args.addAll(List.of(v).subList(2, v.length));
            args.addAll(List.of(file.toString(), "synth", "0.25", "sine", "300", "whitenoise", "vol", "0.9"));
            ReferenceTools.runTool("sox", args.toArray(String[]::new));
            AudioFileInfo info = info(file);
            assertEquals(Integer.parseInt(v[1]), info.channels(), v[0]);
            assertEquals(11_025, info.frames(), v[0]);
            assertBitExact(ReferenceTools.ffmpegFloats(file), ours(file), "sox " + v[0]);
        }
    }
}

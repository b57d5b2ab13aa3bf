package org.mixbench.format.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;

class WavWriterTest {
    @TempDir
    Path dir;

    private final WavImporterFactory importer = new WavImporterFactory();

    private Path write(String name, float[][] audio, Map<String, String> options, Map<String, String> tags)
            throws IOException {
        return TestFiles.write(dir.resolve(name), audio, 48_000, options, tags);
    }

    private float[][] read(Path file) throws IOException {
        try (AudioReader reader = importer.open(file)) {
            float[][] out = new float[reader.info().channels()][(int) reader.info().frames()];
            int pos = 0;
            int n;
            while ((n = reader.read(out, pos, out[0].length - pos)) > 0) {
                pos += n;
            }
            return out;
        }
    }

    private AudioFileInfo info(Path file) throws IOException {
        try (AudioReader reader = importer.open(file)) {
            return reader.info();
        }
    }

    private static ByteBuffer bytes(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String id(ByteBuffer b, int at) {
        return new String(b.array(), at, 4, StandardCharsets.ISO_8859_1);
    }

    private static AudioFileInfo.Chunk chunk(AudioFileInfo info, String id) {
        return info.chunks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void defaultsToTwentyFourBitExtensibleWithAJunkChunkReservedForDs64() throws IOException {
        Path file = write("default.wav", new float[][] {{0.5f}, {-0.5f}}, Map.of(), Map.of());
        ByteBuffer b = bytes(file);
        assertEquals("RIFF", id(b, 0));
        assertEquals(Files.size(file) - 8, b.getInt(4));
        assertEquals("JUNK", id(b, 12));
        assertEquals(28, b.getInt(16));
        assertEquals("fmt ", id(b, 48));
        assertEquals(40, b.getInt(52));
        assertEquals(0xFFFE, b.getShort(56) & 0xFFFF);
        assertEquals(24, b.getShort(70));
        assertEquals(24, b.getShort(74), "valid bits");
        assertEquals(0x3, b.getInt(76), "channel mask: front left and right");
        assertEquals(1, b.getShort(80), "PCM subformat");
        AudioFileInfo info = info(file);
        assertEquals(List.of("RIFF", "JUNK", "fmt ", "bext", "data"), info.chunks().stream()
                .map(AudioFileInfo.Chunk::id).toList(), "no LIST without tags");
        assertEquals("PCM 24-bit", info.encoding());
    }

    @Test
    void writesPlainPcmForSixteenBitsUpToTwoChannelsAndExtensibleBeyond() throws IOException {
        Path stereo = write("s.wav", new float[2][10], Map.of("bits", "16"), Map.of());
        assertEquals(16, bytes(stereo).getInt(52), "fmt size");
        assertEquals(1, bytes(stereo).getShort(56), "WAVE_FORMAT_PCM");
        Path six = write("six.wav", new float[6][10], Map.of("bits", "16"), Map.of());
        assertEquals(0xFFFE, bytes(six).getShort(56) & 0xFFFF);
        assertEquals(0x3F, bytes(six).getInt(76), "5.1 channel mask");
        assertEquals(6, info(six).channels());
    }

    @Test
    void writesThirtyTwoBitFloatAsPlainIeeeFloatWithAFactChunkAndTheFloatsUnchanged() throws IOException {
        float[] x = {0f, -0f, 1.5f, -3f, 1e-40f, Float.MIN_VALUE, 0.1f, -1f, Float.NaN, Float.POSITIVE_INFINITY};
        Path file = write("f.wav", new float[][] {x}, Map.of("bits", "32f"), Map.of());
        ByteBuffer b = bytes(file);
        assertEquals(18, b.getInt(52), "fmt size: the 16 bytes and cbSize, as sox writes float");
        assertEquals(3, b.getShort(56), "WAVE_FORMAT_IEEE_FLOAT (sox warns on extensible float)");
        assertEquals(0, b.getShort(72), "cbSize");
        Path six = write("f6.wav", new float[6][10], Map.of("bits", "32f"), Map.of());
        assertEquals(0xFFFE, bytes(six).getShort(56) & 0xFFFF, "more than two channels: extensible");
        assertEquals(3, bytes(six).getShort(80), "IEEE float subformat");
        AudioFileInfo info = info(file);
        AudioFileInfo.Chunk fact = chunk(info, "fact");
        assertEquals(x.length, b.getInt((int) fact.offset() + 8));
        float[] back = read(file)[0];
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToRawIntBits(x[i]), Float.floatToRawIntBits(back[i]), "sample " + i);
        }
    }

    @Test
    void roundsToTheNearestStepTiesToEvenAndClampsToTheWord() throws IOException {
        float step = 1f / 32_768;
        float[] x = {0.5f * step, 1.5f * step, 2.5f * step, -1.5f * step, 0.49f * step, 1f, 2f, -1f, -2f,
            32_766.5f * step, Float.NaN, Float.NEGATIVE_INFINITY};
        Path file = write("r.wav", new float[][] {x}, Map.of("bits", "16"), Map.of());
        float[] back = read(file)[0];
        float[] expected = {0f, 2 * step, 2 * step, -2 * step, 0f, 32_767 * step, 32_767 * step, -1f, -1f,
            32_766 * step, 0f, -1f};
        assertArrayEquals(expected, back);
        assertEquals(8_388_607, WavWriter.quantize(1f, 8_388_608.0, 8_388_607, -8_388_608));
        assertEquals(Integer.MAX_VALUE, WavWriter.quantize(1f, 2_147_483_648.0, Integer.MAX_VALUE,
                Integer.MIN_VALUE));
        assertEquals(Integer.MIN_VALUE, WavWriter.quantize(-1f, 2_147_483_648.0, Integer.MAX_VALUE,
                Integer.MIN_VALUE));
    }

    @Test
    void keepsEveryValueOnTheThirtyTwoBitGridBitExactly() throws IOException {
        SplittableRandom random = new SplittableRandom(32);
        float[] x = new float[20_000];
        for (int i = 0; i < x.length; i++) {
            int v = random.nextInt() >> random.nextInt(31);
            x[i] = v * (1f / 2_147_483_648f);
        }
        x[0] = -1f;
        x[1] = 1f / 2_147_483_648f;
        Path file = write("s32.wav", new float[][] {x}, Map.of("bits", "32"), Map.of());
        assertArrayEquals(x, read(file)[0]);
        assertEquals("PCM 32-bit", info(file).encoding());
    }

    @Test
    void writesTheBroadcastWaveChunkWithOriginatorDateAndCodingHistory() throws IOException {
        Path file = write("bwf.wav", new float[2][4], Map.of("bits", "16"),
                Map.of("title", "A title", "comment", "A comment"));
        Map<String, String> tags = info(file).tags();
        assertEquals("A comment", tags.get("bwf.description"), "the comment before the title");
        assertEquals("Mixbench", tags.get("bwf.originator"));
        assertEquals("2026-11-25", tags.get("bwf.origination_date"));
        assertEquals("14:30:15", tags.get("bwf.origination_time"));
        assertEquals("0", tags.get("bwf.time_reference"));
        assertEquals("1", tags.get("bwf.version"));
        assertEquals("A=PCM,F=48000,W=16,M=stereo,T=Mixbench 1.0.0; WAV PCM 16-bit\r\n",
                tags.get("bwf.coding_history"));
        Path titled = write("t.wav", new float[1][4], Map.of(), Map.of("title", "Only a title"));
        assertEquals("Only a title", info(titled).tags().get("bwf.description"));
    }

    @Test
    void honoursBwfTagsAndWritesVersionTwoWhenLoudnessIsGiven() throws IOException {
        Map<String, String> tags = new HashMap<>();
        tags.put("bwf.description", "From the tags");
        tags.put("bwf.originator", "Studio B");
        tags.put("bwf.originator_reference", "SB-0042");
        tags.put("bwf.origination_date", "2020-02-02");
        tags.put("bwf.origination_time", "02:02:02");
        tags.put("bwf.time_reference", "172800000000");
        tags.put("bwf.loudness_value", "-14.2");
        tags.put("bwf.max_true_peak_level", "-1");
        tags.put("bwf.coding_history", "A=PCM,F=96000,W=24,M=stereo,T=Recorder");
        Path file = write("honour.wav", new float[2][4], Map.of(), tags);
        Map<String, String> back = info(file).tags();
        for (String key : List.of("bwf.description", "bwf.originator", "bwf.originator_reference",
                "bwf.origination_date", "bwf.origination_time", "bwf.time_reference")) {
            assertEquals(tags.get(key), back.get(key), key);
        }
        assertEquals("2", back.get("bwf.version"));
        assertEquals("-14.20", back.get("bwf.loudness_value"));
        assertEquals("-1.00", back.get("bwf.max_true_peak_level"));
        assertFalse(back.containsKey("bwf.loudness_range"), "not given, so unset");
        assertEquals("A=PCM,F=96000,W=24,M=stereo,T=Recorder\r\n"
                + "A=PCM,F=48000,W=24,M=stereo,T=Mixbench 1.0.0; WAV PCM 24-bit\r\n", back.get("bwf.coding_history"));
    }

    @Test
    void refusesABwfTagThatDoesNotFitItsField() {
        assertThrows(IllegalArgumentException.class, () -> write("x.wav", new float[1][1], Map.of(),
                Map.of("bwf.time_reference", "yesterday")));
        assertThrows(IllegalArgumentException.class, () -> write("y.wav", new float[1][1], Map.of(),
                Map.of("bwf.loudness_value", "-400")));
    }

    @Test
    void writesTheTagsAsListInfoWithNulTerminatedEvenPaddedEntries() throws IOException {
        Path file = write("tags.wav", new float[1][4], Map.of(), Map.of("title", "Odd", "artist", "Even",
                "album", "Al", "track", "3/12", "year", "2026", "isrc", "GBAYE2600001", "comment", "c", "genre", "x"));
        AudioFileInfo info = info(file);
        ByteBuffer b = bytes(file);
        int list = (int) chunk(info, "LIST").offset();
        assertEquals("INFO", id(b, list + 8));
        assertEquals("INAM", id(b, list + 12));
        assertEquals(4, b.getInt(list + 16), "\"Odd\" and its NUL");
        assertEquals("IART", id(b, list + 24), "after the entry, no pad needed");
        assertEquals(5, b.getInt(list + 28));
        assertEquals("IPRD", id(b, list + 38), "after \"Even\", its NUL and a pad byte");
        assertEquals(Map.of("title", "Odd", "artist", "Even", "album", "Al", "track", "3/12", "year", "2026",
                "isrc", "GBAYE2600001", "comment", "c", "genre", "x"), Map.copyOf(withoutBwf(info.tags())));
    }

    private static Map<String, String> withoutBwf(Map<String, String> tags) {
        Map<String, String> m = new HashMap<>(tags);
        m.keySet().removeIf(k -> k.startsWith("bwf."));
        return m;
    }

    @Test
    void padsAnOddDataChunkAndCountsThePadInTheRiffSize() throws IOException {
        Path file = write("odd.wav", new float[][] {{0.25f, -0.25f, 0.5f}}, Map.of("bits", "24"), Map.of());
        ByteBuffer b = bytes(file);
        AudioFileInfo.Chunk data = chunk(info(file), "data");
        assertEquals(9, data.size());
        assertEquals(data.offset() + 8 + 10, Files.size(file), "nine bytes of samples and a pad byte");
        assertEquals(Files.size(file) - 8, b.getInt(4));
        assertArrayEquals(new float[] {0.25f, -0.25f, 0.5f}, read(file)[0]);
    }

    @Test
    void refusesUnknownOptionsAndValuesNamingThem() {
        WavExporterFactory exporter = new WavExporterFactory();
        ExportFormat format = new ExportFormat(48_000, 2, -1);
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> exporter.open(dir.resolve("a.wav"), format, Map.of("dither", "yes"), Map.of()));
        assertTrue(key.getMessage().contains("'dither'"), key.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> exporter.open(dir.resolve("b.wav"), format, Map.of("bits", "12"), Map.of()));
        assertTrue(value.getMessage().contains("bits=12"), value.getMessage());
        IllegalArgumentException rf64 = assertThrows(IllegalArgumentException.class,
                () -> exporter.open(dir.resolve("c.wav"), format, Map.of("rf64", "sometimes"), Map.of()));
        assertTrue(rf64.getMessage().contains("rf64=sometimes"), rf64.getMessage());
        assertFalse(Files.exists(dir.resolve("a.wav")), "nothing is created for bad options");
    }

    @Test
    void refusesASampleRateThatIsNotAWholeNumberOfHertz() {
        assertThrows(IllegalArgumentException.class, () -> new WavExporterFactory().open(dir.resolve("r.wav"),
                new ExportFormat(44_100.5, 2, -1), Map.of(), Map.of()));
    }

    @Test
    void rf64NeverFailsWithAnIoExceptionBeforeTheFilePassesTheLimit() throws IOException {
        WavExporterFactory exporter = new WavExporterFactory(TestFiles.CLOCK, 6_000);
        AudioBlock block = new AudioBlock(2, 1000, 0);
        ExportWriter writer = exporter.open(dir.resolve("never.wav"), new ExportFormat(48_000, 2, -1),
                Map.of("bits", "16", "rf64", "never"), Map.of());
        writer.write(block);
        IOException e = assertThrows(IOException.class, () -> writer.write(block));
        assertTrue(e.getMessage().contains("rf64=auto"), e.getMessage());
        writer.abort();
    }

    @Test
    void rf64NeverWritesNoJunkChunk() throws IOException {
        Path file = write("plain.wav", new float[1][4], Map.of("rf64", "never"), Map.of());
        assertEquals("fmt ", id(bytes(file), 12));
    }

    @Test
    void rf64AlwaysWritesAnRf64HeaderWithDs64() throws IOException {
        float[][] audio = {{0.5f, 0.25f, -0.125f}};
        Path file = write("always.wav", audio, Map.of("rf64", "always"), Map.of());
        ByteBuffer b = bytes(file);
        assertEquals("RF64", id(b, 0));
        assertEquals(-1, b.getInt(4));
        assertEquals("ds64", id(b, 12));
        assertEquals(Files.size(file) - 8, b.getLong(20));
        assertEquals(9, b.getLong(28));
        assertEquals(3, b.getLong(36));
        assertEquals("RF64", info(file).format());
        assertArrayEquals(audio[0], read(file)[0]);
    }

    @Test
    void rf64AutoStaysRiffWithItsJunkChunkBelowTheLimit() throws IOException {
        Path file = TestFiles.write(new WavExporterFactory(TestFiles.CLOCK, 100_000), dir.resolve("small.wav"),
                new float[2][1000], 48_000, Map.of("bits", "16"), Map.of());
        assertEquals("RIFF", id(bytes(file), 0));
        assertEquals("JUNK", id(bytes(file), 12));
    }

    @Test
    void abortClosesTheFileWithoutThrowingEvenTwiceAndWritingAfterCloseFails() throws IOException {
        ExportWriter writer = new WavExporterFactory().open(dir.resolve("abort.wav"), new ExportFormat(48_000, 1, -1),
                Map.of(), Map.of());
        writer.write(new AudioBlock(1, 100, 0));
        writer.abort();
        writer.abort();
        assertThrows(IOException.class, () -> writer.write(new AudioBlock(1, 100, 0)));
        Files.delete(dir.resolve("abort.wav"));
    }

    @Test
    void refusesABlockWithTheWrongNumberOfChannels() throws IOException {
        try (ExportWriter writer = new WavExporterFactory().open(dir.resolve("ch.wav"),
                new ExportFormat(48_000, 2, -1), Map.of(), Map.of())) {
            assertThrows(IllegalArgumentException.class, () -> writer.write(new AudioBlock(1, 10, 0)));
        }
    }

    @Test
    void describesItsOptionsWithDefaults() {
        Map<String, String> defaults = new HashMap<>();
        new WavExporterFactory().options().forEach(o -> defaults.put(o.key(), o.defaultValue()));
        assertEquals(Map.of("bits", "24", "rf64", "auto"), defaults);
    }
}

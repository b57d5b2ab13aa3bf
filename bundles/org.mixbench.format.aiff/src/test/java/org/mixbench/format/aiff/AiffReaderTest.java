package org.mixbench.format.aiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;

class AiffReaderTest {
    @TempDir
    Path dir;

    private final ImporterFactory importer = new AiffImporterFactory();

    private float[][] readAll(Path file) throws IOException {
        try (AudioReader reader = importer.open(file)) {
            float[][] out = new float[reader.info().channels()][(int) reader.info().frames()];
            int pos = 0;
            int n;
            while ((n = reader.read(out, pos, Math.min(100, out[0].length - pos))) > 0) {
                pos += n;
            }
            assertEquals(-1, reader.read(out, 0, 1), "the end of the samples reads as -1");
            return out;
        }
    }

    private AudioFileInfo info(Path file) throws IOException {
        try (AudioReader reader = importer.open(file)) {
            return reader.info();
        }
    }

    private String failure(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("bad.aiff"), content);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> readAll(file));
        assertFalse(e.getMessage().contains("\n"));
        return e.getMessage();
    }

    private static double rate(String hex) {
        return Extended.toDouble(HexFormat.of().parseHex(hex), 0);
    }

    @Test
    void convertsTheEightyBitSampleRateExactly() {
        assertEquals(44_100.0, rate("400EAC44000000000000"));
        assertEquals(48_000.0, rate("400EBB80000000000000"));
        assertEquals(8_000.0, rate("400BFA00000000000000"));
        assertEquals(96_000.0, rate("400FBB80000000000000"));
        assertEquals(1.0, rate("3FFF8000000000000000"));
        assertEquals(244_800.0 / 11, rate("400DADDD1745D1745D17"), "the old Macintosh rate, 64 significant bits");
        for (double r : new double[] {11_025, 22_050, 88_200, 176_400, 192_000, 352_800, 384_000, 705_600, 0.5,
            44_056.0 / 1.001, 4_294_967_295.0}) {
            assertEquals(r, Extended.toDouble(AiffBuilder.extended(r), 0), "round trip of " + r);
        }
    }

    @Test
    void readsInfinityNanZeroAndNegativeRatesAsSuch() {
        assertEquals(Double.POSITIVE_INFINITY, rate("7FFF0000000000000000"));
        assertEquals(Double.NaN, rate("7FFFC000000000000000"));
        assertEquals(0.0, rate("00000000000000000000"));
        assertEquals(-44_100.0, rate("C00EAC44000000000000"));
        assertEquals(Double.POSITIVE_INFINITY, rate("7FFEFFFFFFFFFFFFFFFF"), "beyond double range");
        assertEquals(0.0, rate("00010000000000000001"), "below double range");
    }

    @Test
    void refusesNanInfiniteZeroNegativeAndAbsurdSampleRates() throws IOException {
        for (String hex : new String[] {"7FFFC000000000000000", "7FFF0000000000000000", "00000000000000000000",
            "C00EAC44000000000000", "401F8000000000000000", "3FFE8000000000000000"}) {
            byte[] file = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 1, 16, HexFormat.of().parseHex(hex)))
                    .chunk("SSND", AiffBuilder.ssnd(0, new byte[2])).bytes();
            String message = failure(file);
            assertTrue(message.startsWith("COMM chunk at offset 12: sample rate "), message);
            assertTrue(message.endsWith(" Hz is outside 1000..768000 Hz"), message);
        }
        assertEquals("COMM chunk at offset 12: sample rate NaN Hz is outside 1000..768000 Hz",
                failure(AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 1, 16,
                        HexFormat.of().parseHex("7FFFC000000000000000"))).bytes()));
    }

    @Test
    void refusesSampleRatesOutside1000To768000HzAndAbsurdChannelCountsInAiffAndAiffC() throws IOException {
        for (double rate : new double[] {1, 999.5, 768_001, 4e9}) {
            String hz = rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
            assertEquals("COMM chunk at offset 12: sample rate " + hz + " Hz is outside 1000..768000 Hz",
                    failure(AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 1, 16, rate))
                            .chunk("SSND", AiffBuilder.ssnd(0, new byte[2])).bytes()));
        }
        assertEquals("COMM chunk at offset 12: sample rate 1 Hz is outside 1000..768000 Hz",
                failure(AiffBuilder.aifc().chunk("COMM", AiffBuilder.commC(1, 1, 16, 1, "NONE", "none"))
                        .chunk("SSND", AiffBuilder.ssnd(0, new byte[2])).bytes()));
        assertEquals("COMM chunk at offset 12: channel count 300 is outside 1..256", failure(AiffBuilder.aiff()
                .chunk("COMM", AiffBuilder.comm(300, 1, 16, 48_000)).chunk("SSND", AiffBuilder.ssnd(0, new byte[600]))
                .bytes()));
    }

    @Test
    void readsBigEndianPcmOfAiffNoneAndTwosAndLittleEndianPcmOfSowt() throws IOException {
        Path aiff = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(2, 2, 16, 44_100))
                .chunk("SSND", AiffBuilder.ssnd(0, AiffBuilder.be16(-32_768, 32_767, 1, -1))).write(dir.resolve("a"));
        float[][] x = readAll(aiff);
        assertArrayEquals(new float[] {-1f, 1f / 32_768}, x[0]);
        assertArrayEquals(new float[] {32_767f / 32_768, -1f / 32_768}, x[1]);
        assertEquals("AIFF", info(aiff).format());
        assertEquals("PCM 16-bit", info(aiff).encoding());
        for (String type : new String[] {"NONE", "twos"}) {
            Path aifc = AiffBuilder.aifc().chunk("COMM", AiffBuilder.commC(1, 2, 16, 44_100, type, "x"))
                    .chunk("SSND", AiffBuilder.ssnd(0, AiffBuilder.be16(0x1234, -2))).write(dir.resolve(type));
            assertArrayEquals(new float[] {0x1234 / 32_768f, -2f / 32_768}, readAll(aifc)[0], type);
            assertEquals("AIFF-C", info(aifc).format());
        }
        Path sowt = AiffBuilder.aifc().chunk("COMM", AiffBuilder.commC(1, 2, 16, 44_100, "sowt", ""))
                .chunk("SSND", AiffBuilder.ssnd(0, new byte[] {0x34, 0x12, (byte) 0xFE, (byte) 0xFF}))
                .write(dir.resolve("sowt"));
        assertArrayEquals(new float[] {0x1234 / 32_768f, -2f / 32_768}, readAll(sowt)[0]);
        assertEquals("PCM 16-bit little-endian (sowt)", info(sowt).encoding());
    }

    @Test
    void readsEightBitAsSignedAndTwentyFourAndThirtyTwoBitsScaledByTheWordLength() throws IOException {
        Path s8 = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 3, 8, 8000))
                .chunk("SSND", AiffBuilder.ssnd(0, new byte[] {-128, 127, 1})).write(dir.resolve("s8"));
        assertArrayEquals(new float[] {-1f, 127f / 128, 1f / 128}, readAll(s8)[0]);
        Path s24 = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 2, 24, 8000))
                .chunk("SSND", AiffBuilder.ssnd(0, new byte[] {(byte) 0x80, 0, 0, 0, 0, 1})).write(dir.resolve("24"));
        assertArrayEquals(new float[] {-1f, 1f / 8_388_608}, readAll(s24)[0]);
        Path s32 = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 2, 32, 8000))
                .chunk("SSND", AiffBuilder.ssnd(0, new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0x10, 0}))
                .write(dir.resolve("32"));
        assertArrayEquals(new float[] {-1f, 4096f / 2_147_483_648f}, readAll(s32)[0]);
    }

    @Test
    void clearsTheBitsBelowTheSampleSizeOfLeftJustifiedSamples() throws IOException {
        Path s12 = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 2, 12, 8000))
                .chunk("SSND", AiffBuilder.ssnd(0, AiffBuilder.be16(0x123F, -1))).write(dir.resolve("12"));
        assertArrayEquals(new float[] {0x1230 / 32_768f, -16f / 32_768}, readAll(s12)[0]);
        assertEquals(12, info(s12).bitsPerSample());
        assertEquals("PCM 12-bit in 16-bit words", info(s12).encoding());
    }

    @Test
    void readsBigEndianFloatOfFl32AndFl64InBothCases() throws IOException {
        for (String type : new String[] {"fl32", "FL32"}) {
            Path f = AiffBuilder.aifc().chunk("COMM", AiffBuilder.commC(1, 2, 32, 48_000, type, "float"))
                    .chunk("SSND", AiffBuilder.ssnd(0, ByteBuffer.allocate(8).putFloat(1.5f).putFloat(-1e-30f)
                            .array())).write(dir.resolve(type));
            assertArrayEquals(new float[] {1.5f, -1e-30f}, readAll(f)[0], type);
            assertEquals("IEEE float 32-bit (" + type + ")", info(f).encoding());
        }
        for (String type : new String[] {"fl64", "FL64"}) {
            Path f = AiffBuilder.aifc().chunk("COMM", AiffBuilder.commC(1, 2, 64, 48_000, type, "double"))
                    .chunk("SSND", AiffBuilder.ssnd(0, ByteBuffer.allocate(16).putDouble(0.1).putDouble(-0.75)
                            .array())).write(dir.resolve(type));
            assertArrayEquals(new float[] {0.1f, -0.75f}, readAll(f)[0], type);
        }
    }

    @Test
    void refusesOtherCompressionsNamingThem() throws IOException {
        assertEquals("unsupported AIFF-C compression 'ulaw'", failure(AiffBuilder.aifc()
                .chunk("COMM", AiffBuilder.commC(1, 2, 16, 8000, "ulaw", "\u00b5Law 2:1"))
                .chunk("SSND", AiffBuilder.ssnd(0, new byte[2])).bytes()));
        assertEquals("unsupported AIFF-C compression 'ima4'", failure(AiffBuilder.aifc()
                .chunk("COMM", AiffBuilder.commC(1, 64, 16, 8000, "ima4", "IMA 4:1"))
                .chunk("SSND", AiffBuilder.ssnd(0, new byte[34])).bytes()));
    }

    @Test
    void mapsTextChunksToTagsAndJoinsAnnotations() throws IOException {
        AudioFileInfo info = info(AiffTestFiles.handMade(dir.resolve("hand.aifc")));
        assertEquals(Map.of("title", "A Name", "artist", "An Author", "copyright", "2026 Us",
                "comment", "first note\nsecond note"), info.tags());
    }

    @Test
    void honoursTheSsndOffsetSkipsOddChunksAndFindsCommAfterSsnd() throws IOException {
        Path file = AiffTestFiles.handMade(dir.resolve("hand.aifc"));
        float[] x = readAll(file)[0];
        assertEquals(800, x.length);
        for (int i = 0; i < 800; i++) {
            assertEquals((short) (Math.sin(i * 0.1) * 20_000) / 32_768f, x[i], 0f, "sample " + i);
        }
    }

    @Test
    void reportsEveryChunkWithItsOffsetAndSize() throws IOException {
        AiffBuilder b = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 1, 16, 8000));
        int odd = b.offset();
        b.chunk("odd ", new byte[3]);
        int ssnd = b.offset();
        b.chunk("SSND", AiffBuilder.ssnd(0, new byte[2]));
        Path file = b.write(dir.resolve("chunks.aiff"));
        assertEquals(List.of(new AudioFileInfo.Chunk("FORM", 0, Files.size(file) - 8),
                new AudioFileInfo.Chunk("COMM", 12, 18), new AudioFileInfo.Chunk("odd ", odd, 3),
                new AudioFileInfo.Chunk("SSND", ssnd, 10)), info(file).chunks());
        assertEquals(odd + 12, ssnd, "8 + 3 bytes and a pad byte");
    }

    @Test
    void refusesAWrongMagicNumberOrFormType() throws IOException {
        assertEquals("not an AIFF file: offset 0 holds 'RIFF', not FORM",
                failure("RIFF\0\0\0\4WAVE".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("FORM at offset 8 is of type '8SVX', not AIFF or AIFC",
                failure("FORM\0\0\0\48SVX".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("the file ends after 3 bytes, inside the FORM header at offset 0",
                failure("FOR".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void refusesZeroOrNegativeChannelsAndBadSampleSizes() throws IOException {
        assertEquals("COMM chunk at offset 12: channel count 0 is outside 1..256", failure(AiffBuilder.aiff()
                .chunk("COMM", AiffBuilder.comm(0, 1, 16, 8000)).chunk("SSND", AiffBuilder.ssnd(0, new byte[2]))
                .bytes()));
        assertEquals("COMM chunk at offset 12: channel count -2 is outside 1..256", failure(AiffBuilder.aiff()
                .chunk("COMM", AiffBuilder.comm(-2, 1, 16, 8000)).bytes()));
        assertEquals("COMM chunk at offset 12 declares samples of 40 bits, outside 1 to 32", failure(AiffBuilder
                .aiff().chunk("COMM", AiffBuilder.comm(1, 1, 40, 8000)).bytes()));
        assertEquals("COMM chunk at offset 12 is 18 bytes, fewer than the 22 an AIFF-C COMM needs", failure(
                AiffBuilder.aifc().chunk("COMM", AiffBuilder.comm(1, 1, 16, 8000)).bytes()));
    }

    @Test
    void refusesAMissingCommOrSsndChunk() throws IOException {
        assertEquals("no COMM chunk between offset 12 and the end of the chunks at 30",
                failure(AiffBuilder.aiff().chunk("SSND", AiffBuilder.ssnd(0, new byte[2])).bytes()));
        assertEquals("no SSND chunk for the 5 frames that COMM chunk at offset 12 announces",
                failure(AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 5, 16, 8000)).bytes()));
    }

    @Test
    void readsAFileOfNoFramesWithoutAnSsndChunk() throws IOException {
        Path file = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(2, 0, 16, 8000)).write(dir.resolve("e"));
        assertEquals(0, readAll(file)[0].length);
    }

    @Test
    void refusesAnSsndChunkThatIsTruncatedOrHoldsFewerSamplesThanCommAnnounces() throws IOException {
        byte[] cut = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 1000, 16, 8000))
                .chunk("SSND", 2008, AiffBuilder.ssnd(0, new byte[100])).bytes();
        assertEquals("SSND chunk at offset 38 announces 2008 bytes but the file ends after 108", failure(cut));
        byte[] small = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 1000, 16, 8000))
                .chunk("SSND", AiffBuilder.ssnd(0, new byte[100])).bytes();
        assertEquals("SSND chunk at offset 38 holds 100 bytes of samples but COMM chunk at offset 12 announces 1000"
                + " frames of 2 bytes", failure(small));
        byte[] offset = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 0, 16, 8000))
                .chunk("SSND", ByteBuffer.allocate(8).putInt(-1).array()).bytes();
        assertEquals("SSND chunk at offset 38 declares a data offset of 4294967295 in its 0 bytes of samples",
                failure(offset));
    }

    @Test
    void aFileThatShrinksWhileItIsReadFailsWithAFormatExceptionWhenReadingReachesTheMissingPart() throws IOException {
        Path file = AiffBuilder.aiff().chunk("COMM", AiffBuilder.comm(1, 10_000, 16, 8000))
                .chunk("SSND", AiffBuilder.ssnd(0, new byte[20_000])).write(dir.resolve("shrink.aiff"));
        try (AudioReader reader = importer.open(file)) {
            float[][] buffer = new float[1][1000];
            assertEquals(1000, reader.read(buffer, 0, 1000));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(54 + 2 * 5000);
            }
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> {
                while (reader.read(buffer, 0, 1000) >= 0) {
                    // reads until the missing part
                }
            });
            assertEquals("the file ends at byte 10054, inside the 20000 bytes of samples that start at offset 54",
                    e.getMessage());
        }
    }

    @Test
    void probesFormAiffAndAifcAsCertainAndAnythingElseAsNotMine() {
        for (String type : new String[] {"AIFF", "AIFC"}) {
            byte[] head = ("FORM\0\0\0\0" + type + "COMM").getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(100, importer.probe(head, head.length), type);
        }
        byte[] other = "FORM\0\0\0\08SVXVHDR".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0, importer.probe(other, other.length));
        byte[] wav = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).put("RIFF".getBytes()).putInt(0)
                .put("WAVE".getBytes()).array();
        assertEquals(0, importer.probe(wav, wav.length));
        assertEquals(0, importer.probe("FORM\0\0\0\0AIF".getBytes(StandardCharsets.ISO_8859_1), 11));
    }
}

package org.mixbench.format.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFormatException;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;

class WavReaderTest {
    @TempDir
    Path dir;

    private final ImporterFactory importer = new WavImporterFactory();

    private float[][] readAll(Path file) throws IOException {
        try (AudioReader reader = importer.open(file)) {
            int channels = reader.info().channels();
            float[][] out = new float[channels][(int) reader.info().frames()];
            int pos = 0;
            int n;
            while ((n = reader.read(out, pos, Math.min(100, out[0].length - pos))) > 0) {
                pos += n;
            }
            assertEquals(-1, reader.read(out, 0, 1), "the end of the data reads as -1");
            return out;
        }
    }

    private AudioFileInfo info(Path file) throws IOException {
        try (AudioReader reader = importer.open(file)) {
            return reader.info();
        }
    }

    private String failure(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("bad.wav"), content);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> readAll(file));
        assertFalse(e.getMessage().contains("\n"));
        return e.getMessage();
    }

    private static RiffBuilder pcm16(int channels, int rate) {
        return RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(1, channels, rate, 2 * channels, 16));
    }

    @Test
    void readsEightBitSamplesAsUnsignedOffsetBinaryOverOneHundredTwentyEight() throws IOException {
        Path file = RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(1, 1, 8000, 1, 8))
                .chunk("data", new byte[] {0, (byte) 128, (byte) 255, 64, 1}).write(dir.resolve("u8.wav"));
        assertArrayEquals(new float[] {-1f, 0f, 127f / 128, -0.5f, -127f / 128}, readAll(file)[0]);
        assertEquals("PCM 8-bit unsigned", info(file).encoding());
        assertEquals(8, info(file).bitsPerSample());
    }

    @Test
    void scalesIntegerPcmByTwoToTheMinusWordBitsSoFullScaleNegativeIsMinusOne() throws IOException {
        Path s16 = pcm16(2, 44_100).chunk("data", RiffBuilder.le16(-32_768, 32_767, 1, -1)).write(dir.resolve("a"));
        float[][] x = readAll(s16);
        assertArrayEquals(new float[] {-1f, 1f / 32_768}, x[0]);
        assertArrayEquals(new float[] {32_767f / 32_768, -1f / 32_768}, x[1]);

        Path s24 = RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmtExtensible(1, 48_000, 24, 24, 4, 1))
                .chunk("data", RiffBuilder.le24(-8_388_608, 8_388_607, 1)).write(dir.resolve("b"));
        assertArrayEquals(new float[] {-1f, 8_388_607f / 8_388_608, 1f / 8_388_608}, readAll(s24)[0]);
        assertEquals("PCM 24-bit", info(s24).encoding());

        Path s32 = RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmtExtensible(1, 48_000, 32, 32, 4, 1))
                .chunk("data", RiffBuilder.le32(Integer.MIN_VALUE, 1 << 20, -3)).write(dir.resolve("c"));
        assertArrayEquals(new float[] {-1f, 1f / 2048, -3f / 2_147_483_648f}, readAll(s32)[0]);
    }

    @Test
    void readsThirtyTwoBitFloatUnchangedAndNarrowsSixtyFourBitFloat() throws IOException {
        Path f32 = RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(3, 1, 48_000, 4, 32))
                .chunk("data", RiffBuilder.le32(Float.floatToIntBits(1.5f), Float.floatToIntBits(-1e-30f)))
                .write(dir.resolve("f32"));
        assertArrayEquals(new float[] {1.5f, -1e-30f}, readAll(f32)[0]);
        assertEquals("IEEE float 32-bit", info(f32).encoding());
        Path f64 = RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmtExtensible(1, 48_000, 64, 64, 4, 3))
                .chunk("data", RiffBuilder.le64f(0.1, -0.75, 1e-300)).write(dir.resolve("f64"));
        assertArrayEquals(new float[] {0.1f, -0.75f, 0f}, readAll(f64)[0]);
        assertEquals(64, info(f64).bitsPerSample());
    }

    @Test
    void honoursTheValidBitsOfAnExtensibleFileByClearingTheBitsBelowThem() throws IOException {
        Path file = RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmtExtensible(1, 96_000, 24, 20, 4, 1))
                .chunk("data", RiffBuilder.le24(0x12345F, -0x10, 0x0000_0F)).write(dir.resolve("20.wav"));
        assertArrayEquals(new float[] {0x123450 / 8_388_608f, -16f / 8_388_608, 0f}, readAll(file)[0]);
        assertEquals(20, info(file).bitsPerSample());
        assertEquals("PCM 20-bit in 24-bit words", info(file).encoding());
    }

    @Test
    void skipsAnOddSizedUnknownChunkWithItsPadByteAndReportsEveryChunk() throws IOException {
        RiffBuilder b = pcm16(1, 8000);
        int odd = b.offset();
        b.chunk("odd ", new byte[] {9, 9, 9});
        int data = b.offset();
        b.chunk("data", RiffBuilder.le16(100, -200, 300));
        int list = b.offset();
        b.chunk("LIST", RiffBuilder.info("INAM", "x"));
        Path file = b.write(dir.resolve("odd.wav"));
        assertArrayEquals(new float[] {100f / 32_768, -200f / 32_768, 300f / 32_768}, readAll(file)[0]);
        List<AudioFileInfo.Chunk> chunks = info(file).chunks();
        assertEquals(List.of(new AudioFileInfo.Chunk("RIFF", 0, Files.size(file) - 8),
                new AudioFileInfo.Chunk("fmt ", 12, 16), new AudioFileInfo.Chunk("odd ", odd, 3),
                new AudioFileInfo.Chunk("data", data, 6), new AudioFileInfo.Chunk("LIST", list, 14)), chunks);
        assertEquals(odd + 12, data, "the odd chunk takes 8 + 3 bytes and a pad byte");
    }

    @Test
    void readsListInfoTagsAfterTheDataChunkByMappingInfoIdsToTagKeys() throws IOException {
        Path file = pcm16(1, 8000).chunk("data", RiffBuilder.le16(1, 2))
                .chunk("LIST", RiffBuilder.info("INAM", "Title", "IART", "Artist", "IPRD", "Album", "ITRK", "7",
                        "ICRD", "2026", "ICMT", "Comment", "ISRC", "GBAYE2600001", "ICOP", "(c) 2026 Us"))
                .write(dir.resolve("info.wav"));
        assertEquals(Map.of("title", "Title", "artist", "Artist", "album", "Album", "track", "7", "year", "2026",
                "comment", "Comment", "isrc", "GBAYE2600001", "copyright", "(c) 2026 Us"), info(file).tags());
    }

    @Test
    void takesTheTrackFromIprtWhenThereIsNoItrk() throws IOException {
        Path only = pcm16(1, 8000).chunk("LIST", RiffBuilder.info("IPRT", "5")).chunk("data", new byte[2])
                .write(dir.resolve("iprt.wav"));
        assertEquals("5", info(only).tags().get("track"));
        Path both = pcm16(1, 8000).chunk("LIST", RiffBuilder.info("IPRT", "5", "ITRK", "6"))
                .chunk("data", new byte[2]).write(dir.resolve("both.wav"));
        assertEquals("6", info(both).tags().get("track"));
    }

    @Test
    void decodesTextAsUtf8AndFallsBackToLatin1() throws IOException {
        byte[] latin1 = "INFOINAM\6\0\0\0Caf\u00e9\0\0".getBytes(StandardCharsets.ISO_8859_1);
        Path file = pcm16(1, 8000).chunk("LIST", latin1).chunk("data", new byte[2]).write(dir.resolve("l1.wav"));
        assertEquals("Caf\u00e9", info(file).tags().get("title"));
        Path utf8 = pcm16(1, 8000).chunk("LIST", RiffBuilder.info("INAM", "\u00dcberstunde \u2013 \u266b"))
                .chunk("data", new byte[2]).write(dir.resolve("u.wav"));
        assertEquals("\u00dcberstunde \u2013 \u266b", info(utf8).tags().get("title"));
    }

    @Test
    void keepsTheBroadcastWaveFieldsAsBwfTags() throws IOException {
        Path file = pcm16(2, 8000).chunk("bext", TestFiles.bext("Interview, take 3", "Recorder X", 2))
                .chunk("data", new byte[4]).write(dir.resolve("bext.wav"));
        Map<String, String> tags = info(file).tags();
        assertEquals("Interview, take 3", tags.get("bwf.description"));
        assertEquals("Recorder X", tags.get("bwf.originator"));
        assertEquals("REF-123", tags.get("bwf.originator_reference"));
        assertEquals("2025-01-31", tags.get("bwf.origination_date"));
        assertEquals("23:59:58", tags.get("bwf.origination_time"));
        assertEquals("48000", tags.get("bwf.time_reference"));
        assertEquals("2", tags.get("bwf.version"));
        assertEquals("06" + "00".repeat(63), tags.get("bwf.umid"));
        assertEquals("-23.14", tags.get("bwf.loudness_value"));
        assertEquals("326.39", tags.get("bwf.loudness_range"));
        assertFalse(tags.containsKey("bwf.max_true_peak_level"), "0x7FFF means unset");
        assertEquals("A=PCM,F=8000,W=16,M=stereo\r\n", tags.get("bwf.coding_history"));
    }

    @Test
    void ignoresTheLoudnessFieldsOfAVersionOneBext() throws IOException {
        Path file = pcm16(2, 8000).chunk("bext", TestFiles.bext("d", "o", 1)).chunk("data", new byte[4])
                .write(dir.resolve("bext1.wav"));
        assertEquals("1", info(file).tags().get("bwf.version"));
        assertFalse(info(file).tags().containsKey("bwf.loudness_value"));
    }

    @Test
    void readsRf64AndBw64WithTheSizesOfTheDs64Chunk() throws IOException {
        for (String magic : new String[] {"RF64", "BW64"}) {
            byte[] data = RiffBuilder.le16(1, 2, 3, 4, 5, 6);
            Path file = RiffBuilder.of(magic).formSize(0xFFFF_FFFFL)
                    .chunk("ds64", RiffBuilder.ds64(4 + 36 + 24 + 8 + data.length, data.length, 3))
                    .chunk("fmt ", RiffBuilder.fmt(1, 2, 8000, 4, 16)).chunk("data", 0xFFFF_FFFFL, data)
                    .write(dir.resolve(magic + ".wav"));
            AudioFileInfo info = info(file);
            assertEquals(magic, info.format());
            assertEquals(3, info.frames());
            assertEquals(new AudioFileInfo.Chunk("data", 12 + 36 + 24, data.length), info.chunks().get(3));
            assertArrayEquals(new float[] {2f / 32_768, 4f / 32_768, 6f / 32_768}, readAll(file)[1]);
        }
    }

    @Test
    void refusesAnRf64FileWithoutADs64Chunk() throws IOException {
        assertEquals("RF64 file has no ds64 chunk at offset 12", failure(RiffBuilder.of("RF64")
                .chunk("fmt ", RiffBuilder.fmt(1, 1, 8000, 2, 16)).chunk("data", new byte[2]).bytes()));
    }

    @Test
    void refusesAWrongMagicNumberNamingWhatItFound() throws IOException {
        assertEquals("not a WAV file: offset 0 holds 'FORM', not RIFF, RF64 or BW64",
                failure("FORM\0\0\0\4AIFF".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("RIFF form at offset 8 is 'AVI ', not WAVE",
                failure("RIFF\4\0\0\0AVI ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("the file ends after 6 bytes, inside the RIFF header at offset 0",
                failure("RIFF\0\0".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void refusesZeroChannelsAndAZeroSampleRateInTheFmtChunk() throws IOException {
        assertEquals("fmt chunk at offset 12: channel count 0 is outside 1..256",
                failure(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(1, 0, 8000, 2, 16))
                        .chunk("data", new byte[2]).bytes()));
        assertEquals("fmt chunk at offset 12: sample rate 0 Hz is outside 1000..768000 Hz",
                failure(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(1, 1, 0, 2, 16))
                        .chunk("data", new byte[2]).bytes()));
    }

    @Test
    void refusesSampleRatesOutside1000To768000HzAndAbsurdChannelCountsInWavRf64AndBw64() throws IOException {
        for (long rate : new long[] {1, 999, 768_001, 4_000_000_000L}) {
            assertEquals("fmt chunk at offset 12: sample rate " + rate + " Hz is outside 1000..768000 Hz",
                    failure(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(1, 1, (int) rate, 2, 16))
                            .chunk("data", new byte[2]).bytes()));
        }
        for (String magic : new String[] {"RF64", "BW64"}) {
            assertEquals("fmt chunk at offset 48: sample rate 1 Hz is outside 1000..768000 Hz",
                    failure(RiffBuilder.of(magic).formSize(0xFFFF_FFFFL)
                            .chunk("ds64", RiffBuilder.ds64(4 + 36 + 24 + 8 + 2, 2, 1))
                            .chunk("fmt ", RiffBuilder.fmt(1, 1, 1, 2, 16)).chunk("data", new byte[2]).bytes()));
        }
        assertEquals("fmt chunk at offset 12: channel count 257 is outside 1..256",
                failure(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(1, 257, 48_000, 514, 16))
                        .chunk("data", new byte[514]).bytes()));
        assertEquals(1000.0, info(pcm16(1, 1000).chunk("data", new byte[2]).write(dir.resolve("low.wav")))
                .sampleRate(), "the lowest rate is accepted");
        assertEquals(768_000.0, info(pcm16(256, 768_000).chunk("data", new byte[512]).write(dir.resolve("hi.wav")))
                .sampleRate(), "the highest rate is accepted, with 256 channels");
    }

    @Test
    void refusesABlockAlignThatDisagreesWithChannelsAndWordLength() throws IOException {
        assertEquals("fmt chunk at offset 12 declares block align 3 but 2 channels of 16-bit samples need 4",
                failure(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(1, 2, 8000, 3, 16))
                        .chunk("data", new byte[6]).bytes()));
    }

    @Test
    void refusesUnsupportedEncodingsNamingThem() throws IOException {
        assertEquals("unsupported WAV encoding 0x0002 (MS ADPCM)",
                failure(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(2, 1, 8000, 256, 4))
                        .chunk("data", new byte[256]).bytes()));
        assertEquals("unsupported WAV encoding 0x0007 (mu-law) in WAVE_FORMAT_EXTENSIBLE",
                failure(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmtExtensible(1, 8000, 8, 8, 4, 7))
                        .chunk("data", new byte[2]).bytes()));
        assertEquals("fmt chunk at offset 12 declares IEEE float of 16 bits, not 32 or 64",
                failure(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(3, 1, 8000, 2, 16))
                        .chunk("data", new byte[2]).bytes()));
    }

    @Test
    void refusesAMissingFmtOrDataChunk() throws IOException {
        assertEquals("no fmt chunk between offset 12 and the end of the chunks at 22",
                failure(RiffBuilder.riff().chunk("data", new byte[2]).bytes()));
        assertEquals("no data chunk between offset 12 and the end of the chunks at 36",
                failure(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(1, 1, 8000, 2, 16)).bytes()));
    }

    @Test
    void refusesADataChunkThatAnnouncesMoreBytesThanTheFileHoldsWhenItOpens() throws IOException {
        byte[] bytes = pcm16(2, 44_100).chunk("data", 88_200, new byte[1000]).bytes();
        Path file = Files.write(dir.resolve("cut.wav"), bytes);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> importer.open(file));
        assertEquals("data chunk at offset 36 announces 88200 bytes but the file ends after 1000", e.getMessage());
    }

    @Test
    void refusesAbsurdChunkSizes() throws IOException {
        assertEquals("chunk 'JUNK' at offset 12 announces 4294967295 bytes but the file ends after 34",
                failure(RiffBuilder.riff().chunk("JUNK", 0xFFFF_FFFFL, new byte[0])
                        .chunk("fmt ", RiffBuilder.fmt(1, 1, 8000, 2, 16)).chunk("data", new byte[2]).bytes()));
        assertEquals("ds64 chunk at offset 12 declares a negative data size",
                failure(RiffBuilder.of("RF64").chunk("ds64", RiffBuilder.ds64(100, -5, 1))
                        .chunk("fmt ", RiffBuilder.fmt(1, 1, 8000, 2, 16)).chunk("data", 0xFFFF_FFFFL, new byte[2])
                        .bytes()));
        assertEquals("fmt chunk at offset 12 is 8 bytes, fewer than 16",
                failure(RiffBuilder.riff().chunk("fmt ", new byte[8]).chunk("data", new byte[2]).bytes()));
    }

    @Test
    void aFileThatShrinksWhileItIsReadFailsWithAFormatExceptionWhenReadingReachesTheMissingPart() throws IOException {
        Path file = pcm16(1, 8000).chunk("data", RiffBuilder.le16(RiffBuilder.ramp16(10_000))).write(dir.resolve("s"));
        try (AudioReader reader = importer.open(file)) {
            float[][] buffer = new float[1][1000];
            assertEquals(1000, reader.read(buffer, 0, 1000));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(44 + 2 * 5000);
            }
            assertEquals(1000, reader.read(buffer, 0, 1000));
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> {
                while (reader.read(buffer, 0, 1000) >= 0) {
                    // reads until the missing part
                }
            });
            assertEquals("the data chunk at offset 36 ends at byte 10044, before the 20000 bytes of samples it"
                    + " announced", e.getMessage());
        }
    }

    @Test
    void keepsChunksAfterAFormSizeThatIsTooSmallOutOfTheWalk() throws IOException {
        byte[] bytes = pcm16(1, 8000).chunk("data", RiffBuilder.le16(7)).formSize(4 + 24 + 10).bytes();
        byte[] withTrailer = Arrays.copyOf(bytes, bytes.length + 10);
        System.arraycopy("ID3\4\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, withTrailer, bytes.length, 10);
        Path file = Files.write(dir.resolve("id3.wav"), withTrailer);
        assertEquals(3, info(file).chunks().size(), "the appended ID3 tag is not a chunk");
        assertArrayEquals(new float[] {7f / 32_768}, readAll(file)[0]);
    }

    @Test
    void probesRiffRf64AndBw64WaveAsCertainAndAnythingElseAsNotMine() {
        for (String magic : new String[] {"RIFF", "RF64", "BW64"}) {
            byte[] head = (magic + "\0\0\0\0WAVEfmt ").getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(100, importer.probe(head, head.length), magic);
        }
        byte[] avi = "RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0, importer.probe(avi, avi.length));
        byte[] shortHead = "RIFF\0\0\0\0WAV".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0, importer.probe(shortHead, shortHead.length));
        assertEquals(0, importer.probe(avi, 11), "only the first length bytes count");
    }
}

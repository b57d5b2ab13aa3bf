package org.mixbench.format.wav;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.testkit.Signals;

/** Small valid WAV files of every variant the importer supports, for the contract and behaviour tests. */
final class TestFiles {
    /** A fixed clock for reproducible bext dates. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T14:30:15Z"), ZoneOffset.UTC);

    private TestFiles() {
    }

    /** Writes {@code audio} with our exporter and the given options, in blocks of 1000 frames. */
    static Path write(Path file, float[][] audio, double rate, Map<String, String> options, Map<String, String> tags)
            throws IOException {
        return write(new WavExporterFactory(CLOCK, WavWriter.RIFF_LIMIT), file, audio, rate, options, tags);
    }

    /** Writes {@code audio} with {@code exporter}, in blocks of 1000 frames. */
    static Path write(WavExporterFactory exporter, Path file, float[][] audio, double rate,
            Map<String, String> options, Map<String, String> tags) throws IOException {
        AudioBlock block = new AudioBlock(audio.length, 1000, 0);
        try (ExportWriter writer = exporter.open(file, new ExportFormat(rate, audio.length, audio[0].length), options,
                tags)) {
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

    /** A tenth of a second of every variant: our writer's four sample formats and byte-built files for the rest. */
    static List<Path> all(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        float[][] stereo = Signals.program(2, 800, 8000, 3);
        for (String bits : new String[] {"16", "24", "32", "32f"}) {
            files.add(write(dir.resolve("writer-" + bits + ".wav"), stereo, 8000, Map.of("bits", bits),
                    Map.of("title", "Test " + bits, "artist", "Mixbench")));
        }
        byte[] u8 = new byte[800];
        for (int i = 0; i < u8.length; i++) {
            u8[i] = (byte) (i * 7);
        }
        files.add(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(1, 1, 8000, 1, 8)).chunk("data", u8)
                .write(dir.resolve("u8.wav")));
        double[] f64 = new double[1600];
        for (int i = 0; i < f64.length; i++) {
            f64[i] = Math.sin(i * 0.05) * 0.7;
        }
        files.add(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(3, 2, 8000, 16, 64))
                .chunk("fact", RiffBuilder.le32(800)).chunk("data", RiffBuilder.le64f(f64))
                .write(dir.resolve("f64.wav")));
        int[] s20 = RiffBuilder.ramp16(800);
        for (int i = 0; i < s20.length; i++) {
            s20[i] = (s20[i] << 8) & ~0xF;
        }
        files.add(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmtExtensible(1, 8000, 24, 20, 0x4, 1))
                .chunk("data", RiffBuilder.le24(s20)).write(dir.resolve("ext20in24.wav")));
        files.add(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(1, 1, 8000, 2, 16))
                .chunk("odd ", new byte[] {1, 2, 3}).chunk("data", RiffBuilder.le16(RiffBuilder.ramp16(800)))
                .chunk("LIST", RiffBuilder.info("INAM", "After the data", "IART", "Somebody"))
                .write(dir.resolve("odd-and-after.wav")));
        byte[] data = RiffBuilder.le16(RiffBuilder.ramp16(1600));
        long riffSize = 4 + (8 + 28) + (8 + 16) + (8 + data.length);
        files.add(RiffBuilder.of("RF64").formSize(0xFFFF_FFFFL)
                .chunk("ds64", RiffBuilder.ds64(riffSize, data.length, 800))
                .chunk("fmt ", RiffBuilder.fmt(1, 2, 8000, 4, 16)).chunk("data", 0xFFFF_FFFFL, data)
                .write(dir.resolve("rf64.wav")));
        files.add(RiffBuilder.riff().chunk("fmt ", RiffBuilder.fmt(1, 2, 8000, 4, 16))
                .chunk("bext", bext("A description", "Field recorder", 2))
                .chunk("LIST", RiffBuilder.info("INAM", "Title", "IART", "Artist", "IPRD", "Album", "ITRK", "4",
                        "ICRD", "2025", "ICMT", "Comment", "ISRC", "GBAYE2600001"))
                .chunk("data", data).write(dir.resolve("bext-info.wav")));
        return files;
    }

    /** A bext payload of {@code version} with a description, originator, date, time reference 48000 and history. */
    static byte[] bext(String description, String originator, int version) {
        byte[] b = new byte[Bext.FIXED + 32];
        put(b, 0, description);
        put(b, 256, originator);
        put(b, 288, "REF-123");
        put(b, 320, "2025-01-31");
        put(b, 330, "23:59:58");
        b[338] = (byte) 0x80;
        b[339] = (byte) 0xBB;
        b[346] = (byte) version;
        b[348] = 0x06;
        b[412] = (byte) 0xF6;
        b[413] = (byte) 0xF6; // loudness value -23.14 LUFS = 0xF6F6 / 100
        b[414] = (byte) 0x7F;
        b[415] = (byte) 0x7F; // loudness range unset would be 0x7FFF; this is 0x7F7F = 326.39 LU
        for (int k = 416; k < 422; k += 2) {
            b[k] = (byte) 0xFF;
            b[k + 1] = 0x7F; // 0x7FFF: unset
        }
        put(b, Bext.FIXED, "A=PCM,F=8000,W=16,M=stereo\r\n");
        return b;
    }

    private static void put(byte[] b, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, b, at, bytes.length);
    }
}

package org.mixbench.format.wav;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds WAV files byte by byte for tests: any chunks in any order, sizes as declared or deliberately wrong. */
final class RiffBuilder {
    private final String magic;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private Long formSize;

    private RiffBuilder(String magic) {
        this.magic = magic;
    }

    /** A RIFF/WAVE file. */
    static RiffBuilder riff() {
        return new RiffBuilder("RIFF");
    }

    /** A file with another magic ("RF64", "BW64", "RIFX", ...); RF64 and BW64 need a ds64 chunk first. */
    static RiffBuilder of(String magic) {
        return new RiffBuilder(magic);
    }

    /** Appends a chunk with its true size and a pad byte when the size is odd. */
    RiffBuilder chunk(String id, byte[] payload) {
        return chunk(id, payload.length, payload);
    }

    /** Appends a chunk that declares {@code size} whatever its payload, padded when the payload is odd. */
    RiffBuilder chunk(String id, long size, byte[] payload) {
        body.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(le32((int) size));
        body.writeBytes(payload);
        if ((payload.length & 1) != 0) {
            body.write(0);
        }
        return this;
    }

    /** Appends raw bytes. */
    RiffBuilder raw(byte[] bytes) {
        body.writeBytes(bytes);
        return this;
    }

    /** Declares this form size instead of the true one. */
    RiffBuilder formSize(long size) {
        this.formSize = size;
        return this;
    }

    /** Offset the next chunk will have in the file. */
    int offset() {
        return 12 + body.size();
    }

    /** The whole file. */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(magic.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(le32((int) (formSize != null ? formSize : body.size() + 4)));
        out.writeBytes("WAVE".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** Writes the file to {@code path} and returns it. */
    Path write(Path path) throws IOException {
        return Files.write(path, bytes());
    }

    /** A plain fmt payload (16 bytes). */
    static byte[] fmt(int tag, int channels, int rate, int blockAlign, int bits) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) tag)
                .putShort((short) channels).putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign)
                .putShort((short) bits).array();
    }

    /** A WAVE_FORMAT_EXTENSIBLE fmt payload (40 bytes) with a standard subformat GUID. */
    static byte[] fmtExtensible(int channels, int rate, int containerBits, int validBits, int mask, int subformat) {
        int blockAlign = channels * containerBits / 8;
        return ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0xFFFE)
                .putShort((short) channels).putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign)
                .putShort((short) containerBits).putShort((short) 22).putShort((short) validBits).putInt(mask)
                .putShort((short) subformat).put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
                    0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71}).array();
    }

    /** A ds64 payload of 28 bytes. */
    static byte[] ds64(long riffSize, long dataSize, long sampleCount) {
        return ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN).putLong(riffSize).putLong(dataSize)
                .putLong(sampleCount).putInt(0).array();
    }

    /** A LIST/INFO payload from id, value pairs, each value NUL-terminated. */
    static byte[] info(String... idsAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("INFO".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < idsAndValues.length; i += 2) {
            byte[] text = (idsAndValues[i + 1] + "\0").getBytes(StandardCharsets.UTF_8);
            out.writeBytes(idsAndValues[i].getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(le32(text.length));
            out.writeBytes(text);
            if ((text.length & 1) != 0) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    /** Little-endian 16-bit samples. */
    static byte[] le16(int... samples) {
        ByteBuffer b = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int s : samples) {
            b.putShort((short) s);
        }
        return b.array();
    }

    /** Little-endian 24-bit samples. */
    static byte[] le24(int... samples) {
        byte[] b = new byte[3 * samples.length];
        for (int i = 0; i < samples.length; i++) {
            b[3 * i] = (byte) samples[i];
            b[3 * i + 1] = (byte) (samples[i] >> 8);
            b[3 * i + 2] = (byte) (samples[i] >> 16);
        }
        return b;
    }

    /** Little-endian 32-bit integers. */
    static byte[] le32(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    /** Little-endian doubles. */
    static byte[] le64f(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** A sequence of {@code n} deterministic 16-bit samples covering the range. */
    static int[] ramp16(int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (i * 2_654_435_761L >>> 7);
        }
        return s;
    }
}

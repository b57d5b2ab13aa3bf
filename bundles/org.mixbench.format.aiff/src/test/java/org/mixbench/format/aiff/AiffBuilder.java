package org.mixbench.format.aiff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds AIFF and AIFF-C files byte by byte for tests: any chunks in any order, sizes as declared or wrong. */
final class AiffBuilder {
    private final String type;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private AiffBuilder(String type) {
        this.type = type;
    }

    /** A FORM/AIFF file. */
    static AiffBuilder aiff() {
        return new AiffBuilder("AIFF");
    }

    /** A FORM/AIFC file. */
    static AiffBuilder aifc() {
        return new AiffBuilder("AIFC");
    }

    /** Appends a chunk with its true size and a pad byte when the size is odd. */
    AiffBuilder chunk(String id, byte[] payload) {
        return chunk(id, payload.length, payload);
    }

    /** Appends a chunk that declares {@code size} whatever its payload, padded when the payload is odd. */
    AiffBuilder chunk(String id, long size, byte[] payload) {
        body.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(ByteBuffer.allocate(4).putInt((int) size).array());
        body.writeBytes(payload);
        if ((payload.length & 1) != 0) {
            body.write(0);
        }
        return this;
    }

    /** Offset the next chunk will have in the file. */
    int offset() {
        return 12 + body.size();
    }

    /** The whole file. */
    byte[] bytes() {
        ByteBuffer out = ByteBuffer.allocate(12 + body.size());
        out.put("FORM".getBytes(StandardCharsets.ISO_8859_1)).putInt(body.size() + 4)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(body.toByteArray());
        return out.array();
    }

    /** Writes the file and returns it. */
    Path write(Path path) throws IOException {
        return Files.write(path, bytes());
    }

    /** An AIFF COMM payload (18 bytes). */
    static byte[] comm(int channels, long frames, int bits, double rate) {
        return ByteBuffer.allocate(18).putShort((short) channels).putInt((int) frames).putShort((short) bits)
                .put(extended(rate)).array();
    }

    /** An AIFF COMM payload with the given ten bytes of sample rate. */
    static byte[] comm(int channels, long frames, int bits, byte[] rate) {
        return ByteBuffer.allocate(18).putShort((short) channels).putInt((int) frames).putShort((short) bits)
                .put(rate).array();
    }

    /** An AIFF-C COMM payload with a compression type and a pascal-string name. */
    static byte[] commC(int channels, long frames, int bits, double rate, String compression, String name) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        int pstring = 1 + n.length + ((1 + n.length) & 1);
        return ByteBuffer.allocate(22 + pstring).putShort((short) channels).putInt((int) frames)
                .putShort((short) bits).put(extended(rate)).put(compression.getBytes(StandardCharsets.ISO_8859_1))
                .put((byte) n.length).put(n).array();
    }

    /** An SSND payload: offset, block size 0, {@code offset} bytes of padding, then the samples. */
    static byte[] ssnd(int offset, byte[] samples) {
        return ByteBuffer.allocate(8 + offset + samples.length).putInt(offset).putInt(0).put(new byte[offset])
                .put(samples).array();
    }

    /** Big-endian 16-bit samples. */
    static byte[] be16(int... samples) {
        ByteBuffer b = ByteBuffer.allocate(2 * samples.length);
        for (int s : samples) {
            b.putShort((short) s);
        }
        return b.array();
    }

    /** {@code value} (positive, finite) as the ten bytes of an 80-bit extended number. */
    static byte[] extended(double value) {
        byte[] b = new byte[10];
        if (value == 0) {
            return b;
        }
        int exponent = Math.getExponent(value);
        long significand = ((long) Math.scalb(value, 52 - exponent)) << 11;
        int biased = exponent + 16383;
        b[0] = (byte) (biased >> 8);
        b[1] = (byte) biased;
        for (int i = 0; i < 8; i++) {
            b[2 + i] = (byte) (significand >>> (56 - 8 * i));
        }
        return b;
    }
}

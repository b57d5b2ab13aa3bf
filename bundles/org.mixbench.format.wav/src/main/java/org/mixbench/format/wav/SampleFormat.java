package org.mixbench.format.wav;

import org.mixbench.format.pcm.SampleDecoder;

/**
 * How the samples of a WAV data chunk are stored and how they become floats: 8-bit unsigned, 16/24/32-bit signed
 * little-endian (with fewer valid bits than the word holds, as WAVE_FORMAT_EXTENSIBLE allows), IEEE float 32 or 64.
 * Integer PCM is scaled by 2^-(word bits - 1), so values round trip bit-exactly; bits below the valid bits are
 * cleared. Immutable; the decoding methods run on the reading thread and allocate nothing.
 */
final class SampleFormat implements SampleDecoder {
    /** The storage families the reader decodes. */
    enum Kind {
        /** 8-bit offset binary, 128 is zero. */
        UNSIGNED_8,
        /** Two's complement little-endian in 2, 3 or 4 bytes. */
        SIGNED_LE,
        /** IEEE 754 binary32 little-endian. */
        FLOAT_32,
        /** IEEE 754 binary64 little-endian, narrowed to float. */
        FLOAT_64
    }

    private final Kind kind;
    private final int bytes;
    private final int validBits;
    private final int mask;

    private SampleFormat(Kind kind, int bytes, int validBits) {
        this.kind = kind;
        this.bytes = bytes;
        this.validBits = validBits;
        int unused = bytes * 8 - validBits;
        this.mask = kind == Kind.UNSIGNED_8 || kind == Kind.SIGNED_LE ? -1 << unused : -1;
    }

    /** Integer PCM of {@code validBits} (1 to 32) in words of {@code bytes} (1 to 4) bytes. */
    static SampleFormat pcm(int bytes, int validBits) {
        if (bytes < 1 || bytes > 4 || validBits < 1 || validBits > bytes * 8) {
            throw new IllegalArgumentException("no PCM of " + validBits + " bits in " + bytes + " bytes");
        }
        return new SampleFormat(bytes == 1 ? Kind.UNSIGNED_8 : Kind.SIGNED_LE, bytes, validBits);
    }

    /** IEEE float of 4 or 8 bytes. */
    static SampleFormat ieeeFloat(int bytes) {
        if (bytes != 4 && bytes != 8) {
            throw new IllegalArgumentException("no IEEE float of " + bytes + " bytes");
        }
        return new SampleFormat(bytes == 4 ? Kind.FLOAT_32 : Kind.FLOAT_64, bytes, bytes * 8);
    }

    /** The storage family. */
    Kind kind() {
        return kind;
    }

    /** Bytes per sample in the file (the word, or container). Any thread. */
    @Override
    public int bytesPerSample() {
        return bytes;
    }

    /** Bits that carry the sample: what {@code AudioFileInfo.bitsPerSample} reports. */
    int validBits() {
        return validBits;
    }

    /** The encoding in words, e.g. {@code "PCM 24-bit"} or {@code "PCM 20-bit in 24-bit words"}. */
    String describe() {
        return switch (kind) {
            case UNSIGNED_8 -> validBits == 8 ? "PCM 8-bit unsigned"
                    : "PCM " + validBits + "-bit unsigned in 8-bit words";
            case SIGNED_LE -> validBits == bytes * 8 ? "PCM " + validBits + "-bit"
                    : "PCM " + validBits + "-bit in " + bytes * 8 + "-bit words";
            case FLOAT_32 -> "IEEE float 32-bit";
            case FLOAT_64 -> "IEEE float 64-bit";
        };
    }

    /**
     * Decodes {@code frames} interleaved frames of {@code channels} samples from {@code src[0 ...]} into
     * {@code dst[c][offset ...]}. Reading thread; allocates nothing.
     */
    @Override
    public void decode(byte[] src, int frames, int channels, float[][] dst, int offset) {
        int stride = channels * bytes;
        for (int c = 0; c < channels; c++) {
            float[] out = dst[c];
            int p = c * bytes;
            int end = offset + frames;
            switch (kind) {
                case UNSIGNED_8 -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = ((src[p] & mask & 0xFF) - 128) * (1f / 128);
                    }
                }
                case SIGNED_LE -> {
                    if (bytes == 2) {
                        for (int i = offset; i < end; i++, p += stride) {
                            int v = (short) ((src[p] & 0xFF) | (src[p + 1] << 8));
                            out[i] = (v & mask) * (1f / 32_768);
                        }
                    } else if (bytes == 3) {
                        for (int i = offset; i < end; i++, p += stride) {
                            int v = ((src[p] & 0xFF) << 8 | (src[p + 1] & 0xFF) << 16 | src[p + 2] << 24) >> 8;
                            out[i] = (v & mask) * (1f / 8_388_608);
                        }
                    } else {
                        for (int i = offset; i < end; i++, p += stride) {
                            out[i] = (int32(src, p) & mask) * (1f / 2_147_483_648f);
                        }
                    }
                }
                case FLOAT_32 -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = Float.intBitsToFloat(int32(src, p));
                    }
                }
                case FLOAT_64 -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        long bits = (int32(src, p) & 0xFFFF_FFFFL) | ((long) int32(src, p + 4) << 32);
                        out[i] = (float) Double.longBitsToDouble(bits);
                    }
                }
            }
        }
    }

    private static int int32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
    }
}

package org.mixbench.format.aiff;

import org.mixbench.format.pcm.SampleDecoder;

/**
 * How the samples of an SSND chunk are stored and how they become floats: signed PCM of 1 to 32 bits in words of 1
 * to 4 bytes, big-endian (AIFF, AIFF-C {@code NONE} and {@code twos}) or little-endian ({@code sowt}), left-justified
 * as AIFF requires (bits below the sample size are cleared), or big-endian IEEE float of 32 or 64 bits. Integer PCM
 * is scaled by 2^-(word bits - 1), so values round trip bit-exactly. Immutable; decoding runs on the reading thread
 * and allocates nothing.
 */
final class AiffSampleFormat implements SampleDecoder {
    private final boolean floating;
    private final boolean littleEndian;
    private final int bytes;
    private final int bits;
    private final int mask;

    private AiffSampleFormat(boolean floating, boolean littleEndian, int bytes, int bits) {
        this.floating = floating;
        this.littleEndian = littleEndian;
        this.bytes = bytes;
        this.bits = bits;
        this.mask = floating ? -1 : -1 << (bytes * 8 - bits);
    }

    /** Signed PCM of {@code bits} (1 to 32) in the smallest whole number of bytes. */
    static AiffSampleFormat pcm(int bits, boolean littleEndian) {
        if (bits < 1 || bits > 32) {
            throw new IllegalArgumentException("no PCM of " + bits + " bits");
        }
        return new AiffSampleFormat(false, littleEndian, (bits + 7) / 8, bits);
    }

    /** Big-endian IEEE float of 4 or 8 bytes. */
    static AiffSampleFormat ieeeFloat(int bytes) {
        if (bytes != 4 && bytes != 8) {
            throw new IllegalArgumentException("no IEEE float of " + bytes + " bytes");
        }
        return new AiffSampleFormat(true, false, bytes, bytes * 8);
    }

    /** Bytes per sample in the file. Any thread. */
    @Override
    public int bytesPerSample() {
        return bytes;
    }

    /** Bits that carry the sample: what {@code AudioFileInfo.bitsPerSample} reports. */
    int bits() {
        return bits;
    }

    /** The encoding in words: {@code "PCM 16-bit"}, {@code "PCM 16-bit little-endian"}, {@code "IEEE float 32-bit"}. */
    String describe() {
        if (floating) {
            return "IEEE float " + bits + "-bit";
        }
        String words = bits == bytes * 8 ? "" : " in " + bytes * 8 + "-bit words";
        return "PCM " + bits + "-bit" + words + (littleEndian ? " little-endian" : "");
    }

    /**
     * Decodes {@code frames} interleaved frames of {@code channels} samples from {@code src[0 ...]} into
     * {@code dst[c][offset ...]}. Reading thread; allocates nothing.
     */
    @Override
    public void decode(byte[] src, int frames, int channels, float[][] dst, int offset) {
        int stride = channels * bytes;
        int end = offset + frames;
        for (int c = 0; c < channels; c++) {
            float[] out = dst[c];
            int p = c * bytes;
            if (floating) {
                if (bytes == 4) {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = Float.intBitsToFloat(word(src, p, 4));
                    }
                } else {
                    for (int i = offset; i < end; i++, p += stride) {
                        long v = (long) word(src, p, 4) << 32 | (word(src, p + 4, 4) & 0xFFFF_FFFFL);
                        out[i] = (float) Double.longBitsToDouble(v);
                    }
                }
                continue;
            }
            switch (bytes) {
                case 1 -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (src[p] & mask) * (1f / 128);
                    }
                }
                case 2 -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (word(src, p, 2) & mask) * (1f / 32_768);
                    }
                }
                case 3 -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (word(src, p, 3) & mask) * (1f / 8_388_608);
                    }
                }
                default -> {
                    for (int i = offset; i < end; i++, p += stride) {
                        out[i] = (word(src, p, 4) & mask) * (1f / 2_147_483_648f);
                    }
                }
            }
        }
    }

    /** The signed integer of {@code n} bytes (2 to 4) at {@code p}, in this format's byte order, sign-extended. */
    private int word(byte[] b, int p, int n) {
        int v = 0;
        if (littleEndian) {
            for (int k = n - 1; k >= 0; k--) {
                v = v << 8 | (b[p + k] & 0xFF);
            }
        } else {
            for (int k = 0; k < n; k++) {
                v = v << 8 | (b[p + k] & 0xFF);
            }
        }
        int shift = 32 - 8 * n;
        return v << shift >> shift;
    }
}

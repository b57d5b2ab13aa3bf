package org.mixbench.format.flac;

import java.io.IOException;

import org.mixbench.api.audio.AudioFormatException;

/**
 * Decodes FLAC frames (RFC 9639): frame header with CRC-8, CONSTANT, VERBATIM, FIXED and LPC subframes with wasted
 * bits, Rice and escape-coded residuals in partitions, inter-channel decorrelation (left/side, side/right,
 * mid/side), and the frame's CRC-16. Samples are kept as longs so that the side channel of 32-bit audio (33 bits)
 * is exact. Buffers are sized once for the stream's largest block; decoding a frame allocates nothing.
 * Thread: the reading thread.
 */
final class FrameDecoder {
    private static final int[] BLOCK_SIZES = {0, 192, 576, 1152, 2304, 4608, 0, 0, 256, 512, 1024, 2048, 4096, 8192,
        16384, 32768};
    private static final int[] RATES = {0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000,
        96000, 0, 0, 0, 0};
    private static final int[] SIZES = {0, 8, 12, 0, 16, 20, 24, 32};

    private final BitInput in;
    private final FlacStreamInfo info;
    private final long[][] samples;
    private final int[] qlp = new int[32];
    private int blockSize;

    FrameDecoder(BitInput in, FlacStreamInfo info) {
        this.in = in;
        this.info = info;
        int max = Math.max(info.maxBlockSize(), 16);
        samples = new long[info.channels()][Math.min(max, 65_535)];
    }

    /** The decoded samples of the last frame, per channel. */
    long[][] samples() {
        return samples;
    }

    /** Frames (samples per channel) in the last decoded frame. */
    int blockSize() {
        return blockSize;
    }

    /** Decodes the next frame; returns false at the clean end of the stream. */
    boolean next() throws IOException {
        in.resetCrc();
        int first = in.readByteOrEnd();
        if (first < 0) {
            return false;
        }
        long frameStart = in.byteOffset() - 1;
        int second = in.readBits(8);
        if (first != 0xFF || (second & 0xFE) != 0xF8) {
            throw new AudioFormatException("no frame sync code at byte " + frameStart);
        }
        int blockCode = in.readBits(4);
        int rateCode = in.readBits(4);
        int channelCode = in.readBits(4);
        int sizeCode = in.readBits(3);
        if (in.readBits(1) != 0) {
            throw new AudioFormatException("reserved bit set in the frame header at byte " + frameStart);
        }
        readUtf8Number(frameStart);
        int size = switch (blockCode) {
            case 0 -> throw new AudioFormatException("reserved block size code at byte " + frameStart);
            case 6 -> in.readBits(8) + 1;
            case 7 -> in.readBits(16) + 1;
            default -> BLOCK_SIZES[blockCode];
        };
        if (rateCode == 12) {
            in.readBits(8);
        } else if (rateCode == 13 || rateCode == 14) {
            in.readBits(16);
        } else if (rateCode == 15) {
            throw new AudioFormatException("invalid sample rate code at byte " + frameStart);
        }
        int expectedCrc = in.crc8();
        int crc = in.readBits(8);
        if (crc != expectedCrc) {
            throw new AudioFormatException("frame header CRC mismatch at byte " + frameStart);
        }
        if (size > samples[0].length) {
            throw new AudioFormatException("frame at byte " + frameStart + " has " + size
                    + " samples, more than the stream's maximum block size " + samples[0].length);
        }
        int bits = sizeCode == 0 ? info.bitsPerSample() : SIZES[sizeCode];
        if (sizeCode == 3 || bits != info.bitsPerSample()) {
            throw new AudioFormatException("frame at byte " + frameStart + " changes the sample size to " + bits
                    + " bits (the stream has " + info.bitsPerSample() + ")");
        }
        int channels = channelCode < 8 ? channelCode + 1 : 2;
        if (channelCode > 10 || channels != info.channels()) {
            throw new AudioFormatException("frame at byte " + frameStart + " has channel assignment " + channelCode
                    + ", which does not fit the stream's " + info.channels() + " channels");
        }
        blockSize = size;
        for (int c = 0; c < channels; c++) {
            int subframeBits = bits;
            if ((channelCode == 8 && c == 1) || (channelCode == 9 && c == 0) || (channelCode == 10 && c == 1)) {
                subframeBits++;
            }
            subframe(samples[c], size, subframeBits, frameStart);
        }
        decorrelate(channelCode, size);
        in.alignToByte();
        int expected16 = in.crc16();
        int crc16 = in.readBits(16);
        if (crc16 != expected16) {
            throw new AudioFormatException("frame CRC-16 mismatch in the frame at byte " + frameStart);
        }
        return true;
    }

    private void readUtf8Number(long frameStart) throws IOException {
        int first = in.readBits(8);
        int extra;
        if ((first & 0x80) == 0) {
            extra = 0;
        } else if ((first & 0xE0) == 0xC0) {
            extra = 1;
        } else if ((first & 0xF0) == 0xE0) {
            extra = 2;
        } else if ((first & 0xF8) == 0xF0) {
            extra = 3;
        } else if ((first & 0xFC) == 0xF8) {
            extra = 4;
        } else if ((first & 0xFE) == 0xFC) {
            extra = 5;
        } else if (first == 0xFE) {
            extra = 6;
        } else {
            throw new AudioFormatException("invalid frame number coding at byte " + frameStart);
        }
        for (int i = 0; i < extra; i++) {
            if ((in.readBits(8) & 0xC0) != 0x80) {
                throw new AudioFormatException("invalid frame number coding at byte " + frameStart);
            }
        }
    }

    private void subframe(long[] out, int size, int bits, long frameStart) throws IOException {
        if (in.readBits(1) != 0) {
            throw new AudioFormatException("subframe padding bit set in the frame at byte " + frameStart);
        }
        int type = in.readBits(6);
        int wasted = 0;
        if (in.readBits(1) == 1) {
            wasted = in.readUnary() + 1;
            if (wasted >= bits) {
                throw new AudioFormatException("subframe with " + wasted + " wasted bits of " + bits
                        + " in the frame at byte " + frameStart);
            }
            bits -= wasted;
        }
        if (type == 0) {
            long value = in.readSignedLong(bits);
            for (int i = 0; i < size; i++) {
                out[i] = value;
            }
        } else if (type == 1) {
            for (int i = 0; i < size; i++) {
                out[i] = in.readSignedLong(bits);
            }
        } else if (type >= 8 && type <= 12) {
            fixed(out, size, bits, type - 8, frameStart);
        } else if (type >= 32) {
            lpc(out, size, bits, type - 31, frameStart);
        } else {
            throw new AudioFormatException("reserved subframe type " + type + " in the frame at byte " + frameStart);
        }
        if (wasted > 0) {
            for (int i = 0; i < size; i++) {
                out[i] <<= wasted;
            }
        }
    }

    private void fixed(long[] out, int size, int bits, int order, long frameStart) throws IOException {
        if (order > size) {
            throw new AudioFormatException("predictor order " + order + " exceeds the block size in the frame at byte "
                    + frameStart);
        }
        for (int i = 0; i < order; i++) {
            out[i] = in.readSignedLong(bits);
        }
        residual(out, size, order, frameStart);
        switch (order) {
            case 1 -> {
                for (int i = 1; i < size; i++) {
                    out[i] += out[i - 1];
                }
            }
            case 2 -> {
                for (int i = 2; i < size; i++) {
                    out[i] += 2 * out[i - 1] - out[i - 2];
                }
            }
            case 3 -> {
                for (int i = 3; i < size; i++) {
                    out[i] += 3 * out[i - 1] - 3 * out[i - 2] + out[i - 3];
                }
            }
            case 4 -> {
                for (int i = 4; i < size; i++) {
                    out[i] += 4 * out[i - 1] - 6 * out[i - 2] + 4 * out[i - 3] - out[i - 4];
                }
            }
            default -> {
                // order 0: the residual is the signal
            }
        }
    }

    private void lpc(long[] out, int size, int bits, int order, long frameStart) throws IOException {
        if (order > size) {
            throw new AudioFormatException("predictor order " + order + " exceeds the block size in the frame at byte "
                    + frameStart);
        }
        for (int i = 0; i < order; i++) {
            out[i] = in.readSignedLong(bits);
        }
        int precision = in.readBits(4) + 1;
        if (precision == 16) {
            throw new AudioFormatException("invalid LPC precision in the frame at byte " + frameStart);
        }
        int shift = in.readSigned(5);
        if (shift < 0) {
            throw new AudioFormatException("negative LPC shift in the frame at byte " + frameStart);
        }
        for (int i = 0; i < order; i++) {
            qlp[i] = in.readSigned(precision);
        }
        residual(out, size, order, frameStart);
        for (int i = order; i < size; i++) {
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += (long) qlp[j] * out[i - 1 - j];
            }
            out[i] += sum >> shift;
        }
    }

    private void residual(long[] out, int size, int order, long frameStart) throws IOException {
        int method = in.readBits(2);
        if (method > 1) {
            throw new AudioFormatException("reserved residual coding method in the frame at byte " + frameStart);
        }
        int parameterBits = method == 0 ? 4 : 5;
        int escape = method == 0 ? 15 : 31;
        int partitionOrder = in.readBits(4);
        int partitions = 1 << partitionOrder;
        if ((size >> partitionOrder) << partitionOrder != size || (size >> partitionOrder) < order) {
            throw new AudioFormatException("invalid residual partition order " + partitionOrder
                    + " in the frame at byte " + frameStart);
        }
        int perPartition = size >> partitionOrder;
        int i = order;
        for (int p = 0; p < partitions; p++) {
            int count = p == 0 ? perPartition - order : perPartition;
            int k = in.readBits(parameterBits);
            if (k == escape) {
                int raw = in.readBits(5);
                for (int n = 0; n < count; n++) {
                    out[i++] = raw == 0 ? 0 : in.readSigned(raw);
                }
            } else {
                for (int n = 0; n < count; n++) {
                    out[i++] = in.readRice(k);
                }
            }
        }
    }

    private void decorrelate(int channelCode, int size) {
        long[] a = samples[0];
        long[] b = channelCode >= 8 ? samples[1] : null;
        switch (channelCode) {
            case 8 -> {
                for (int i = 0; i < size; i++) {
                    b[i] = a[i] - b[i];
                }
            }
            case 9 -> {
                for (int i = 0; i < size; i++) {
                    a[i] += b[i];
                }
            }
            case 10 -> {
                for (int i = 0; i < size; i++) {
                    long side = b[i];
                    long mid = (a[i] << 1) | (side & 1);
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                }
            }
            default -> {
                // independent channels
            }
        }
    }
}

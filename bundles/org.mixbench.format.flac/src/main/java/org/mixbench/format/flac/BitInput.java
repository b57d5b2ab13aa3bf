package org.mixbench.format.flac;

import java.io.IOException;
import java.io.InputStream;

import org.mixbench.api.audio.AudioFormatException;

/**
 * Reads a byte stream bit by bit, most significant bit first, through a fixed buffer, keeping the running CRC-8 and
 * CRC-16 that FLAC frames need, and the byte offset for error messages. Reading past the end of the stream is an
 * {@link AudioFormatException}. Thread: the reading thread.
 */
final class BitInput {
    private static final int[] CRC8 = new int[256];
    private static final int[] CRC16 = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c8 = i;
            int c16 = i << 8;
            for (int b = 0; b < 8; b++) {
                c8 = (c8 & 0x80) != 0 ? (c8 << 1) ^ 0x07 : c8 << 1;
                c16 = (c16 & 0x8000) != 0 ? (c16 << 1) ^ 0x8005 : c16 << 1;
            }
            CRC8[i] = c8 & 0xFF;
            CRC16[i] = c16 & 0xFFFF;
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int limit;
    private int position;
    private long consumedBefore;
    private long cache;
    private int cacheBits;
    private int crc8;
    private int crc16;
    private int crcFrom;

    BitInput(InputStream in) {
        this.in = in;
    }

    /** Byte offset of the next unread byte in the stream (for messages), rounded down when inside a byte. */
    long byteOffset() {
        return consumedBefore + position - cacheBits / 8;
    }

    private boolean fill() throws IOException {
        updateCrc();
        consumedBefore += limit;
        position = 0;
        limit = 0;
        crcFrom = 0;
        while (limit == 0) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            limit = n;
        }
        return true;
    }

    private void updateCrc() {
        for (int i = crcFrom; i < position; i++) {
            int b = buffer[i] & 0xFF;
            crc8 = CRC8[crc8 ^ b];
            crc16 = ((crc16 << 8) & 0xFFFF) ^ CRC16[(crc16 >>> 8) ^ b];
        }
        crcFrom = position;
    }

    /** Starts both CRCs at the next byte, which must be byte-aligned. */
    void resetCrc() {
        updateCrc();
        crc8 = 0;
        crc16 = 0;
        // bytes already pulled into the bit cache belong to the CRC too
        if (cacheBits > 0) {
            throw new IllegalStateException("resetCrc needs a byte-aligned, empty bit cache");
        }
    }

    /** CRC-8 of the bytes read since {@link #resetCrc}, which must end on a byte boundary. */
    int crc8() {
        updateCrc();
        return crc8;
    }

    /** CRC-16 of the bytes read since {@link #resetCrc}, which must end on a byte boundary. */
    int crc16() {
        updateCrc();
        return crc16;
    }

    private int nextByte() throws IOException {
        if (position == limit && !fill()) {
            throw new AudioFormatException("the file ends in the middle of a frame (at byte " + byteOffset() + ")");
        }
        return buffer[position++] & 0xFF;
    }

    /** The next byte if aligned, or -1 at the end of the stream. */
    int readByteOrEnd() throws IOException {
        if (cacheBits != 0) {
            throw new IllegalStateException("not byte-aligned");
        }
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    /** Reads {@code n} bits (0 to 32) as an unsigned value. */
    int readBits(int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        while (cacheBits < n) {
            cache = (cache << 8) | nextByte();
            cacheBits += 8;
        }
        cacheBits -= n;
        return (int) ((cache >>> cacheBits) & ((1L << n) - 1));
    }

    /** Reads {@code n} bits (1 to 32) as a two's complement signed value. */
    int readSigned(int n) throws IOException {
        int v = readBits(n);
        return n == 32 ? v : (v << (32 - n)) >> (32 - n);
    }

    /** Reads {@code n} bits (up to 33) as a signed long, for the side channel of 32-bit audio. */
    long readSignedLong(int n) throws IOException {
        if (n <= 32) {
            return n == 32 ? readBits(32) : readSigned(n);
        }
        long high = readBits(n - 32);
        long low = readBits(32) & 0xFFFFFFFFL;
        long v = (high << 32) | low;
        return (v << (64 - n)) >> (64 - n);
    }

    /** Reads a unary-coded value: the number of 0 bits before the next 1 bit. */
    int readUnary() throws IOException {
        int count = 0;
        while (true) {
            if (cacheBits == 0) {
                cache = nextByte();
                cacheBits = 8;
            }
            int window = (int) (cache & ((1L << cacheBits) - 1));
            if (window == 0) {
                count += cacheBits;
                cacheBits = 0;
                if (count > (1 << 24)) {
                    throw new AudioFormatException("runaway unary code at byte " + byteOffset());
                }
                continue;
            }
            int leading = Integer.numberOfLeadingZeros(window) - (32 - cacheBits);
            count += leading;
            cacheBits -= leading + 1;
            return count;
        }
    }

    /** Reads a Rice-coded signed residual with parameter {@code k}. */
    int readRice(int k) throws IOException {
        int quotient = readUnary();
        long u = ((long) quotient << k) | (k == 0 ? 0 : readBits(k) & 0xFFFFFFFFL);
        long v = (u >>> 1) ^ -(u & 1);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new AudioFormatException("residual out of range at byte " + byteOffset());
        }
        return (int) v;
    }

    /** Drops the bits up to the next byte boundary. */
    void alignToByte() {
        cacheBits -= cacheBits % 8;
    }

    /** Skips {@code n} bytes (aligned). */
    void skipBytes(long n) throws IOException {
        if (cacheBits != 0) {
            throw new IllegalStateException("not byte-aligned");
        }
        while (n > 0) {
            if (position == limit && !fill()) {
                throw new AudioFormatException("the file ends inside a metadata block (at byte " + byteOffset() + ")");
            }
            int step = (int) Math.min(n, limit - position);
            position += step;
            n -= step;
        }
    }

    /** Reads {@code n} bytes (aligned) into a new array; {@code n} must have been bounded by the caller. */
    byte[] readBytes(int n) throws IOException {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) readBits(8);
        }
        return out;
    }
}

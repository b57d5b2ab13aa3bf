package org.mixbench.format.pcm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioFileInfo;
import org.mixbench.api.audio.AudioFormatException;

class PcmStreamReaderTest {
    /** 16-bit signed little-endian, scaled by 2^-15: enough of a format to check what the reader hands over. */
    private static final SampleDecoder S16LE = new SampleDecoder() {
        @Override
        public int bytesPerSample() {
            return 2;
        }

        @Override
        public void decode(byte[] src, int frames, int channels, float[][] dst, int offset) {
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < channels; c++) {
                    int p = (i * channels + c) * 2;
                    dst[c][offset + i] = (short) ((src[p] & 0xFF) | src[p + 1] << 8) / 32_768f;
                }
            }
        }
    };

    private static final PcmStreamReader.TruncationMessage MESSAGE =
            (end, offset, bytes) -> "ends at " + end + " in " + bytes + " bytes from " + offset;

    @TempDir
    Path dir;

    private static AudioFileInfo info(int channels, long frames) {
        return new AudioFileInfo("TEST", "PCM 16-bit", 8000, channels, frames, 16, List.of(), Map.of());
    }

    /** A file of {@code header} junk bytes, then 16-bit samples 0, 1, 2 ... as interleaved frames. */
    private Path file(int header, int samples) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(header + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < header; i++) {
            b.put((byte) 0x55);
        }
        for (int i = 0; i < samples; i++) {
            b.putShort((short) i);
        }
        return Files.write(dir.resolve("samples.raw"), b.array());
    }

    private static PcmStreamReader reader(Path file, int channels, long dataOffset, long frames,
            SampleDecoder decoder) throws IOException {
        return PcmStreamReader.open(file, channel -> new PcmStreamReader(channel, info(channels, frames), decoder,
                dataOffset, frames, MESSAGE));
    }

    /** Asserts what successive reads of up to {@code frames} frames into {@code buffers} return. */
    private static void assertReads(PcmStreamReader reader, float[][] buffers, int frames, int... expected)
            throws IOException {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], reader.read(buffers, 0, frames), "read " + (i + 1));
        }
    }

    @Test
    void readsTheAnnouncedFramesFromTheDataOffsetDecodedIntoEachChannel() throws IOException {
        try (PcmStreamReader reader = reader(file(10, 8), 2, 10, 4, S16LE)) {
            float[][] buffers = new float[2][6];
            assertEquals(4, reader.read(buffers, 1, 5));
            assertArrayEquals(new float[] {0, 0, 2 / 32_768f, 4 / 32_768f, 6 / 32_768f, 0}, buffers[0]);
            assertArrayEquals(new float[] {0, 1 / 32_768f, 3 / 32_768f, 5 / 32_768f, 7 / 32_768f, 0}, buffers[1]);
            assertEquals(-1, reader.read(buffers, 0, 5));
        }
    }

    @Test
    void continuesWhereTheLastReadStoppedAndEndsWithMinusOne() throws IOException {
        try (PcmStreamReader reader = reader(file(0, 10), 1, 0, 10, S16LE)) {
            float[][] buffers = new float[1][4];
            assertReads(reader, buffers, 4, 4, 4);
            assertEquals(4 / 32_768f, buffers[0][0]);
            assertReads(reader, buffers, 4, 2);
            assertEquals(9 / 32_768f, buffers[0][1]);
            assertReads(reader, buffers, 4, -1, -1);
        }
    }

    @Test
    void bytesAfterTheAnnouncedFramesAreNotRead() throws IOException {
        try (PcmStreamReader reader = reader(file(0, 101), 2, 0, 50, S16LE)) {
            assertReads(reader, new float[2][100], 100, 50, -1);
        }
    }

    @Test
    void readsAtMostWhatTheSixtyFourKibibyteBufferHoldsAtOnce() throws IOException {
        int most = PcmStreamReader.BUFFER_BYTES / 4;
        try (PcmStreamReader reader = reader(file(0, 2 * 40_000), 2, 0, 40_000, S16LE)) {
            assertReads(reader, new float[2][40_000], 40_000, most, most, 40_000 - 2 * most, -1);
        }
    }

    @Test
    void aFrameLargerThanTheBufferIsReadOneFrameAtATime() throws IOException {
        int frameBytes = PcmStreamReader.BUFFER_BYTES + 6;
        SampleDecoder huge = new SampleDecoder() {
            @Override
            public int bytesPerSample() {
                return frameBytes;
            }

            @Override
            public void decode(byte[] src, int frames, int channels, float[][] dst, int offset) {
                dst[0][offset] = src[frameBytes - 1];
            }
        };
        Path file = Files.write(dir.resolve("huge.raw"), new byte[2 * frameBytes]);
        try (PcmStreamReader reader = reader(file, 1, 0, 2, huge)) {
            assertReads(reader, new float[1][8], 8, 1, 1, -1);
        }
    }

    @Test
    void aFileThatEndsInsideTheSamplesIsAFormatExceptionWordedByTheFormat() throws IOException {
        try (PcmStreamReader reader = reader(file(12, 6), 2, 12, 5, S16LE)) {
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> reader.read(new float[2][8], 0, 8));
            assertEquals("ends at 24 in 20 bytes from 12", e.getMessage());
        }
    }

    @Test
    void askingForZeroFramesReadsNothingAndIsNotTheEnd() throws IOException {
        try (PcmStreamReader reader = reader(file(0, 4), 1, 0, 4, S16LE)) {
            float[][] buffers = new float[1][4];
            assertReads(reader, buffers, 0, 0, 0);
            assertReads(reader, buffers, 4, 4, -1);
        }
    }

    @Test
    void fewerBuffersThanChannelsOrBuffersTooShortAreRefused() throws IOException {
        try (PcmStreamReader reader = reader(file(0, 8), 2, 0, 4, S16LE)) {
            assertThrows(IllegalArgumentException.class, () -> reader.read(new float[1][4], 0, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> reader.read(new float[2][4], 2, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> reader.read(new float[2][4], -1, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> reader.read(new float[2][4], 0, -1));
            assertEquals(4, reader.read(new float[2][4], 0, 4), "a refused read leaves the position alone");
        }
    }

    @Test
    void readingAfterCloseIsAnIoExceptionAndClosingClosesTheFile() throws IOException {
        Path file = file(0, 4);
        FileChannel[] opened = new FileChannel[1];
        PcmStreamReader reader = PcmStreamReader.open(file, channel -> {
            opened[0] = channel;
            return new PcmStreamReader(channel, info(1, 4), S16LE, 0, 4, MESSAGE);
        });
        reader.close();
        assertFalse(opened[0].isOpen());
        IOException e = assertThrows(IOException.class, () -> reader.read(new float[1][4], 0, 4));
        assertEquals("the reader is closed", e.getMessage());
    }

    @Test
    void openClosesTheFileAndRethrowsWhenTheOpenerFails() throws IOException {
        Path file = file(0, 4);
        FileChannel[] opened = new FileChannel[1];
        AudioFormatException bad = new AudioFormatException("bad header");
        AudioFormatException thrown = assertThrows(AudioFormatException.class, () -> PcmStreamReader.open(file,
                channel -> {
                    opened[0] = channel;
                    throw bad;
                }));
        assertSame(bad, thrown);
        assertFalse(opened[0].isOpen());
        IllegalStateException state = new IllegalStateException("bug");
        assertSame(state, assertThrows(IllegalStateException.class, () -> PcmStreamReader.open(file, channel -> {
            opened[0] = channel;
            throw state;
        })));
        assertFalse(opened[0].isOpen());
    }

    @Test
    void infoIsWhatTheFormatParsed() throws IOException {
        Path file = file(0, 4);
        AudioFileInfo info = info(1, 4);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertSame(info, new PcmStreamReader(channel, info, S16LE, 0, 4, MESSAGE).info());
        }
    }

    @Test
    void negativeDataOffsetOrFrameCountIsRefused() throws IOException {
        Path file = file(0, 4);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThrows(IllegalArgumentException.class,
                    () -> new PcmStreamReader(channel, info(1, 4), S16LE, -1, 4, MESSAGE));
            assertThrows(IllegalArgumentException.class,
                    () -> new PcmStreamReader(channel, info(1, 4), S16LE, 0, -1, MESSAGE));
        }
    }

    @Test
    void readAllocatesNothing() throws IOException {
        int reads = 20_000;
        int framesPerRead = 32;
        Path file = file(44, 2 * framesPerRead * (reads + 1_000));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot measure allocation");
        long thread = Thread.currentThread().getId();
        try (PcmStreamReader reader = reader(file, 2, 44, (long) framesPerRead * (reads + 1_000), S16LE)) {
            float[][] buffers = new float[2][framesPerRead];
            for (int i = 0; i < 1_000; i++) {
                reader.read(buffers, 0, framesPerRead);
            }
            long before = threads.getThreadAllocatedBytes(thread);
            long frames = 0;
            for (int i = 0; i < reads; i++) {
                frames += reader.read(buffers, 0, framesPerRead);
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertEquals((long) reads * framesPerRead, frames);
            // any allocation costs at least 16 bytes, so allocating per read would reach one byte per read
            assertTrue(allocated < reads, reads + " reads allocated " + allocated + " bytes");
            assertEquals(-1, reader.read(buffers, 0, framesPerRead));
        }
    }
}

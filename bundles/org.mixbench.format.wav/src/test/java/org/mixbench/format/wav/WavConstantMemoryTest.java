package org.mixbench.format.wav;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.testkit.Allocations;

/**
 * Reading and writing stream in constant memory: the bytes this thread allocates (the JVM's per-thread counter) to
 * read or write a minute of audio are no more than for a tenth of a second, give or take a few KiB, and stay under
 * 1 MB.
 */
class WavConstantMemoryTest {
    private static final double RATE = 48_000;
    private static final long SLACK = 16 * 1024;

    @TempDir
    Path dir;

    /** Writes {@code frames} of a 24-bit stereo sine through one reused block; returns the bytes allocated. */
    private static long write(Path file, long frames, AudioBlock block) throws IOException {
        float[] left = block.channel(0);
        for (int i = 0; i < left.length; i++) {
            left[i] = (float) Math.sin(i * 0.01);
            block.channel(1)[i] = -left[i];
        }
        long before = Allocations.ofCurrentThread();
        try (ExportWriter writer = new WavExporterFactory().open(file, new ExportFormat(RATE, 2, frames),
                Map.of("bits", "24"), Map.of("title", "memory"))) {
            for (long done = 0; done < frames; done += block.maxFrames()) {
                block.setFrames((int) Math.min(block.maxFrames(), frames - done));
                writer.write(block);
            }
        }
        return Allocations.ofCurrentThread() - before;
    }

    /** Reads {@code file} to the end through {@code buffers}; returns the bytes allocated and checks the count. */
    private static long read(Path file, float[][] buffers, long expectedFrames) throws IOException {
        return Allocations.toReadToTheEnd(new WavImporterFactory(), file, buffers, expectedFrames);
    }

    @Test
    void readingAndWritingAMinuteAllocateNoMoreThanATenthOfASecond() throws IOException {
        AudioBlock block = new AudioBlock(2, 4096, 0);
        float[][] buffers = new float[2][4096];
        Path small = dir.resolve("small.wav");
        Path large = dir.resolve("large.wav");
        long shortFrames = (long) (RATE / 10);
        long longFrames = (long) (RATE * 60);
        for (int warm = 0; warm < 3; warm++) {
            write(small, shortFrames, block);
            read(small, buffers, shortFrames);
        }
        long writeShort = write(small, shortFrames, block);
        long writeLong = write(large, longFrames, block);
        long readShort = read(small, buffers, shortFrames);
        long readLong = read(large, buffers, longFrames);
        assertTrue(writeLong <= writeShort + SLACK, "writing a minute allocated " + writeLong + " bytes, a tenth of"
                + " a second " + writeShort);
        assertTrue(readLong <= readShort + SLACK, "reading a minute allocated " + readLong + " bytes, a tenth of a"
                + " second " + readShort);
        assertTrue(readLong < 1_000_000, "reading a minute allocated " + readLong + " bytes");
        assertTrue(writeLong < 1_000_000, "writing a minute allocated " + writeLong + " bytes");
    }
}

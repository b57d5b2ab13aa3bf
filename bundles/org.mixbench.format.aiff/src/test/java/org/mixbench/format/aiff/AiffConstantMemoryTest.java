package org.mixbench.format.aiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.testkit.Allocations;

/**
 * Reading streams in constant memory: the bytes this thread allocates (the JVM's per-thread counter) to read a
 * minute of AIFF are no more than for a tenth of a second, give or take a few KiB, and stay under 1 MB.
 */
class AiffConstantMemoryTest {
    private static final long SLACK = 16 * 1024;

    @TempDir
    Path dir;

    /** Reads {@code file} to the end through {@code buffers}; returns the bytes allocated and checks the count. */
    private static long read(Path file, float[][] buffers, long expectedFrames) throws IOException {
        return Allocations.toReadToTheEnd(new AiffImporterFactory(), file, buffers, expectedFrames);
    }

    @Test
    void readingAMinuteAllocatesNoMoreThanReadingATenthOfASecond() throws Exception {
        Path small = AiffTestFiles.sox(dir.resolve("small.aiff"), 48_000, 2, 0.1, "-b", "24");
        Path large = AiffTestFiles.sox(dir.resolve("large.aiff"), 48_000, 2, 60, "-b", "24");
        float[][] buffers = new float[2][4096];
        for (int warm = 0; warm < 3; warm++) {
            read(small, buffers, 4_800);
        }
        long shortBytes = read(small, buffers, 4_800);
        long longBytes = read(large, buffers, 2_880_000);
        assertTrue(longBytes <= shortBytes + SLACK, "reading a minute allocated " + longBytes
                + " bytes, a tenth of a second " + shortBytes);
        assertTrue(longBytes < 1_000_000, "reading a minute allocated " + longBytes + " bytes");
    }
}

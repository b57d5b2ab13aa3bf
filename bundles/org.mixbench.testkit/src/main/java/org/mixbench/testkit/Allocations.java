package org.mixbench.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;

/**
 * Measures what the calling thread allocates, with the JVM's per-thread counter
 * ({@code com.sun.management.ThreadMXBean}), for tests that streaming stays in constant memory. Test thread.
 */
public final class Allocations {
    private Allocations() {
    }

    /** The bytes the calling thread has allocated so far; fails the test where the JVM cannot tell. */
    public static long ofCurrentThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot measure allocation");
        return threads.getCurrentThreadAllocatedBytes();
    }

    /** One call of the code under measurement. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    /**
     * Runs {@code call} {@code warmup} times (so classes load and the JIT settles), then {@code times} times, and
     * returns the bytes the calling thread allocated during the second run. Test thread.
     */
    public static long during(int warmup, int times, Call call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        long before = ofCurrentThread();
        for (int i = 0; i < times; i++) {
            call.run();
        }
        return ofCurrentThread() - before;
    }

    /**
     * Opens {@code file} with {@code importer}, reads it to the end through {@code buffers} (as many frames at a time
     * as {@code buffers[0]} holds), closes it and returns the bytes the calling thread allocated doing so; asserts
     * that {@code expectedFrames} frames were read. Test thread.
     */
    public static long toReadToTheEnd(ImporterFactory importer, Path file, float[][] buffers, long expectedFrames)
            throws IOException {
        long before = ofCurrentThread();
        long frames = 0;
        try (AudioReader reader = importer.open(file)) {
            int n;
            while ((n = reader.read(buffers, 0, buffers[0].length)) >= 0) {
                frames += n;
            }
        }
        long bytes = ofCurrentThread() - before;
        assertEquals(expectedFrames, frames);
        return bytes;
    }
}

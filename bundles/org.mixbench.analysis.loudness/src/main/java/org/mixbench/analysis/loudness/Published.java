package org.mixbench.analysis.loudness;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed set of numbers published by one writer thread and read by any thread without locks: a seqlock. The writer
 * makes the version odd, stores the values and makes it even again; it never waits. A reader copies the values and
 * retries when the version was odd or changed meanwhile, so it always sees one complete publication.
 *
 * <p>Threads: {@link #begin}, {@link #put}, {@link #end} on the single writer thread (no allocation, no lock);
 * {@link #read} on any thread.
 */
final class Published {
    private final AtomicLong version = new AtomicLong();
    private final AtomicLongArray values;

    /** Room for {@code size} numbers, all zero. Main thread. */
    Published(int size) {
        values = new AtomicLongArray(size);
    }

    /** Number of slots. Any thread. */
    int size() {
        return values.length();
    }

    /** Starts a publication. Writer thread. */
    void begin() {
        version.setOpaque(version.getPlain() + 1);
        VarHandle.releaseFence();
    }

    /** Stores {@code value} in slot {@code i}; only between {@link #begin} and {@link #end}. Writer thread. */
    void put(int i, double value) {
        values.setOpaque(i, Double.doubleToRawLongBits(value));
    }

    /** Stores {@code value} in slot {@code i}; only between {@link #begin} and {@link #end}. Writer thread. */
    void putLong(int i, long value) {
        values.setOpaque(i, value);
    }

    /** Completes a publication. Writer thread. */
    void end() {
        version.setRelease(version.getPlain() + 1);
    }

    /**
     * Copies one complete publication into {@code into} (raw long bits; doubles through
     * {@link Double#longBitsToDouble}). Any thread; spins only while the writer is inside a publication.
     */
    void read(long[] into) {
        while (true) {
            long before = version.getAcquire();
            if ((before & 1) == 0) {
                for (int i = 0; i < into.length; i++) {
                    into[i] = values.getOpaque(i);
                }
                VarHandle.acquireFence();
                if (version.getOpaque() == before) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }
}

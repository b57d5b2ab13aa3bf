package org.mixbench.analysis.spectrum;

import java.lang.invoke.VarHandle;

/**
 * Lock-free publication of mutable state from one writer (the analysis thread) to any number of readers: a sequence
 * counter that is odd while the writer changes the published fields (a "seqlock" without the lock). The writer never
 * waits and never allocates; a reader copies the fields and retries when the version moved while it copied.
 *
 * <p>Writer ({@link #beginWrite}, {@link #endWrite}): the analysis thread only. Readers ({@link #beginRead},
 * {@link #validate}): any thread.
 */
final class Publication {
    private volatile long version;

    /** Marks the published fields as being changed. Analysis thread; call {@link #endWrite} soon after. */
    void beginWrite() {
        version = version + 1;
        // keep the writes that follow from becoming visible before the odd version
        VarHandle.storeStoreFence();
    }

    /** Marks the published fields as consistent again (a volatile store: release). Analysis thread. */
    void endWrite() {
        version = version + 1;
    }

    /** The current version; even when no write is in progress. Any thread. */
    long version() {
        return version;
    }

    /** Waits (spinning, never blocking the writer) for a consistent state and returns its version. Any thread. */
    long beginRead() {
        int spins = 0;
        long v;
        while (((v = version) & 1) != 0) {
            if (++spins < 1000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return v;
    }

    /** True when nothing was written since {@link #beginRead} returned {@code v}, so the copy is consistent. */
    boolean validate(long v) {
        // keep the copying reads from moving after the version check
        VarHandle.acquireFence();
        return version == v;
    }
}

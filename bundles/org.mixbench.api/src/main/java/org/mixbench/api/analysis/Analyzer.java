package org.mixbench.api.analysis;

import org.mixbench.api.processor.AudioBlock;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A running measurement. It consumes blocks on one analysis thread and publishes what it has measured as an immutable
 * snapshot that any other thread may read at any time. Memory stays bounded however long the input is.
 *
 * @param <S> the snapshot type: immutable (a record of numbers and copied arrays)
 */
@ConsumerType
public interface Analyzer<S> {

    /**
     * Measures {@code block} (read only; the analyzer must not change the samples). Must not allocate, lock, log or
     * do I/O. Analysis thread (which may be the audio thread during playback).
     */
    void process(AudioBlock block);

    /**
     * The latest measurement, immutable and complete: safe to hand to another thread. Any thread; must not block the
     * analysis thread.
     */
    S snapshot();

    /** Forgets everything measured so far. Analysis thread. */
    void reset();
}

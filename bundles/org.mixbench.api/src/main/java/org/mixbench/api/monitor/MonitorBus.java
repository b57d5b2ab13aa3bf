package org.mixbench.api.monitor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The signal the user is listening to, shared between the transport that plays it and the views that measure it
 * (meters, scopes). A programme is one {@link #start}, the blocks {@link #write written} after it, and one
 * {@link #stop}; the bus hands them to its {@link MonitorListener}s on its own monitor thread, in that order and
 * sample for sample, except for blocks it had to drop because the ring was full.
 *
 * <p>Threads: one transport at a time. {@code start}, {@code write} and {@code stop} of a programme may run on
 * different threads (a transport thread and its audio thread) as long as each call happens-before the next (the
 * usual case: start, then start the audio thread; stop after the audio thread has finished or from it). The ring
 * has a single producer: never call {@code write} from two threads at once. {@link #subscribe} and
 * {@link #droppedFrames} are for any thread.
 */
@ProviderType
public interface MonitorBus {

    /**
     * Begins a programme of {@code channels} channels at {@code sampleRate} frames per second; {@code source} names
     * it for people ("demo.session.json"). A programme still running is stopped first. Transport thread, before the
     * first block; may allocate.
     *
     * @throws IllegalArgumentException for a sample rate that is not positive and finite, or a channel count the bus
     *                                  does not carry (every bus carries 1 and 2)
     */
    void start(String source, double sampleRate, int channels);

    /**
     * Copies the first {@code frames} frames of the programme's channels from {@code block} (planar, as rendered:
     * {@code block[c]} is channel {@code c}; a block with fewer arrays repeats its last one) into the bus's ring. If
     * the ring has no room for all of them the block is dropped whole and counted in {@link #droppedFrames()}; blocks
     * written while no programme runs are ignored. Audio thread: never blocks, never allocates, never throws.
     */
    void write(float[][] block, int frames);

    /**
     * Ends the programme: listeners are told after the last block written before this call. Nothing happens when no
     * programme runs. Transport thread (or the audio thread once it has written its last block); never blocks.
     */
    void stop();

    /** Frames dropped because the ring was full, since the bus was created. Any thread. */
    long droppedFrames();

    /**
     * Adds {@code listener}; closing the returned handle removes it (a call already running may still finish). A
     * listener added while a programme runs is told {@link MonitorListener#started} before its first block. Any
     * thread.
     */
    AutoCloseable subscribe(MonitorListener listener);
}

package org.mixbench.api.processor;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One running instance of an effect or mastering stage, created by a {@link ProcessorFactory}. It processes planar
 * float audio in place, block by block.
 *
 * <p>Lifecycle: created inactive; {@link #prepare} makes it active; {@link #release} makes it inactive again. While
 * active the audio thread calls {@link #process} and {@link #reset}; nothing else calls into it, so an implementation
 * needs no locks. Parameter changes reach it as events inside the block ({@link AudioBlock#events()}) and take effect
 * at their frame.
 */
@ConsumerType
public interface Processor {

    /**
     * Allocates everything processing needs for this sample rate, block size and channel count, and resets state.
     * May be called again with another spec after {@link #release}. Main thread, inactive; becomes active.
     */
    void prepare(ProcessSpec spec);

    /**
     * Processes {@code block} in place. Must cope with any {@link AudioBlock#frames()} from 0 to the prepared maximum,
     * must apply each parameter event at its frame, and must not allocate, lock, log, do I/O or touch a UI toolkit.
     * A processor that throws here, or outputs NaN or infinity, is bypassed by the host and reported.
     * Audio thread, active.
     */
    ProcessStatus process(AudioBlock block);

    /** Clears delay lines, envelopes and filter state, as at the start of a render. Audio thread, active. */
    void reset();

    /**
     * Frames by which the output lags the input (a look-ahead limiter's look-ahead, a linear-phase filter's delay).
     * The host compensates other paths by this much. Main thread, active, after {@link #prepare}.
     */
    default int latencyFrames() {
        return 0;
    }

    /**
     * Frames the output keeps sounding after the input falls silent (a reverb's decay), so that a render does not cut
     * it off; {@link Integer#MAX_VALUE} for an infinite tail. Main thread, active, after {@link #prepare}.
     */
    default int tailFrames() {
        return 0;
    }

    /** Current parameter values by stable id and any other state, as plain values. Main thread, inactive or active. */
    ProcessorState saveState();

    /**
     * Restores values saved by {@link #saveState}; unknown ids are ignored, missing ids keep their values and values
     * outside a range are clamped. Takes effect at once, without smoothing. Main thread, inactive.
     */
    void restoreState(ProcessorState state);

    /** Frees what {@link #prepare} allocated. Main thread, active; becomes inactive. */
    default void release() {
    }
}

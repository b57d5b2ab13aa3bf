package org.mixbench.api.processor;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a {@link Processor} that reduces gain (a compressor, each band of a multiband compressor, a limiter)
 * so that meters, the mastering report and its plots can read how much it is reducing. Meter {@code i} is one band
 * or one stage; a single-stage processor has one meter.
 *
 * <p>Threads: {@link #gainReductionMeters()} and {@link #gainReductionMeterName} are constant from {@link
 * Processor#prepare} on and may be called by any thread. {@link #gainReductionDb} is read by any thread (a meter's UI
 * thread, or the render thread between two blocks); the audio thread publishes it once per block with a volatile
 * write, so reading it takes no lock and allocates nothing.
 */
@ConsumerType
public interface GainReductionMeters {
    /** How many gain-reduction meters this processor has (1 for a single-band stage). Any thread. */
    int gainReductionMeters();

    /** The short label of meter {@code meter} as a user sees it ("Low", "Band 2", "Limiter"). Any thread. */
    String gainReductionMeterName(int meter);

    /**
     * The largest gain reduction of meter {@code meter} during the last processed block, in dB, 0 or more (6.0 means
     * the gain was at most -6 dB). Any thread.
     */
    double gainReductionDb(int meter);
}

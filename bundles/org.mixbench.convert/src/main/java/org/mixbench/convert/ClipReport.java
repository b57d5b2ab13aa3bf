package org.mixbench.convert;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link Ditherer} had to clamp since it was created or reset: clipping is never silent, this is how callers
 * find out. Immutable; any thread.
 *
 * @param clippedSamples samples (over all channels) whose value fell outside the output range and was clamped
 * @param firstClipFrame frame index, counted from the start of the stream, of the first clamped sample, or -1
 * @param peak           the largest magnitude of the input samples, before dither and clamping (1.0 is full scale)
 */
@ProviderType
public record ClipReport(long clippedSamples, long firstClipFrame, double peak) {
    /** A report of a stream in which nothing was clamped and whose peak was {@code peak}. */
    public static ClipReport none(double peak) {
        return new ClipReport(0, -1, peak);
    }

    /** Whether any sample was clamped. */
    public boolean clipped() {
        return clippedSamples > 0;
    }
}

package org.mixbench.api.processor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a processor is prepared for: the sample rate, the largest block it will be given and the number of planar
 * channels of that block. Immutable.
 *
 * @param sampleRate     frames per second, positive
 * @param maxBlockFrames the largest {@link AudioBlock#frames()} that {@code process} will see, positive
 * @param channels       the number of channels of every block, positive
 */
@ProviderType
public record ProcessSpec(double sampleRate, int maxBlockFrames, int channels) {
    /** Rejects values no host may pass. */
    public ProcessSpec {
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (maxBlockFrames <= 0) {
            throw new IllegalArgumentException("max block frames must be positive: " + maxBlockFrames);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be positive: " + channels);
        }
    }
}

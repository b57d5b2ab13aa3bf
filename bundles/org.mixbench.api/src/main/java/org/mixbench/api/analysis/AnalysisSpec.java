package org.mixbench.api.analysis;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What an analyzer is created for. Immutable.
 *
 * @param sampleRate     frames per second, positive
 * @param channels       channels of every block, positive
 * @param maxBlockFrames largest block it will be given, positive
 */
@ProviderType
public record AnalysisSpec(double sampleRate, int channels, int maxBlockFrames) {
    /** Rejects values no host may pass. */
    public AnalysisSpec {
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate) || channels <= 0 || maxBlockFrames <= 0) {
            throw new IllegalArgumentException("invalid analysis spec: " + sampleRate + " Hz, " + channels
                    + " channels, " + maxBlockFrames + " frames");
        }
    }
}

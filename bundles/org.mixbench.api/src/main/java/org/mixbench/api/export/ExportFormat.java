package org.mixbench.api.export;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The audio an exporter receives. Immutable.
 *
 * @param sampleRate     frames per second of the blocks, positive
 * @param channels       channels of every block, positive
 * @param expectedFrames frames that will be written if known in advance, else -1
 */
@ProviderType
public record ExportFormat(double sampleRate, int channels, long expectedFrames) {
    /** Rejects values no host may pass. */
    public ExportFormat {
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate) || channels <= 0 || expectedFrames < -1) {
            throw new IllegalArgumentException("invalid export format: " + sampleRate + " Hz, " + channels
                    + " channels");
        }
    }
}

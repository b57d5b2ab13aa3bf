package org.mixbench.api.processor;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An optional capability of a {@link Processor}: a key input that drives the processing (a compressor ducking the
 * bass under the kick, a gate keyed by a drum). Hosts that route a sidechain check for this interface.
 */
@ConsumerType
public interface SidechainInput {

    /**
     * Hands the key signal for the next {@code process} call: a block with the same frame count (any channel count),
     * or {@code null} to use the processor's own input again. The processor reads it during that call only and must
     * not keep it. Audio thread, active, right before {@code process}.
     */
    void sidechain(AudioBlock key);
}

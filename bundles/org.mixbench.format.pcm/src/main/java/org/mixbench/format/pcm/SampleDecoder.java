package org.mixbench.format.pcm;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How one format stores its samples, as {@link PcmStreamReader} needs it: the bytes of one sample in the file and
 * the decoding of interleaved frames into planar floats. Implemented by each format (WAV's and AIFF's sample
 * formats); implementations are immutable and are called on the reading thread.
 */
@ConsumerType
public interface SampleDecoder {
    /** Bytes one sample takes in the file (its word, or container); 1 or more. Any thread. */
    int bytesPerSample();

    /**
     * Decodes {@code frames} interleaved frames of {@code channels} samples from {@code src[0 ...]} into
     * {@code dst[c][offset ...]}. Reading thread; must allocate nothing.
     */
    void decode(byte[] src, int frames, int channels, float[][] dst, int offset);
}

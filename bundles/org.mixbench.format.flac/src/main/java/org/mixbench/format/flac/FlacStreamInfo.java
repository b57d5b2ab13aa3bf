package org.mixbench.format.flac;

/**
 * The STREAMINFO block: block sizes, sample rate, channels, bits per sample and total samples (0 when unknown).
 */
record FlacStreamInfo(int minBlockSize, int maxBlockSize, int sampleRate, int channels, int bitsPerSample,
        long totalSamples) {
}

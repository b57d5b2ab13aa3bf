package org.mixbench.mixing.engine;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where playback sends rendered audio: a sound card line, or a virtual sink in tests. Thread: the playback thread.
 */
@ConsumerType
public interface AudioSink extends AutoCloseable {

    /** Opens the sink for interleaved-free stereo floats at {@code sampleRate}. Playback thread. */
    void open(double sampleRate) throws Exception;

    /**
     * Plays {@code frames} frames of {@code stereo}; may block until the device has room (that is what paces
     * playback in real time). Playback thread.
     */
    void write(float[][] stereo, int frames) throws Exception;

    /** Stops and releases the device. */
    @Override
    void close();
}

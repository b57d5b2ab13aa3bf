package org.mixbench.api.audio;

import java.io.Closeable;
import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Streams the audio of one file as planar floats in [-1, 1), in constant memory whatever the length of the file.
 * Integer PCM is scaled by 2^-(bits-1) (so 16-bit -32768 reads as -1.0 exactly and round trips are bit-exact).
 * Thread: one reading thread at a time.
 */
@ConsumerType
public interface AudioReader extends Closeable {

    /** What the file holds; available as soon as the reader is open. */
    AudioFileInfo info();

    /**
     * Reads up to {@code frames} frames into {@code buffers[c][offset ...]} for each channel {@code c} and returns how
     * many it read, or -1 at the end of the audio. May read fewer than asked before the end. Bad content found while
     * reading is an {@link AudioFormatException}; a file that ends before its header said it would is one too.
     */
    int read(float[][] buffers, int offset, int frames) throws IOException;
}

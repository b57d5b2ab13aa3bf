package org.mixbench.api.export;

import java.io.Closeable;
import java.io.IOException;

import org.mixbench.api.processor.AudioBlock;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes one file, block by block. The host calls {@link #write} for every block, then {@link #close} once; after
 * an error it calls {@link #abort} instead and deletes the file.
 */
@ConsumerType
public interface ExportWriter extends Closeable {

    /** Encodes and writes {@code block} (read only). Export thread. */
    void write(AudioBlock block) throws IOException;

    /** Finishes the file (headers, sizes, seek tables) and closes it. Export thread. */
    @Override
    void close() throws IOException;

    /** Closes the file without finishing it after a failure; must not throw. Export thread. */
    void abort();
}

package org.mixbench.analysis;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Measures whole files in one streaming pass, in memory that does not grow with the file (apart from the loudness
 * histories the caller asks for). An OSGi service; each call runs on the calling thread and calls may run in
 * parallel.
 */
@ProviderType
public interface FileAnalyzer {

    /**
     * Analyses {@code file}. The loudness histories are sampled every {@code hopSeconds} (a multiple of 0.005);
     * {@code listener} (may be null) is told about progress on the calling thread. A file that cannot be read is an
     * {@link IOException} ({@link org.mixbench.api.audio.AudioFormatException} for bad content).
     *
     * @param name how the file is named in the result (the path as the user gave it)
     */
    FileAnalysis analyze(Path file, String name, double hopSeconds, Listener listener) throws IOException;

    /** Follows an analysis. */
    @ConsumerType
    @FunctionalInterface
    interface Listener {
        /** About ten times a second of wall time, and once at the end. Analysis thread; must return quickly. */
        void update(LiveReadings readings);

        /** Whether the caller wants the analysis stopped (it then ends with an {@link IOException}). */
        default boolean cancelled() {
            return false;
        }
    }
}

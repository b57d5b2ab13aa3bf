package org.mixbench.analysis;

import org.mixbench.analysis.internal.StreamingFileAnalyzer;
import org.mixbench.api.audio.AudioFiles;

/**
 * File analyzers outside a service registry: for tests and tools that hold an {@link AudioFiles} of their own.
 * Inside the product, use the {@link FileAnalyzer} service. Any thread.
 */
public final class FileAnalyzers {
    private FileAnalyzers() {
    }

    /** The analyzer the product registers (one streaming pass: loudness, true peak, spectrum, stereo) on {@code files}. */
    public static FileAnalyzer streaming(AudioFiles files) {
        return StreamingFileAnalyzer.using(files);
    }
}

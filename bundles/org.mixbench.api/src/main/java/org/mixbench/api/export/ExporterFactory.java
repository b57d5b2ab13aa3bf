package org.mixbench.api.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.mixbench.api.contribution.Descriptor;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A contributed file format, registered as an OSGi service with the descriptive properties plus
 * {@link org.mixbench.api.contribution.ContributionProperties#FORMAT} and
 * {@link org.mixbench.api.contribution.ContributionProperties#EXTENSION}. Holds no state; any thread.
 */
@ConsumerType
public interface ExporterFactory {

    /** Who this exporter is; must agree with the service properties. Any thread. */
    Descriptor descriptor();

    /** Short format id used on the command line, e.g. {@code "wav"}. Any thread. */
    String formatId();

    /** File extension without the dot, e.g. {@code "wav"}. Any thread. */
    String fileExtension();

    /** The options this format accepts. Any thread. */
    List<ExportOption> options();

    /**
     * Opens {@code file} (a temporary file the host created beside the final target, which it renames on success)
     * for writing audio of {@code format}, tagged with {@code tags} (keys of {@link org.mixbench.api.audio.Tags};
     * a format that cannot store a key ignores it). Options not given take their defaults; an unknown key or a value
     * outside {@link ExportOption#allowed()} is an {@link IllegalArgumentException} naming it. Samples reach the
     * writer as floats; a writer of integer PCM rounds to its word length and clamps, so the host quantises (with
     * dither) before writing when it wants dither. Export thread.
     */
    ExportWriter open(Path file, ExportFormat format, Map<String, String> options, Map<String, String> tags)
            throws IOException;
}

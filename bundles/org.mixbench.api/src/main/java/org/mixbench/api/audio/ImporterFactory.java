package org.mixbench.api.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.mixbench.api.contribution.Descriptor;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A contributed reader of one file format, registered as an OSGi service with the descriptive properties plus
 * {@code format}. The host asks every importer to {@link #probe} the first bytes of a file and opens it with the
 * most confident one, so a file is read by its content, never by its extension. Stateless; any thread.
 */
@ConsumerType
public interface ImporterFactory {

    /** The number of leading bytes the host passes to {@link #probe}. */
    int PROBE_BYTES = 4096;

    /** Who this importer is; must agree with the service properties. */
    Descriptor descriptor();

    /** Short format id, e.g. {@code "wav"}. */
    String formatId();

    /** Usual file extensions without the dot, for file dialogs only. */
    List<String> extensions();

    /**
     * How sure this importer is that a file starting with {@code head[0 .. length)} is in its format: 0 for "not
     * mine", up to 100 for a certain magic number. Must not throw. Any thread.
     */
    int probe(byte[] head, int length);

    /**
     * Opens {@code file} for streaming. Bad content is an {@link AudioFormatException} with a one-line message; an
     * unreadable file is another {@link IOException}. Reading thread.
     */
    AudioReader open(Path file) throws IOException;
}

package org.mixbench.api.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.processor.AudioBlock;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's audio file service: opens any file a registered importer understands, chosen by content, and exports
 * through the registered exporters atomically (a temporary file beside the target, renamed only when complete; a
 * failure leaves neither the target nor the temporary file). Any thread; each call is independent.
 */
@ProviderType
public interface AudioFiles {

    /**
     * Opens {@code file} with the importer most confident about its first bytes. A file no importer recognises, or
     * with bad content, is an {@link AudioFormatException} whose one-line message names the problem (not the file);
     * a missing or unreadable file is another {@link IOException}.
     */
    AudioReader open(Path file) throws IOException;

    /**
     * Writes {@code target} in format {@code formatId} ({@code "wav"}, {@code "flac"}, {@code "mp3"}) from the blocks
     * that {@code source} fills, atomically. An unknown format or option is an {@link IllegalArgumentException}.
     */
    void export(Path target, String formatId, ExportFormat format, Map<String, String> options,
            Map<String, String> tags, BlockSource source) throws IOException;

    /** Supplies the blocks of an export, in order. */
    @ConsumerType
    @FunctionalInterface
    interface BlockSource {
        /**
         * Fills {@code block} (sets its frame count) and returns {@code true}, or returns {@code false} at the end.
         * Export thread.
         */
        boolean next(AudioBlock block) throws IOException;
    }
}

package org.mixbench.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.export.ExporterFactory;
import org.mixbench.api.processor.AudioBlock;

/**
 * An {@link AudioFiles} over one importer and one exporter, for tests and benchmarks outside OSGi: it opens every
 * file with the importer and writes straight to the target (not atomically; the real service does that).
 */
public final class SingleFormatFiles implements AudioFiles {
    private final ImporterFactory importer;
    private final ExporterFactory exporter;

    /** Files read with {@code importer} and written with {@code exporter}. */
    public SingleFormatFiles(ImporterFactory importer, ExporterFactory exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    @Override
    public AudioReader open(Path file) throws IOException {
        return importer.open(file);
    }

    @Override
    public void export(Path target, String formatId, ExportFormat format, Map<String, String> options,
            Map<String, String> tags, BlockSource source) throws IOException {
        try (ExportWriter writer = exporter.open(target, format, options, tags)) {
            AudioBlock block = new AudioBlock(format.channels(), 4096, 0);
            while (source.next(block)) {
                writer.write(block);
            }
        }
    }
}

package org.mixbench.format.flac;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportOption;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.export.ExporterFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the FLAC exporter: 16 or 24 bits, compression levels 0 to 8 like the reference encoder's, Vorbis
 * comments for the tags.
 */
@Component(service = ExporterFactory.class, property = {"id=mixbench.export.flac", "name=FLAC",
    "category=Audio file", "vendor=Mixbench", "version=1.0.0", "format=flac", "extension=flac"})
public final class FlacExporterFactory implements ExporterFactory {
    private static final Descriptor DESCRIPTOR =
            new Descriptor("mixbench.export.flac", "FLAC", "Audio file", "Mixbench", "1.0.0");
    private static final List<ExportOption> OPTIONS = List.of(
            new ExportOption("bits", "bits per sample", "24", List.of("16", "24")),
            new ExportOption("compression", "compression level, 0 (fastest) to 8 (smallest)", "5",
                    List.of("0", "1", "2", "3", "4", "5", "6", "7", "8")));

    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String formatId() {
        return "flac";
    }

    @Override
    public String fileExtension() {
        return "flac";
    }

    @Override
    public List<ExportOption> options() {
        return OPTIONS;
    }

    @Override
    public ExportWriter open(Path file, ExportFormat format, Map<String, String> options, Map<String, String> tags)
            throws IOException {
        Map<String, String> values = ExportOption.resolve("flac", OPTIONS, options);
        return new FlacWriter(file, format, Integer.parseInt(values.get("bits")),
                Integer.parseInt(values.get("compression")), tags);
    }
}

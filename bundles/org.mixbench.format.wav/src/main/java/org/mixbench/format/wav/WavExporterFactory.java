package org.mixbench.format.wav;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mixbench.api.contribution.Descriptor;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportOption;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.export.ExporterFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the WAV exporter: 16, 24 or 32-bit PCM or 32-bit IEEE float ({@code bits}), a BWF {@code bext} chunk
 * and LIST/INFO tags, and RF64 sizes when the file passes 4 GiB ({@code rf64}).
 *
 * <p>The writer is our own rather than a library or {@code javax.sound}: the format is a few chunks of little-endian
 * integers, and what matters is streaming with exact control of memory (one 64 KiB buffer, whatever the length of
 * the export) and of the bytes written (EBU Tech 3306's reserved JUNK chunk, sizes patched at close). Stateless; any
 * thread.
 */
@Component(service = ExporterFactory.class, property = {
    "id=" + WavExporterFactory.ID, "name=WAV", "category=Audio file", "vendor=Mixbench", "version=1.0.0",
    "format=wav", "extension=wav"})
public final class WavExporterFactory implements ExporterFactory {
    /** Stable id. */
    public static final String ID = "mixbench.export.wav";

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "WAV", "Audio file", "Mixbench", "1.0.0");

    private final Clock clock;
    private final long riffLimit;

    /** Used by DS: the system clock dates the bext chunk, RF64 starts past 4 GiB. */
    public WavExporterFactory() {
        this(Clock.systemDefaultZone(), WavWriter.RIFF_LIMIT);
    }

    /** For tests: a fixed clock for the bext date, and a lower RIFF limit so RF64 can be tested without 4 GiB. */
    WavExporterFactory(Clock clock, long riffLimit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.riffLimit = riffLimit;
    }

    /** Who this exporter is. Any thread. */
    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    /** {@code "wav"}. Any thread. */
    @Override
    public String formatId() {
        return "wav";
    }

    /** {@code "wav"}. Any thread. */
    @Override
    public String fileExtension() {
        return "wav";
    }

    /** {@code bits} (16, 24, 32, 32f; default 24) and {@code rf64} (auto, always, never; default auto). Any thread. */
    @Override
    public List<ExportOption> options() {
        return WavOptions.OPTIONS;
    }

    /**
     * Creates {@code file} and writes its header; an unknown option or value is an IllegalArgumentException naming
     * it. Export thread.
     */
    @Override
    public ExportWriter open(Path file, ExportFormat format, Map<String, String> options, Map<String, String> tags)
            throws IOException {
        return new WavWriter(file, format, WavOptions.parse(options), tags, LocalDateTime.now(clock), riffLimit);
    }
}

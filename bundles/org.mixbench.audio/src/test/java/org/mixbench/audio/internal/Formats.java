package org.mixbench.audio.internal;

import java.util.Map;

import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.export.ExporterFactory;
import org.mixbench.format.aiff.AiffImporterFactory;
import org.mixbench.format.flac.FlacExporterFactory;
import org.mixbench.format.flac.FlacImporterFactory;
import org.mixbench.format.mp3.Mp3ExporterFactory;
import org.mixbench.format.mp3.Mp3ImporterFactory;
import org.mixbench.format.wav.WavExporterFactory;
import org.mixbench.format.wav.WavImporterFactory;
import org.mixbench.testkit.StaticRegistry;

/** A registry with every real format, as the product has it. */
final class Formats {
    private Formats() {
    }

    static StaticRegistry registry() {
        StaticRegistry r = new StaticRegistry();
        for (ImporterFactory i : new ImporterFactory[] {new WavImporterFactory(), new AiffImporterFactory(),
            new FlacImporterFactory(), new Mp3ImporterFactory()}) {
            r.add(ContributionKind.IMPORTER, i.descriptor(), i, Map.of("format", i.formatId()));
        }
        for (ExporterFactory e : new ExporterFactory[] {new WavExporterFactory(), new FlacExporterFactory(),
            new Mp3ExporterFactory()}) {
            r.add(ContributionKind.EXPORTER, e.descriptor(), e, Map.of("format", e.formatId(), "extension",
                    e.fileExtension()));
        }
        return r;
    }
}

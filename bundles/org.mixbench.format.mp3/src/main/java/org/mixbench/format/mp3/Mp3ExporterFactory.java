package org.mixbench.format.mp3;

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
 * Contributes the MP3 exporter: CBR at a bit rate or VBR at a LAME quality (-V), joint stereo, LAME's high
 * algorithm quality (-q 2), gapless LAME tag, ID3v2.4 tags.
 */
@Component(service = ExporterFactory.class, property = {"id=mixbench.export.mp3", "name=MP3",
    "category=Audio file", "vendor=Mixbench", "version=1.0.0", "format=mp3", "extension=mp3"})
public final class Mp3ExporterFactory implements ExporterFactory {
    private static final Descriptor DESCRIPTOR =
            new Descriptor("mixbench.export.mp3", "MP3", "Audio file", "Mixbench", "1.0.0");
    private static final List<ExportOption> OPTIONS = List.of(
            new ExportOption("mode", "cbr (constant bit rate) or vbr (variable, by quality)", "cbr",
                    List.of("cbr", "vbr")),
            new ExportOption("bitrate", "kbit/s for cbr", "320",
                    List.of("96", "112", "128", "160", "192", "224", "256", "320")),
            new ExportOption("quality", "LAME VBR quality for vbr, 0 (best) to 9", "0",
                    List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")));

    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String formatId() {
        return "mp3";
    }

    @Override
    public String fileExtension() {
        return "mp3";
    }

    @Override
    public List<ExportOption> options() {
        return OPTIONS;
    }

    @Override
    public ExportWriter open(Path file, ExportFormat format, Map<String, String> options, Map<String, String> tags)
            throws IOException {
        Map<String, String> values = ExportOption.resolve("mp3", OPTIONS, options);
        List<String> lame = values.get("mode").equals("cbr")
                ? List.of("-b", values.get("bitrate"), "--cbr", "-q", "2")
                : List.of("-V", values.get("quality"), "--vbr-new", "-q", "2");
        return new Mp3Writer(file, format, lame, tags);
    }
}

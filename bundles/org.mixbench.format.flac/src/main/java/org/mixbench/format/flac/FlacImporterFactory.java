package org.mixbench.format.flac;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.contribution.Descriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the FLAC importer. Our own decoder: the FLAC decoder on Maven Central (jflac 1.5.2) hangs on some
 * files and cannot decode the 32-bit streams that flac 1.4 writes, and a streaming decoder with bounded memory and
 * checked CRCs is a few hundred lines.
 */
@Component(service = ImporterFactory.class, property = {"id=mixbench.import.flac", "name=FLAC",
    "category=Audio file", "vendor=Mixbench", "version=1.0.0", "format=flac"})
public final class FlacImporterFactory implements ImporterFactory {
    private static final Descriptor DESCRIPTOR =
            new Descriptor("mixbench.import.flac", "FLAC", "Audio file", "Mixbench", "1.0.0");

    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String formatId() {
        return "flac";
    }

    @Override
    public List<String> extensions() {
        return List.of("flac");
    }

    @Override
    public int probe(byte[] head, int length) {
        if (length >= 4 && head[0] == 'f' && head[1] == 'L' && head[2] == 'a' && head[3] == 'C') {
            return 100;
        }
        if (length >= 10 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            int size = (head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F);
            int at = 10 + size + ((head[5] & 0x10) != 0 ? 10 : 0);
            if (at + 4 <= length && head[at] == 'f' && head[at + 1] == 'L' && head[at + 2] == 'a'
                    && head[at + 3] == 'C') {
                return 100;
            }
        }
        return 0;
    }

    @Override
    public AudioReader open(Path file) throws IOException {
        return new FlacReader(file);
    }
}

package org.mixbench.format.mp3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.contribution.Descriptor;
import org.osgi.service.component.annotations.Component;

/** Contributes the MP3 importer (MPEG-1, 2 and 2.5 Layer III; gapless with a LAME tag). */
@Component(service = ImporterFactory.class, property = {"id=mixbench.import.mp3", "name=MP3",
    "category=Audio file", "vendor=Mixbench", "version=1.0.0", "format=mp3"})
public final class Mp3ImporterFactory implements ImporterFactory {
    private static final Descriptor DESCRIPTOR =
            new Descriptor("mixbench.import.mp3", "MP3", "Audio file", "Mixbench", "1.0.0");

    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public String formatId() {
        return "mp3";
    }

    @Override
    public List<String> extensions() {
        return List.of("mp3");
    }

    @Override
    public int probe(byte[] head, int length) {
        byte[] window = java.util.Arrays.copyOf(head, Math.max(0, length));
        if (Id3v2.tagSize(window) > 0) {
            // an ID3v2 tag: MP3 most likely, unless another importer sees its own magic behind it
            return 50;
        }
        MpegFrameHeader first = MpegFrameHeader.parse(window, 0, length);
        if (first != null) {
            MpegFrameHeader next = MpegFrameHeader.parse(window, first.frameLength(), length);
            return next != null ? 90 : first.frameLength() >= length ? 30 : 0;
        }
        return 0;
    }

    @Override
    public AudioReader open(Path file) throws IOException {
        return new Mp3Reader(file);
    }
}

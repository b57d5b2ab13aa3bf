package org.mixbench.format.aiff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.contribution.Descriptor;
import org.mixbench.format.pcm.ChunkText;
import org.mixbench.format.pcm.PcmStreamReader;
import org.osgi.service.component.annotations.Component;

/**
 * Contributes the AIFF importer: FORM/AIFF and FORM/AIFC files with big-endian PCM of 8 to 32 bits (AIFF, AIFF-C
 * {@code NONE} and {@code twos}), little-endian PCM ({@code sowt}) and big-endian IEEE float ({@code fl32},
 * {@code fl64}); NAME, AUTH, ANNO and {@code (c) } become the tags title, artist, comment and copyright.
 *
 * <p>The reader is our own rather than a library or {@code javax.sound}: the format is a few chunks of big-endian
 * integers and one 80-bit float, and what matters is streaming with exact control of memory (one 64 KiB buffer,
 * whatever the file's length, every size from a header bounded before it is used) and of validation (a one-line
 * message with the byte offset for every kind of bad input). Stateless; any thread.
 */
@Component(service = ImporterFactory.class, property = {
    "id=" + AiffImporterFactory.ID, "name=AIFF", "category=Audio file", "vendor=Mixbench", "version=1.0.0",
    "format=aiff"})
public final class AiffImporterFactory implements ImporterFactory {
    /** Stable id. */
    public static final String ID = "mixbench.import.aiff";

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "AIFF", "Audio file", "Mixbench", "1.0.0");

    /** Used by DS, and by tests. */
    public AiffImporterFactory() {
    }

    /** Who this importer is. Any thread. */
    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    /** {@code "aiff"}. Any thread. */
    @Override
    public String formatId() {
        return "aiff";
    }

    /** The extensions AIFF and AIFF-C files use. Any thread. */
    @Override
    public List<String> extensions() {
        return List.of("aiff", "aif", "aifc");
    }

    /** 100 for FORM with form type AIFF or AIFC, 0 otherwise. Any thread. */
    @Override
    public int probe(byte[] head, int length) {
        if (head == null || length < 12 || head.length < 12) {
            return 0;
        }
        String type = ChunkText.id(head, 8);
        return ChunkText.id(head, 0).equals("FORM") && (type.equals("AIFF") || type.equals("AIFC")) ? 100 : 0;
    }

    /**
     * Opens {@code file} for streaming through one 64 KiB buffer, or one frame of up to 256 KiB if a frame is larger
     * ({@link PcmStreamReader}); bad content is an AudioFormatException. The header is parsed and validated here
     * ({@link AiffParser}): an SSND chunk that ends before the samples COMM announced is refused now, and a file that
     * shrinks while it is read is an AudioFormatException when reading reaches the missing part. Reading thread.
     */
    @Override
    public AudioReader open(Path file) throws IOException {
        return PcmStreamReader.open(file, channel -> {
            AiffParser.Layout layout = AiffParser.parse(channel);
            return new PcmStreamReader(channel, layout.info(), layout.sampleFormat(), layout.dataOffset(),
                    layout.frames(), AiffImporterFactory::truncated);
        });
    }

    /** The message for a file that ends inside the samples of its SSND chunk. */
    private static String truncated(long end, long dataOffset, long dataBytes) {
        return "the file ends at byte " + end + ", inside the " + dataBytes + " bytes of samples that start at offset "
                + dataOffset;
    }
}

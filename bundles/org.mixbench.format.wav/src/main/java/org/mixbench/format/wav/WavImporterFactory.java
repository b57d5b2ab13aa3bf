package org.mixbench.format.wav;

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
 * Contributes the WAV importer: RIFF/WAVE, RF64 and BW64 files with PCM 8 (unsigned), 16, 24 and 32-bit, IEEE float
 * 32 and 64-bit, and WAVE_FORMAT_EXTENSIBLE with the PCM and float subformats (valid bits honoured); BWF {@code bext}
 * fields and LIST/INFO become tags.
 *
 * <p>The reader is our own rather than a library or {@code javax.sound}: the format is a few chunks of little-endian
 * integers, and what matters is streaming with exact control of memory (one 64 KiB buffer, whatever the file's
 * length, every size from a header bounded before it is used) and of validation (a one-line message with the byte
 * offset for every kind of bad input). Stateless; any thread.
 */
@Component(service = ImporterFactory.class, property = {
    "id=" + WavImporterFactory.ID, "name=WAV", "category=Audio file", "vendor=Mixbench", "version=1.0.0",
    "format=wav"})
public final class WavImporterFactory implements ImporterFactory {
    /** Stable id. */
    public static final String ID = "mixbench.import.wav";

    private static final Descriptor DESCRIPTOR = new Descriptor(ID, "WAV", "Audio file", "Mixbench", "1.0.0");

    /** Used by DS, and by tests. */
    public WavImporterFactory() {
    }

    /** Who this importer is. Any thread. */
    @Override
    public Descriptor descriptor() {
        return DESCRIPTOR;
    }

    /** {@code "wav"}. Any thread. */
    @Override
    public String formatId() {
        return "wav";
    }

    /** The extensions WAV files and their 64-bit variants use. Any thread. */
    @Override
    public List<String> extensions() {
        return List.of("wav", "wave", "bwf", "rf64", "bw64");
    }

    /** 100 for RIFF, RF64 or BW64 with form type WAVE, 0 otherwise. Any thread. */
    @Override
    public int probe(byte[] head, int length) {
        if (head == null || length < 12 || head.length < 12) {
            return 0;
        }
        String magic = ChunkText.id(head, 0);
        boolean riff = magic.equals("RIFF") || magic.equals("RF64") || magic.equals("BW64");
        return riff && ChunkText.id(head, 8).equals("WAVE") ? 100 : 0;
    }

    /**
     * Opens {@code file} for streaming through one 64 KiB buffer ({@link PcmStreamReader}); bad content is an
     * AudioFormatException. The header is parsed and validated here ({@link WavParser}): a data chunk that ends before
     * the size it announced is refused now, and a file that shrinks while it is read is an AudioFormatException when
     * reading reaches the missing part. A partial frame at the end of the data chunk (a size that is not a multiple
     * of the block align) is not audio and is not read. Reading thread.
     */
    @Override
    public AudioReader open(Path file) throws IOException {
        return PcmStreamReader.open(file, channel -> {
            WavParser.Layout layout = WavParser.parse(channel);
            return new PcmStreamReader(channel, layout.info(), layout.sampleFormat(), layout.dataOffset(),
                    layout.frames(), WavImporterFactory::truncated);
        });
    }

    /** The message for a file that ends inside the samples of its data chunk, whose header is the 8 bytes before. */
    private static String truncated(long end, long dataOffset, long dataBytes) {
        return "the data chunk at offset " + (dataOffset - 8) + " ends at byte " + end + ", before the " + dataBytes
                + " bytes of samples it announced";
    }
}

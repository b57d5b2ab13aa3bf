package org.mixbench.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.audio.Tags;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportOption;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.export.ExporterFactory;
import org.mixbench.api.processor.AudioBlock;

/**
 * The contract every {@link ExporterFactory} keeps. Extend it, return the exporter, an importer that reads its files,
 * and the option sets to test (each a map of options with a bit depth for lossless formats).
 *
 * <p>Checked: blocks of any size (including 0) make a file the importer reads back with the same frame count (exact
 * for lossless formats, bit-exact samples when the input is already on the output's word grid), the supported tags
 * survive, and an unknown option is refused with {@link IllegalArgumentException}.
 */
public abstract class AbstractExporterContractTest {
    @TempDir
    protected Path folder;

    /** The exporter under test. */
    protected abstract ExporterFactory exporter();

    /** An importer that reads what the exporter writes. */
    protected abstract ImporterFactory importer();

    /** Option sets to test, each with the bits per sample the file will hold (0 for a lossy format). */
    protected abstract Map<Map<String, String>, Integer> optionSets();

    /** Tag keys of {@link Tags} the format stores and the importer reads back. */
    protected List<String> supportedTags() {
        return Tags.all();
    }

    /** Program material already on the grid of {@code bits} (no grid for 0 or 32-bit float). */
    protected static float[][] material(int channels, int frames, double rate, int bits) {
        float[][] x = Signals.program(channels, frames, rate, 11);
        if (bits > 0 && bits < 32) {
            double scale = Math.pow(2, bits - 1);
            for (float[] channel : x) {
                for (int i = 0; i < channel.length; i++) {
                    channel[i] = (float) (Math.rint(channel[i] * scale) / scale);
                }
            }
        }
        return x;
    }

    /** Writes {@code audio} with the exporter in ragged blocks and returns the file. */
    protected Path write(String name, float[][] audio, double rate, Map<String, String> options,
            Map<String, String> tags) throws Exception {
        Path file = folder.resolve(name + "." + exporter().fileExtension());
        int frames = audio[0].length;
        int[] sizes = {0, 1, 1000, 4096, 17, 4096, 333};
        try (ExportWriter writer = exporter().open(file, new ExportFormat(rate, audio.length, frames), options, tags)) {
            AudioBlock block = new AudioBlock(audio.length, 4096, 0);
            int pos = 0;
            int k = 0;
            while (pos < frames) {
                int n = Math.min(sizes[k++ % sizes.length], frames - pos);
                for (int c = 0; c < audio.length; c++) {
                    System.arraycopy(audio[c], pos, block.channel(c), 0, n);
                }
                block.setFrames(n);
                writer.write(block);
                pos += n;
            }
        }
        return file;
    }

    @Test
    public void writesFilesItsImporterReadsBackWithTheSameAudio() throws Exception {
        int index = 0;
        for (Map.Entry<Map<String, String>, Integer> set : optionSets().entrySet()) {
            int bits = set.getValue();
            float[][] audio = material(2, 44_100, 44_100, bits);
            Path file = write("roundtrip" + index++, audio, 44_100, set.getKey(), Map.of());
            byte[] head = Files.readAllBytes(file);
            int length = Math.min(head.length, ImporterFactory.PROBE_BYTES);
            assertTrue(importer().probe(head, length) > 0, "the importer does not recognise " + set.getKey());
            try (AudioReader reader = importer().open(file)) {
                assertEquals(2, reader.info().channels());
                assertEquals(44_100, reader.info().sampleRate(), 0.0);
                float[][] back = AbstractImporterContractTest.readFully(reader);
                if (bits > 0) {
                    assertEquals(audio[0].length, back[0].length, "frames of " + set.getKey());
                    for (int c = 0; c < 2; c++) {
                        for (int i = 0; i < audio[c].length; i++) {
                            if (audio[c][i] != back[c][i]) {
                                throw new AssertionError(set.getKey() + ": not bit-exact at channel " + c + " frame "
                                        + i + ": " + audio[c][i] + " != " + back[c][i]);
                            }
                        }
                    }
                } else {
                    assertTrue(Math.abs(back[0].length - audio[0].length) < 4_608,
                            "a lossy file may add at most codec padding: " + back[0].length);
                }
            }
        }
    }

    @Test
    public void keepsTheSupportedTags() throws Exception {
        Map<String, String> tags = new HashMap<>();
        tags.put(Tags.TITLE, "Überstunde (Mix 2)");
        tags.put(Tags.ARTIST, "The Testers");
        tags.put(Tags.ALBUM, "Contract Songs");
        tags.put(Tags.TRACK, "3");
        tags.put(Tags.YEAR, "2026");
        tags.put(Tags.ISRC, "GBAYE2600001");
        tags.put(Tags.COMMENT, "mastered by the contract test");
        Map<String, String> options = optionSets().keySet().iterator().next();
        Path file = write("tagged", material(2, 4_410, 44_100, 16), 44_100, options, tags);
        try (AudioReader reader = importer().open(file)) {
            for (String key : supportedTags()) {
                assertEquals(tags.get(key), reader.info().tags().get(key), "tag " + key);
            }
        }
    }

    @Test
    public void refusesAnUnknownOption() {
        assertThrows(IllegalArgumentException.class, () -> exporter().open(folder.resolve("x." + exporter()
                .fileExtension()), new ExportFormat(44_100, 2, -1), Map.of("no-such-option", "1"), Map.of()));
    }

    @Test
    public void describesItsOptions() {
        List<ExportOption> options = exporter().options();
        assertFalse(exporter().formatId().isBlank());
        assertFalse(exporter().fileExtension().startsWith("."));
        for (ExportOption o : options) {
            assertFalse(o.description().isBlank(), o.key() + " has no description");
        }
    }
}

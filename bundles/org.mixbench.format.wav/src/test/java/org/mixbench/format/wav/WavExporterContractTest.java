package org.mixbench.format.wav;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.export.ExporterFactory;
import org.mixbench.testkit.AbstractExporterContractTest;

/**
 * The exporter contract for each sample format, read back by our WAV importer.
 *
 * <p>The grid values: 16 and 24 put the material on those grids. The test kit's {@code material()} leaves the
 * floats as they are for 32, which is what 32-bit float needs (it is lossless for any float). A 32-bit integer file
 * cannot hold every float (a float below 2^-8 has bits below 2^-31), so its set uses the 24-bit grid, which it holds
 * exactly; {@link WavWriterTest} checks separately that every value on the 32-bit grid survives.
 */
class WavExporterContractTest extends AbstractExporterContractTest {
    @Override
    protected ExporterFactory exporter() {
        return new WavExporterFactory();
    }

    @Override
    protected ImporterFactory importer() {
        return new WavImporterFactory();
    }

    @Override
    protected Map<Map<String, String>, Integer> optionSets() {
        Map<Map<String, String>, Integer> sets = new LinkedHashMap<>();
        sets.put(Map.of("bits", "16"), 16);
        sets.put(Map.of("bits", "24"), 24);
        sets.put(Map.of("bits", "32"), 24);
        sets.put(Map.of("bits", "32f"), 32);
        sets.put(Map.of("bits", "24", "rf64", "always"), 24);
        sets.put(Map.of("bits", "16", "rf64", "never"), 16);
        return sets;
    }
}

package org.mixbench.format.flac;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.export.ExporterFactory;
import org.mixbench.testkit.AbstractExporterContractTest;

class FlacExporterContractTest extends AbstractExporterContractTest {
    @Override
    protected ExporterFactory exporter() {
        return new FlacExporterFactory();
    }

    @Override
    protected ImporterFactory importer() {
        return new FlacImporterFactory();
    }

    @Override
    protected Map<Map<String, String>, Integer> optionSets() {
        Map<Map<String, String>, Integer> sets = new LinkedHashMap<>();
        sets.put(Map.of("bits", "16"), 16);
        sets.put(Map.of("bits", "24", "compression", "0"), 24);
        sets.put(Map.of("bits", "24", "compression", "8"), 24);
        sets.put(Map.of("bits", "16", "compression", "3"), 16);
        return sets;
    }
}

package org.mixbench.format.mp3;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.export.ExporterFactory;
import org.mixbench.testkit.AbstractExporterContractTest;

class Mp3ExporterContractTest extends AbstractExporterContractTest {
    @Override
    protected ExporterFactory exporter() {
        return new Mp3ExporterFactory();
    }

    @Override
    protected ImporterFactory importer() {
        return new Mp3ImporterFactory();
    }

    @Override
    protected Map<Map<String, String>, Integer> optionSets() {
        Map<Map<String, String>, Integer> sets = new LinkedHashMap<>();
        sets.put(Map.of(), 0);
        sets.put(Map.of("mode", "vbr", "quality", "2"), 0);
        sets.put(Map.of("mode", "cbr", "bitrate", "128"), 0);
        return sets;
    }
}

package org.mixbench.format.wav;

import java.nio.file.Path;
import java.util.List;

import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.testkit.AbstractImporterContractTest;

/**
 * The importer contract, including 1500 mutations of each file, over every WAV variant: our writer's 16, 24, 32-bit
 * and 32-bit float files, and byte-built 8-bit unsigned, 64-bit float, extensible 20-in-24-bit, an odd-sized chunk
 * before the data with LIST/INFO after it, RF64 with ds64, and bext with LIST/INFO.
 */
class WavImporterContractTest extends AbstractImporterContractTest {
    @Override
    protected ImporterFactory factory() {
        return new WavImporterFactory();
    }

    @Override
    protected List<Path> writeValidFiles(Path dir) throws Exception {
        return TestFiles.all(dir);
    }
}

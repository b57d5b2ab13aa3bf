package org.mixbench.format.aiff;

import java.nio.file.Path;
import java.util.List;

import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.testkit.AbstractImporterContractTest;

/**
 * The importer contract, including 1500 mutations of each file, over every AIFF variant: sox's AIFF of 8, 16, 24 and
 * 32 bits, AIFF-C NONE, fl32 and fl64, ffmpeg's sowt and 24-bit AIFF, and a hand-made AIFF-C 'twos' with text
 * chunks, an odd-sized chunk, an SSND offset and COMM after SSND.
 */
class AiffImporterContractTest extends AbstractImporterContractTest {
    @Override
    protected ImporterFactory factory() {
        return new AiffImporterFactory();
    }

    @Override
    protected List<Path> writeValidFiles(Path dir) throws Exception {
        return AiffTestFiles.all(dir);
    }
}

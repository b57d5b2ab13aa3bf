package org.mixbench.format.mp3;

import org.mixbench.testkit.ReferenceTools;
import java.nio.file.Path;
import java.util.List;

import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.testkit.AbstractImporterContractTest;

class Mp3ContractTest extends AbstractImporterContractTest {
    @Override
    protected ImporterFactory factory() {
        return new Mp3ImporterFactory();
    }

    @Override
    protected List<Path> writeValidFiles(Path dir) throws Exception {
        Path wav = ReferenceTools.soxTone(dir, "t", 44_100, 2, 16, 0.3);
        Path cbr = dir.resolve("cbr.mp3");
        ReferenceTools.run(List.of("lame", "--silent", "-b", "192", "--tt", "Contract", "--ta", "Tester", wav.toString(),
                cbr.toString()));
        Path vbr = dir.resolve("vbr.mp3");
        Path mono = ReferenceTools.soxTone(dir, "m", 22_050, 1, 16, 0.3);
        ReferenceTools.run(List.of("lame", "--silent", "-V", "4", mono.toString(), vbr.toString()));
        return List.of(cbr, vbr);
    }

    @Override
    protected int mutationsPerFile() {
        return 1000;
    }
}

package org.mixbench.format.flac;

import org.mixbench.testkit.ReferenceTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.testkit.AbstractImporterContractTest;

class FlacImporterContractTest extends AbstractImporterContractTest {
    @Override
    protected ImporterFactory factory() {
        return new FlacImporterFactory();
    }

    @Override
    protected List<Path> writeValidFiles(Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        Path wav16 = ReferenceTools.soxTone(dir, "s16", 44_100, 2, 16, 0.1);
        Path wav24 = ReferenceTools.soxTone(dir, "s24", 48_000, 1, 24, 0.1);
        Path f1 = dir.resolve("a.flac");
        ReferenceTools.run(List.of("flac", "-s", "-f", "-8", "--tag=TITLE=Contract", wav16.toString(), "-o", f1.toString()));
        Path f2 = dir.resolve("b.flac");
        ReferenceTools.run(List.of("flac", "-s", "-f", "-0", "-b", "192", wav24.toString(), "-o", f2.toString()));
        files.add(f1);
        files.add(f2);
        return files;
    }

    @Override
    protected int mutationsPerFile() {
        return 1500;
    }
}

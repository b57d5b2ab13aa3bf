package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.product.ProcessRunner.Result;

/**
 * Only the launcher ends the process: a bundle calling {@code System.exit} or {@code Runtime.halt} is refused with
 * an exception and the command goes on to its own status. The product here is the installed one plus a bundle
 * whose activator makes both calls from a thread of its own ({@link ExitProbeActivator}).
 */
class ExitGuardProcessTest {
    @TempDir
    static Path home;

    /** A product folder: the installed bundles and configuration (linked), plus the exit probe bundle. */
    @BeforeAll
    static void productWithAnExitingBundle() throws IOException {
        Path product = ProductFiles.product();
        Path bundles = Files.createDirectories(home.resolve("bundle"));
        try (Stream<Path> jars = Files.list(product.resolve("bundle"))) {
            for (Path jar : jars.toList()) {
                Files.createSymbolicLink(bundles.resolve(jar.getFileName()), jar);
            }
        }
        Files.createSymbolicLink(home.resolve("conf"), product.resolve("conf"));
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "exit.probe");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", ExitProbeActivator.class.getName());
        main.putValue("Import-Package", "org.osgi.framework");
        String entry = ExitProbeActivator.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(bundles.resolve("zz-exit-probe.jar"));
                JarOutputStream jar = new JarOutputStream(file, manifest);
                InputStream bytes = ExitProbeActivator.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            bytes.transferTo(jar);
            jar.closeEntry();
        }
    }

    private static Result run(String... args) throws Exception {
        Path temporary = Files.createDirectories(home.resolve("tmp"));
        return ProcessRunner.run(home, List.of("-Dmixbench.plugins=" + home.resolve("plugins"),
                "-Djava.io.tmpdir=" + temporary), Map.of(), false, args);
    }

    private static void assertRefused(Result r) {
        assertTrue(r.err().contains("exit probe: System.exit refused: called System.exit(0); only Mixbench itself "
                + "may end the process"), r.err());
        assertTrue(r.err().contains("exit probe: Runtime.halt refused: called Runtime.halt(0); only Mixbench "
                + "itself may end the process"), r.err());
    }

    @Test
    void aBundleCallingSystemExitIsRefusedAndTheCommandEndsWithItsOwnStatus() throws Exception {
        Result help = run("--help");
        assertRefused(help);
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().contains("Commands:"), "the command went on: " + help.out());
        assertTrue(help.err().lines().allMatch(line -> line.startsWith("exit probe: ")),
                "nothing else on standard error, not the JDK's warnings about the security manager: " + help.err());

        Result unknown = run("nosuchcommand");
        assertRefused(unknown);
        assertEquals(2, unknown.status(), unknown.err());
        assertTrue(unknown.err().contains("mixbench: unknown command 'nosuchcommand'"), unknown.err());
    }
}

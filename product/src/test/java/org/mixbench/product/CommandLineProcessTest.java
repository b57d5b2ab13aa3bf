package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixbench.product.ProcessRunner.Result;

/** The installed product's command line, run as a separate process the way a user runs it. */
class CommandLineProcessTest {

    private static Result run(String... args) throws Exception {
        return ProcessRunner.run(Map.of(), false, args);
    }

    private static void assertOneLineError(Result r, String expectedStart) {
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "exactly one line on stderr: " + r.err());
        assertTrue(r.err().startsWith(expectedStart), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void pluginsListsEveryContributionWithBundleAndVersion() throws Exception {
        Result r = run("plugins");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("Processors (13)"), r.out());
        assertTrue(r.out().matches("(?s).*mixbench\\.limiter\\s+True-Peak Limiter\\s+Mastering\\s+1\\.0\\.0\\s+"
                + "org\\.mixbench\\.processors\\.limiter 0\\.1\\.0.*"), r.out());
        assertTrue(r.out().contains("mixbench.multiband") && r.out().contains("mixbench.mastering-eq"), r.out());
        assertTrue(r.out().matches("(?s).*mixbench\\.imager\\s+Stereo Imager\\s+Mastering\\s+1\\.0\\.0\\s+"
                + "org\\.mixbench\\.processors\\.mastering 0\\.1\\.0.*"), r.out());
        assertTrue(r.out().matches("(?s).*mixbench\\.gain\\s+Gain\\s+Utility\\s+1\\.0\\.0\\s+org\\.mixbench\\.processors\\.basic 0\\.1\\.0.*"),
                r.out());
        assertTrue(r.out().contains("mixbench.view.processors"), r.out());
        assertTrue(r.out().contains("Exporters (3)") && r.out().contains("Importers (4)"), r.out());
        assertTrue(r.out().contains("mixbench.export.flac") && r.out().contains("mixbench.import.mp3"), r.out());
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Result r = run("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("plugins") && r.out().contains("workbench"), r.out());
        assertTrue(r.out().contains("master") && r.out().contains("targets"), r.out());
    }

    @Test
    void anUnknownCommandIsOneLineAndStatusTwo() throws Exception {
        assertOneLineError(run("frobnicate"), "mixbench: unknown command 'frobnicate'");
    }

    @Test
    void aBadArgumentIsOneLineAndStatusTwo() throws Exception {
        assertOneLineError(run("plugins", "--colour"), "mixbench plugins: unknown argument '--colour'");
        assertOneLineError(run("workbench", "--perspective", "nowhere"), "mixbench workbench: --perspective");
    }

    @Test
    void withoutADisplayTheWindowCommandSaysSoAndPrintsHelp() throws Exception {
        Result r = run();
        assertOneLineError(r, "mixbench: no display");
        assertTrue(r.out().contains("Usage: ./mixbench"), r.out());
    }

    @Test
    void aMissingProductFolderIsOneLine() throws Exception {
        Result r = ProcessRunner.run(java.nio.file.Paths.get("/nonexistent/mixbench"), Map.of(), false, "plugins");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("/nonexistent/mixbench: not a Mixbench product"), r.err());
    }
}

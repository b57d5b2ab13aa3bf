package org.mixbench.mixing.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.command.UsageException;

class DemoOutputsTest {
    @TempDir
    Path dir;

    @Test
    void theDemoWritesIntoANewOrEmptyFolderOrAnEarlierDemosButNotAmongOtherFiles() throws Exception {
        assertDoesNotThrow(() -> DemoCommand.demoOutputs(dir.resolve("new")).check());
        assertDoesNotThrow(() -> DemoCommand.demoOutputs(Files.createDirectory(dir.resolve("empty"))).check());
        Path earlier = Files.createDirectory(dir.resolve("earlier"));
        Files.writeString(earlier.resolve("demo.session.json"), "{}");
        Files.writeString(earlier.resolve("mix.wav"), "old");
        assertDoesNotThrow(() -> DemoCommand.demoOutputs(earlier).check());
        Path music = Files.createDirectory(dir.resolve("music"));
        Files.writeString(music.resolve("mix.wav"), "somebody's mix");
        UsageException e = assertThrows(UsageException.class, () -> DemoCommand.demoOutputs(music).check());
        assertTrue(e.getMessage().endsWith("the folder holds other files and no earlier demo; give an empty or new "
                + "folder with --out"), e.getMessage());
    }
}

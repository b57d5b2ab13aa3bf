package org.mixbench.format.pcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader refuses what is not a regular file before opening it, saying what it is (named pipes, which would block
 * the open, are tested through every importer in org.mixbench.audio's NotARegularFileTest).
 */
class RegularFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFolderAndADeviceAreRefusedSayingWhatTheyAre() throws Exception {
        IOException folder = assertThrows(IOException.class,
                () -> PcmStreamReader.open(dir, channel -> fail("the folder was opened")));
        assertEquals("not a regular file (a folder)", folder.getMessage());
        IOException device = assertThrows(IOException.class,
                () -> PcmStreamReader.open(Path.of("/dev/zero"), channel -> fail("the device was opened")));
        assertEquals("not a regular file (a device)", device.getMessage());
    }

    @Test
    void aMissingFileIsNoSuchFileNotSomethingElse() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> PcmStreamReader.open(dir.resolve("x.wav"), channel -> fail("a missing file was opened")));
        assertEquals("no such file", e.getReason());
    }
}

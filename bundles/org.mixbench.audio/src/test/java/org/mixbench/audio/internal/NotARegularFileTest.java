package org.mixbench.audio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixbench.api.audio.ImporterFactory;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.export.ExportFormat;

/**
 * Every importer, {@code info} and {@code convert} refuse a named pipe, a folder or a device at once, naming the file and what it is,
 * instead of hanging on the pipe until killed; {@code convert} never renames its output over one of them.
 */
class NotARegularFileTest {
    @TempDir
    Path dir;

    private final RegistryAudioFiles files = new RegistryAudioFiles(Formats.registry());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path pipe;

    private CommandContext context() {
        return new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir, false);
    }

    private Path mkfifo(String name) throws IOException, InterruptedException {
        pipe = dir.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor(), "mkfifo");
        return pipe;
    }

    /** Releases a reader that a regression left blocked on the pipe: opening it read-write never blocks on Linux. */
    @AfterEach
    void releaseThePipe() throws IOException {
        if (pipe != null && Files.exists(pipe)) {
            FileChannel.open(pipe, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "aiff", "flac", "mp3"})
    void everyImporterRefusesAPipeAtOnceWithoutOpeningIt(String format) throws Exception {
        mkfifo("pipe." + format);
        ImporterFactory importer = Formats.registry().find(ContributionKind.IMPORTER, "mixbench.import." + format,
                ImporterFactory.class).orElseThrow();
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IOException.class,
                () -> importer.open(pipe).close()));
        assertEquals("not a regular file (a named pipe)", e.getMessage());
    }

    @Test
    void infoRefusesAPipeAFolderAndADeviceAtOnceSayingWhatEachIs() throws Exception {
        mkfifo("pipe.wav");
        Files.createDirectory(dir.resolve("folder.wav"));
        int status = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new InfoCommand(files).run(
                List.of("missing.wav", "pipe.wav", "folder.wav", "/dev/zero"), context()));
        assertEquals(2, status);
        assertEquals("""
                mixbench info: missing.wav: no such file
                mixbench info: pipe.wav: not a regular file (a named pipe)
                mixbench info: folder.wav: not a regular file (a folder)
                mixbench info: /dev/zero: not a regular file (a device)
                """, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void convertRefusesAPipeAsItsInputAtOnce() throws Exception {
        mkfifo("pipe.wav");
        UsageException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                UsageException.class, () -> new ConvertCommand(files, Formats.registry()).run(
                        List.of("pipe.wav", "-o", "out.flac"), context())));
        assertEquals("pipe.wav: not a regular file (a named pipe)", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("out.flac")));
    }

    @Test
    void convertNeverRenamesItsOutputOverAFolderOrAPipe() throws Exception {
        Path input = dir.resolve("in.wav");
        int[] calls = {0};
        files.export(input, "wav", new ExportFormat(48_000, 2, 4800), Map.of(), Map.of(), block -> {
            block.setFrames(4800);
            return calls[0]++ == 0;
        });
        Path folder = Files.createDirectory(dir.resolve("out.wav"));
        UsageException e = assertThrows(UsageException.class, () -> new ConvertCommand(files, Formats.registry())
                .run(List.of("in.wav", "-o", "out.wav"), context()));
        assertEquals("out.wav: not a regular file (a folder)", e.getMessage());
        assertTrue(Files.isDirectory(folder), "the folder was replaced");
        mkfifo("out.flac");
        e = assertThrows(UsageException.class, () -> new ConvertCommand(files, Formats.registry())
                .run(List.of("in.wav", "-o", "out.flac"), context()));
        assertEquals("out.flac: not a regular file (a named pipe)", e.getMessage());
        assertTrue(Files.readAttributes(pipe, BasicFileAttributes.class).isOther(), "the pipe was replaced");
    }
}

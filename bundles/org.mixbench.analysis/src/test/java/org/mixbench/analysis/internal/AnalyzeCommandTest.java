package org.mixbench.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.command.CommandContext;

/** What {@code analyze} refuses, and what it writes where. */
class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path pipe;

    private int analyze(String... arguments) throws Exception {
        return new AnalyzeCommand(new StreamingFileAnalyzer(WavOnlyFiles.files())).run(List.of(arguments),
                new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), dir, false));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Releases a reader that a regression left blocked on the pipe: opening it read-write never blocks on Linux. */
    @AfterEach
    void releaseThePipe() throws IOException {
        if (pipe != null && Files.exists(pipe)) {
            FileChannel.open(pipe, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
        }
    }

    @Test
    void aNamedPipeAmongTheInputsIsRefusedAtOnceAndTheOthersAreStillMeasured() throws Exception {
        pipe = dir.resolve("pipe.wav");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor(), "mkfifo");
        WavOnlyFiles.write(dir.resolve("tone.wav"), new float[2][4800], 48_000);
        int status = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> analyze("pipe.wav", "tone.wav"));
        assertEquals(2, status);
        assertEquals("mixbench analyze: pipe.wav: not a regular file (a named pipe)\n", err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("tone.wav"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFileTheMetersCannotMeasureIsOneLineInWordsWithoutJavaNames() throws Exception {
        WavOnlyFiles.write(dir.resolve("low.wav"), new float[1][4000], 4000);
        assertEquals(2, analyze("low.wav"));
        assertEquals("mixbench analyze: low.wav: failed: sample rate must be within 8 to 384 kHz: 4000.0\n", err());
    }

    @Test
    void aFileNameWithControlCharactersIsPrintedEscapedInTheTableTheJsonAndTheErrors() throws Exception {
        String name = "n\u001b[2J\u009b.wav";
        WavOnlyFiles.write(dir.resolve(name), new float[1][4800], 48_000);
        assertEquals(0, analyze(name));
        assertEquals(0, analyze(name, "--json"));
        assertEquals(2, analyze("missing\u001b[2J.wav"));
        String printed = out.toString(StandardCharsets.UTF_8) + err();
        for (char c : printed.toCharArray()) {
            assertTrue(c == '\n' || (c >= 0x20 && c < 0x7f) || c > 0x9f,
                    String.format("control character U+%04X printed in:%n%s", (int) c, printed));
        }
        assertTrue(printed.contains("\nn\\x1b[2J\\x9b.wav "), printed);
        assertTrue(printed.contains("\"file\": \"n\\u001b[2J\\u009b.wav\""), printed);
        assertTrue(printed.contains("mixbench analyze: missing\\x1b[2J.wav: no such file"), printed);
    }
}

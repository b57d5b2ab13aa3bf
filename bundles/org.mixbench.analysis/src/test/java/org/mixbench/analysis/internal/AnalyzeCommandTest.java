package org.mixbench.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.UsageException;

/** What {@code analyze} refuses, and what it writes where. */
class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path pipe;

    private final AtomicInteger analysed = new AtomicInteger();

    private int analyze(String... arguments) throws Exception {
        StreamingFileAnalyzer analyzer = new StreamingFileAnalyzer(WavOnlyFiles.files());
        return new AnalyzeCommand((file, name, hop, listener) -> {
            analysed.incrementAndGet();
            return analyzer.analyze(file, name, hop, listener);
        }).run(List.of(arguments),
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

    private List<String> plots() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("plots"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void tone(String name, double hz) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        float[][] x = new float[1][48_000];
        for (int i = 0; i < x[0].length; i++) {
            x[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / 48_000));
        }
        WavOnlyFiles.write(dir.resolve(name), x, 48_000);
    }

    @Test
    void inputsOfOneNameInDifferentFoldersGetPlotsNamedAfterTheirFolders() throws Exception {
        tone("a/drums.wav", 100);
        tone("b/drums.wav", 5000);
        tone("c/Bass.wav", 200);
        tone("d/bass.wav", 300);
        tone("solo.wav", 400);
        assertEquals(0, analyze("a/drums.wav", "b/drums.wav", "c/Bass.wav", "d/bass.wav", "solo.wav", "--plot",
                "plots"));
        assertEquals(List.of("a_drums.wav.loudness.png", "a_drums.wav.spectrum.png", "b_drums.wav.loudness.png",
                "b_drums.wav.spectrum.png", "c_Bass.wav.loudness.png", "c_Bass.wav.spectrum.png",
                "d_bass.wav.loudness.png", "d_bass.wav.spectrum.png", "solo.wav.loudness.png",
                "solo.wav.spectrum.png"), plots());
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("plots/a_drums.wav.spectrum.png")),
                Files.readAllBytes(dir.resolve("plots/b_drums.wav.spectrum.png"))), "one plot written twice");
    }

    @Test
    void aPlotThatWouldReplaceAnInputIsRefusedBeforeAnyWork() throws Exception {
        tone("a.wav", 100);
        tone("plots/a.wav.loudness.png", 200);
        byte[] input = Files.readAllBytes(dir.resolve("plots/a.wav.loudness.png"));
        UsageException e = assertThrows(UsageException.class,
                () -> analyze("a.wav", "plots/a.wav.loudness.png", "--plot", "plots"));
        assertEquals("plots/a.wav.loudness.png: this run reads that file; writing it would destroy it, so nothing "
                + "was done; choose another output", e.getMessage());
        assertArrayEquals(input, Files.readAllBytes(dir.resolve("plots/a.wav.loudness.png")));
        assertEquals(0, analysed.get(), "files analysed before the refusal");
    }

    @Test
    void inputsThatNoFolderTellsApartAreRefusedBeforeAnyWork() throws Exception {
        tone("x/Drums.wav", 100);
        tone("x/drums.wav", 200);
        UsageException e = assertThrows(UsageException.class,
                () -> analyze("x/Drums.wav", "x/drums.wav", "--plot", "plots"));
        assertEquals("--plot: x/Drums.wav and x/drums.wav would get plots of the same name; rename one of them or "
                + "plot them in two runs", e.getMessage());
        assertEquals(0, analysed.get(), "files analysed before the refusal");
        assertFalse(Files.exists(dir.resolve("plots")));
    }

    @Test
    void theUsagePointsToTheJsonContractInTheRepositoryWhichNamesEveryKeyTheReportWrites() throws Exception {
        assertTrue(new AnalyzeCommand(null).usage().contains("docs/analysis-json.md"));
        String contract = Files.readString(Path.of("../../docs/analysis-json.md"));
        tone("a.wav", 1000);
        analyze("a.wav", "--json");
        Matcher keys = Pattern.compile("\"(\\w+)\": ").matcher(out.toString(StandardCharsets.UTF_8));
        Set<String> found = new HashSet<>();
        while (keys.find()) {
            found.add(keys.group(1));
            assertTrue(contract.contains("| `" + keys.group(1) + "` |"), keys.group(1) + " is not documented");
        }
        assertEquals(21, found.size(), "distinct keys written: " + found);
    }
}

package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.product.ProcessRunner.Result;

/**
 * The framework cache every run keeps in the temporary folder ({@code mixbench-felix-PID-RANDOM}) goes away however
 * the run ends: on its own, by SIGTERM or SIGINT, and, for runs killed outright, at the next start. Each test gives
 * the product a private {@code java.io.tmpdir} so that runs of other tests do not count.
 */
class FrameworkCacheProcessTest {
    @TempDir
    Path tmp;

    /** A stereo 16-bit WAV of about three hours of silence; sparse, so it costs no disk. */
    private static Path longWav(Path dir) throws IOException {
        Path wav = dir.resolve("long.wav");
        long data = 2_000_000_000L;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + data))
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 2).putInt(48_000).putInt(48_000 * 4).putShort((short) 4).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) data);
        try (RandomAccessFile file = new RandomAccessFile(wav.toFile(), "rw")) {
            file.write(header.array());
            file.setLength(44 + data);
        }
        return wav;
    }

    private static List<String> caches(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("mixbench-felix-"))
                    .sorted().toList();
        }
    }

    /**
     * Starts {@code analyze} of a long file, waits until the command runs, sends {@code signal} and returns the
     * exit status. The signals are reset to their defaults for the product, as in a terminal, whatever this JVM was
     * started with (a JVM does not catch a SIGINT that was ignored when it started).
     */
    private int analyzeThenSignal(String signal) throws Exception {
        Path temporary = Files.createDirectories(tmp.resolve("tmp"));
        Path wav = longWav(tmp);
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT,TERM",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmixbench.home=" + ProductFiles.product(), "-Djava.io.tmpdir=" + temporary,
                "-cp", ProductFiles.product().resolve("lib") + "/*", "org.mixbench.launch.Main", "analyze",
                wav.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("DISPLAY");
        builder.environment().put("MIXBENCH_TIMING", "1");
        Process process = builder.start();
        try {
            StringBuilder err = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null && !line.contains("command started")) {
                    err.append(line).append('\n');
                }
                assertTrue(line != null, "the command never started: " + err);
                assertTrue(process.isAlive(), "analyze of three hours ended too soon to be interrupted");
                String pid = Long.toString(process.pid());
                assertEquals(1, caches(temporary).size(), "the running product has its cache: " + caches(temporary));
                Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
                assertEquals(0, kill.waitFor(), "kill -" + signal);
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the run did not end on SIG" + signal);
            }
            assertEquals(List.of(), caches(temporary), "framework cache left after SIG" + signal);
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aRunStoppedBySigtermLeavesNoFrameworkCache() throws Exception {
        assertEquals(128 + 15, analyzeThenSignal("TERM"));
    }

    @Test
    void aRunStoppedBySigintLeavesNoFrameworkCache() throws Exception {
        assertEquals(128 + 2, analyzeThenSignal("INT"));
    }

    @Test
    void aStartDeletesTheCachesOfDeadRunsOnlyAndKeepsEverythingElse() throws Exception {
        Path temporary = Files.createDirectories(tmp.resolve("tmp"));
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        long dead = finished.pid();
        long live = ProcessHandle.current().pid();

        Path deadCache = Files.createDirectories(temporary.resolve("mixbench-felix-" + dead + "-4711"));
        Files.writeString(Files.createDirectories(deadCache.resolve("bundle1")).resolve("bundle.info"), "x");
        Path liveCache = Files.createDirectories(temporary.resolve("mixbench-felix-" + live + "-4712"));
        Files.writeString(liveCache.resolve("keep"), "x");
        Path oldStale = Files.createDirectories(temporary.resolve("mixbench-felix-8123456789012345678"));
        Files.writeString(oldStale.resolve("cache.lock"), "x");
        Files.setLastModifiedTime(oldStale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path oldRecent = Files.createDirectories(temporary.resolve("mixbench-felix-8123456789012345679"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("precious"), "x");
        Path link = Files.createSymbolicLink(temporary.resolve("mixbench-felix-" + dead + "-4713"), outside);
        Path plainFile = Files.writeString(temporary.resolve("mixbench-felix-" + dead + "-4714"), "x");
        Path otherName = Files.createDirectories(temporary.resolve("mixbench-felix-" + dead + "-4715.bak"));
        Path otherPrefix = Files.createDirectories(temporary.resolve("mixbench-felixx-" + dead + "-4716"));
        Path words = Files.createDirectories(temporary.resolve("mixbench-felix-notes"));

        Result r = ProcessRunner.run(ProductFiles.product(), List.of("-Djava.io.tmpdir=" + temporary), Map.of(),
                false, "--help");

        assertEquals(0, r.status(), r.err());
        assertFalse(Files.exists(deadCache), "the cache of a dead run is deleted");
        assertFalse(Files.exists(oldStale), "an old-style cache unchanged for two days is deleted");
        for (Path kept : List.of(liveCache.resolve("keep"), oldRecent, link, outside.resolve("precious"), plainFile,
                otherName, otherPrefix, words)) {
            assertTrue(Files.exists(kept), "kept: " + tmp.relativize(kept));
        }
        assertEquals(List.of(link, liveCache, oldRecent, plainFile, otherName, words).stream()
                .map(p -> p.getFileName().toString()).sorted().toList(), caches(temporary),
                "nothing else is left, not even this run's own cache");
    }
}

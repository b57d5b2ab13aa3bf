package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.product.ProcessRunner.Result;

/**
 * The abuse suite: the installed product run as a user, and as an attacker, would run it. Hostile sessions (ids,
 * values, paths), outputs pointed at inputs, pipes, a kill during a write, and faulty processor bundles (throw, NaN,
 * Error, exit, hang, out of memory, latent). Each case asserts one clean line, the right status, and that nothing was
 * written or lost: every file in the folder keeps its bytes, and only declared outputs appear.
 */
class AbuseProcessTest {
    @TempDir
    Path dir;
    private Path plugins;

    @BeforeEach
    void clipsAndPlugins() throws Exception {
        Files.createDirectories(dir.resolve("clips"));
        tool("sox", "-n", "-r", "48000", "-c", "2", "-b", "24", dir.resolve("clips/drums.wav").toString(), "synth",
                "1", "sine", "220", "gain", "-12");
        tool("sox", "-n", "-r", "48000", "-c", "1", "-b", "24", dir.resolve("clips/bass.wav").toString(), "synth",
                "1", "square", "55", "gain", "-18");
        plugins = Files.createDirectories(dir.resolve("plugins"));
        try (Stream<Path> built = Files.list(Paths.get(System.getProperty("mixbench.testPlugins")))) {
            Path jar = built.filter(p -> p.getFileName().toString().startsWith("com.example.misbehaving"))
                    .findFirst().orElseThrow(() -> new AssertionError("the misbehaving bundle was not built"));
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
    }

    private Result mixbench(String... args) throws Exception {
        return ProcessRunner.run(ProductFiles.product(), List.of("-Dmixbench.cwd=" + dir,
                "-Dmixbench.plugins=" + plugins, "-Dmixbench.processor.timeout=2"), Map.of(), false, args);
    }

    private static String tool(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
        return out;
    }

    /** Every regular file under the folder (plugins aside) with the hash of its bytes. */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).filter(p -> !p.startsWith(plugins)).toList()) {
                files.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(p))));
            }
        }
        return files;
    }

    /** A session with the two clips on tracks {@code ids[0]} and {@code ids[1]} and {@code extra} JSON per track. */
    private Path session(String name, String firstId, String secondId, String firstStripJson) throws Exception {
        String json = "{\"format\": \"mixbench-session\", \"version\": 1, \"sample_rate\": 48000, \"tracks\": ["
                + "{\"id\": " + firstId + ", \"clips\": [{\"file\": \"clips/drums.wav\"}], \"strip\": "
                + firstStripJson + "}, "
                + "{\"id\": " + secondId + ", \"clips\": [{\"file\": \"clips/bass.wav\"}]}]}";
        return Files.writeString(dir.resolve(name), json);
    }

    private Path session(String name) throws Exception {
        return session(name, "\"drums\"", "\"bass\"", "{}");
    }

    /** One line on stderr, no Java class names or stack frames, the given status. */
    private static void assertClean(Result r, int status, String start) {
        assertEquals(status, r.status(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith(start), "expected '" + start + "' but was: " + r.err());
        assertFalse(r.err().matches("(?s).*(Exception|java\\.|org\\.mixbench\\.|\tat ).*"), r.err());
    }

    /** A refused run: one line, status 2, and every file as it was, no file added. */
    private void assertRefused(String start, String... args) throws Exception {
        Map<String, String> before = snapshot();
        Result r = mixbench(args);
        assertClean(r, 2, start);
        assertEquals(before, snapshot(), "a refused run writes nothing and changes nothing: " + r.err());
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().contains(".partial")), "no temporary left");
        }
    }

    @Test
    void stemsAimedAtTheClipsFolderAreRefusedBeforeAnyWorkAndTheClipsSurvive() throws Exception {
        session("s.json");
        assertRefused("mixbench mix: clips/drums.wav: this run reads it (a clip of track 'drums'); writing it would "
                + "destroy it", "mix", "s.json", "-o", "out.wav", "--stems", "clips");
        assertRefused("mixbench mix: ./clips/drums.wav: this run reads it", "mix", "s.json", "-o", "out.wav",
                "--stems", "./clips/");
    }

    @Test
    void anOutputThatIsAnInputByNameOrThroughALinkIsRefused() throws Exception {
        session("s.json");
        Files.copy(dir.resolve("s.json"), dir.resolve("s.wav"));
        Files.createSymbolicLink(dir.resolve("link.wav"), dir.resolve("clips/bass.wav"));
        Files.createLink(dir.resolve("hard.wav"), dir.resolve("clips/drums.wav"));
        Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("clips"));
        assertRefused("mixbench mix: clips/drums.wav: this run reads it", "mix", "s.json", "-o", "clips/drums.wav");
        assertRefused("mixbench mix: s.wav: this run reads it (the session)", "mix", "s.wav", "-o", "s.wav");
        assertRefused("mixbench mix: link.wav: this run reads it", "mix", "s.json", "-o", "link.wav");
        assertRefused("mixbench mix: hard.wav: this run reads it", "mix", "s.json", "-o", "hard.wav");
        assertRefused("mixbench mix: linked/bass.wav: this run reads it", "mix", "s.json", "-o", "linked/bass.wav");
    }

    @Test
    void hostileIdsBecomeSafeNamesInsideTheStemsFolderAndCollisionsAreRefused() throws Exception {
        session("escape.json", "\"../../x\"", "\"/\"", "{}");
        Result r = mixbench("mix", "escape.json", "-o", "out.wav", "--stems", "stems");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("wrote stem of '../../x' as stems/_.._x.wav"), r.out());
        assertTrue(r.out().contains("wrote stem of '/' as stems/_.wav"), r.out());
        try (Stream<Path> stems = Files.list(dir.resolve("stems"))) {
            assertEquals(List.of("_.._x.wav", "_.wav"), stems.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
        assertFalse(Files.exists(dir.getParent().resolve("x.wav")) || Files.exists(dir.resolve("x.wav"))
                || Files.exists(Paths.get("/.wav")), "nothing outside the stems folder");
        session("dot.json", "\"x\"", "\"./x\"", "{}");
        Result dots = mixbench("mix", "dot.json", "-o", "dot.wav", "--stems", "dots");
        assertEquals(0, dots.status(), dots.err());
        assertTrue(Files.exists(dir.resolve("dots/x.wav")) && Files.exists(dir.resolve("dots/_x.wav")),
                "x and ./x are two files: " + dots.out());
        session("clash.json", "\"a/b\"", "\"a:b\"", "{}");
        assertRefused("mixbench mix: 'a/b' and 'a:b' would both be written to a_b.wav", "mix", "clash.json", "-o",
                "clash.wav", "--stems", "clash");
        session("case.json", "\"Bass\"", "\"bass\"", "{}");
        assertRefused("mixbench mix: 'Bass' and 'bass' would both be written to bass.wav", "mix", "case.json", "-o",
                "case.wav", "--stems", "case");
        session("nul.json", "\"a\\u0000b\"", "\"b\"", "{}");
        assertRefused("mixbench mix: nul.json: tracks[0].id: contains a control character", "mix", "nul.json", "-o",
                "nul.wav", "--stems", "nul");
    }

    @Test
    void hostileValuesAreRefusedWithTheirPathAndNothingIsWritten() throws Exception {
        String[][] cases = {
            {"{\"fader_db\": 1e400}", "tracks[0].strip.fader_db: infinity is not a finite number"},
            {"{\"fader_db\": 500}", "tracks[0].strip.fader_db: 500 is outside -144..12 dB"},
            {"{\"inserts\": [null]}", "tracks[0].strip.inserts[0]: null instead of an insert"},
            {"{\"inserts\": [{\"processor\": \"mixbench.gain\", \"parameters\": {\"gain\": 1e9}}]}",
                "tracks[0].strip.inserts[0].parameters.gain: 1000000000 is outside the range of insert 0 'Gain'"},
        };
        for (String[] c : cases) {
            session("v.json", "\"drums\"", "\"bass\"", c[0]);
            assertRefused("mixbench mix: v.json: " + c[1], "mix", "v.json", "-o", "v.wav");
        }
        Files.writeString(dir.resolve("days.json"), "{\"format\": \"mixbench-session\", \"version\": 1, "
                + "\"sample_rate\": 48000, \"tracks\": [{\"id\": \"a\", \"clips\": [{\"file\": \"clips/drums.wav\", "
                + "\"position\": 259200}]}]}");
        assertRefused("mixbench mix: days.json: tracks[0].clips[0].position: 259200 is outside 0..86400 s", "mix",
                "days.json", "-o", "days.wav");
        Files.writeString(dir.resolve("noformat.json"), "{\"version\": 1, \"sample_rate\": 48000}");
        assertRefused("mixbench mix: noformat.json: not a Mixbench session (no \"format\" field)", "mix",
                "noformat.json", "-o", "nf.wav");
        // More hostile values, one by one, in SessionFilesTest (the same reader, without a process per case).
    }

    @Test
    void pipesFoldersAndDevicesAreRefusedAtOnceNotWaitedOn() throws Exception {
        session("s.json");
        tool("mkfifo", dir.resolve("pipe.json").toString());
        tool("mkfifo", dir.resolve("pipe.wav").toString());
        Files.createDirectories(dir.resolve("folder.wav"));
        assertRefused("mixbench mix: pipe.json: not a regular file", "mix", "pipe.json", "-o", "p.wav");
        Files.writeString(dir.resolve("clip-pipe.json"), "{\"format\": \"mixbench-session\", \"version\": 1, "
                + "\"sample_rate\": 48000, \"tracks\": [{\"id\": \"a\", \"clips\": [{\"file\": \"pipe.wav\"}]}, "
                + "{\"id\": \"b\", \"clips\": [{\"file\": \"folder.wav\"}]}]}");
        assertRefused("mixbench mix: clip-pipe.json: track a: pipe.wav is not a regular file", "mix",
                "clip-pipe.json", "-o", "cp.wav");
        for (String command : new String[] {"info", "analyze"}) {
            Result r = mixbench(command, "pipe.wav");
            assertEquals(2, r.status(), command + ": " + r.err());
            assertTrue(r.err().contains("not a regular file"), command + ": " + r.err());
        }
        Result convert = mixbench("convert", "pipe.wav", "-o", "c.flac");
        assertEquals(2, convert.status(), convert.err());
        assertTrue(convert.err().contains("not a regular file"), convert.err());
        assertRefused("mixbench mix: folder.wav: exists and is not a regular file", "mix", "s.json", "-o", "folder.wav");
    }

    @Test
    void aKillDuringAWriteNeverLeavesAPartFileUnderTheFinalName() throws Exception {
        tool("sox", "-n", "-r", "48000", "-c", "2", "-b", "24", dir.resolve("clips/long.wav").toString(), "synth",
                "300", "pinknoise", "gain", "-20");
        Files.writeString(dir.resolve("long.json"), "{\"format\": \"mixbench-session\", \"version\": 1, "
                + "\"sample_rate\": 48000, \"tracks\": [{\"id\": \"a\", \"clips\": [{\"file\": \"clips/long.wav\"}],"
                + " \"strip\": {\"inserts\": [{\"processor\": \"mixbench.saturation\"}]}}]}");
        for (String signal : new String[] {"TERM", "INT"}) {
            Process p = start("mix", "long.json", "-o", "long.wav", "--threads", "1");
            waitForPartial(p);
            tool("kill", "-" + signal, String.valueOf(p.pid()));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run ends on SIG" + signal);
            assertFalse(Files.exists(dir.resolve("long.wav")), "no output under its final name after SIG" + signal);
            try (Stream<Path> all = Files.list(dir)) {
                assertTrue(all.noneMatch(f -> f.getFileName().toString().contains(".partial")),
                        "SIG" + signal + " removes the temporary file too");
            }
        }
        Process p = start("mix", "long.json", "-o", "long.wav", "--threads", "1");
        waitForPartial(p);
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(dir.resolve("long.wav")), "SIGKILL: nothing under the final name either");
    }

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dmixbench.home=" + ProductFiles.product(), "-Dmixbench.cwd=" + dir,
                "-Dmixbench.plugins=" + plugins, "-cp", ProductFiles.product().resolve("lib") + "/*",
                "org.mixbench.launch.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        builder.environment().remove("DISPLAY");
        return builder.start();
    }

    private void waitForPartial(Process p) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            try (Stream<Path> all = Files.list(dir)) {
                if (all.anyMatch(f -> f.getFileName().toString().contains(".partial"))) {
                    return;
                }
            }
            assertTrue(p.isAlive(), "the render ended before it could be interrupted: " + Files.readString(dir
                    .resolve("run.log")));
            Thread.sleep(20);
        }
        throw new AssertionError("no temporary file appeared");
    }

    @Test
    void faultyProcessorsAreBypassedAndNamedAndTheMixGoesOn() throws Exception {
        String[][] cases = {
            {"throws", "'Throws' (com.example.misbehaving.throws) failed in process: a bug in the processor"},
            {"nan", "'NaN Maker' (com.example.misbehaving.nan) produced NaN or infinity"},
            {"error", "'Error Thrower' (com.example.misbehaving.error) failed in process: a broken invariant"},
            {"exit", "'Exiter' (com.example.misbehaving.exit) failed in process: "},
            {"oom", "'Memory Hog' (com.example.misbehaving.oom) failed while preparing: ran out of memory"},
        };
        session("clean.json");
        Result clean = mixbench("mix", "clean.json", "-o", "clean.wav");
        assertEquals(0, clean.status(), clean.err());
        for (String[] c : cases) {
            session(c[0] + ".json", "\"drums\"", "\"bass\"", "{\"inserts\": [{\"processor\": "
                    + "\"com.example.misbehaving." + c[0] + "\"}]}");
            Result r = mixbench("mix", c[0] + ".json", "-o", c[0] + ".wav");
            assertClean(r, 0, "warning: track drums: insert 0 " + c[1]);
            assertTrue(r.out().startsWith("wrote " + c[0] + ".wav"), r.out());
            assertTrue(Files.size(dir.resolve(c[0] + ".wav")) > 100_000, c[0]);
        }
    }

    @Test
    void aLatentProcessorThatFailsLeavesItsTrackInTime() throws Exception {
        session("clean.json");
        session("latent.json", "\"drums\"", "\"bass\"", "{\"inserts\": [{\"processor\": "
                + "\"com.example.misbehaving.latent-throws\"}, {\"processor\": \"mixbench.gain\"}]}");
        Result clean = mixbench("mix", "clean.json", "-o", "clean.wav", "--bits", "32f");
        Result latent = mixbench("mix", "latent.json", "-o", "latent.wav", "--bits", "32f");
        assertEquals(0, clean.status(), clean.err());
        assertClean(latent, 0, "warning: track drums: insert 0 'Latent Thrower'");
        String stats = tool("sox", "-m", "-v", "1", dir.resolve("clean.wav").toString(), "-v", "-1",
                dir.resolve("latent.wav").toString(), "-n", "stats");
        assertTrue(stats.matches("(?s).*Pk lev dB\\s+-inf.*"), "the same mix, sample for sample: " + stats);
    }

    @Test
    void aProcessorThatNeverReturnsIsNamedAndTheRenderEndsWithStatusOneAndNoOutput() throws Exception {
        session("hang.json", "\"drums\"", "\"bass\"", "{\"inserts\": [{\"processor\": "
                + "\"com.example.misbehaving.hang\"}]}");
        long t0 = System.nanoTime();
        Result r = mixbench("mix", "hang.json", "-o", "hang.wav");
        assertClean(r, 1, "mixbench mix: failed: track drums: insert 0 'Hanger' (com.example.misbehaving.hang) in "
                + "process has not returned for 2.");
        assertTrue((System.nanoTime() - t0) / 1e9 < 30, "stopped soon after the deadline");
        try (Stream<Path> all = Files.list(dir)) {
            assertTrue(all.noneMatch(f -> f.getFileName().toString().startsWith("hang.wav")
                    || f.getFileName().toString().startsWith(".hang.wav")), "no output and no temporary file");
        }
    }
}

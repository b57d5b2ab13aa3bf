package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.product.ProcessRunner.Result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code master} in the installed product: delivered files meet their targets by ffmpeg's own meter, lossy masters
 * keep their ceiling after decoding, other tools read every format back, failures give status 3 with the reason,
 * bad input gives status 2 with nothing written, and an interrupted master leaves nothing under a final name.
 */
class MasterProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Result mixbench(String... args) throws Exception {
        return ProcessRunner.run(ProductFiles.product(), List.of("-Dmixbench.cwd=" + dir), Map.of(), false, args);
    }

    private static String tool(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
        return out;
    }

    /** A 20 s stereo mix-like input made by sox: pink noise and a low tone, with a slow tremolo for dynamics. */
    @BeforeEach
    void input() throws Exception {
        tool("sox", "-n", "-r", "48000", "-c", "2", "-b", "24", dir.resolve("song.wav").toString(), "synth", "20",
                "pinknoise", "sine", "80", "tremolo", "0.5", "60", "gain", "-18");
    }

    /** ffmpeg's ebur128 filter on {@code file}: integrated loudness and true peak (one decimal each). */
    private static double[] ffmpeg(Path file) throws Exception {
        String out = tool("ffmpeg", "-hide_banner", "-nostats", "-i", file.toString(), "-af",
                "ebur128=peak=true", "-f", "null", "-");
        String summary = out.substring(out.lastIndexOf("Summary:"));
        return new double[] {number(summary, "I:\\s+(-?[\\d.]+) LUFS"), number(summary, "Peak:\\s+(-?[\\d.]+) dBFS")};
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Double.parseDouble(m.group(1));
    }

    private JsonNode report(String path) throws Exception {
        return JSON.readTree(dir.resolve(path).toFile());
    }

    @Test
    void mastersForThreePlatformsAndTheCdMeetTheirTargetsByFfmpegsOwnMeter() throws Exception {
        Result r = mixbench("master", "song.wav", "-o", "out", "--target", "spotify,apple-music,amazon-music,cd",
                "--plot", "plots");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("Spotify  song.wav -> ") && r.out().contains("PASS"), r.out());
        assertTrue(r.out().contains("4 masters for 4 targets: all meet their targets"), r.out());
        double[][] expected = {{-14, -1}, {-16, -1}, {-14, -2}};
        String[] ids = {"spotify", "apple-music", "amazon-music"};
        for (int i = 0; i < ids.length; i++) {
            double[] m = ffmpeg(dir.resolve("out/" + ids[i] + "/song.wav"));
            assertEquals(expected[i][0], m[0], 0.25, ids[i] + " loudness by ffmpeg");
            assertTrue(m[1] <= expected[i][1] + 0.05, ids[i] + " true peak by ffmpeg: " + m[1]);
            JsonNode report = report("out/" + ids[i] + "/song.report.json");
            assertTrue(report.path("pass").asBoolean());
            assertEquals(expected[i][0], report.path("output").path("integrated_lufs").asDouble(), 0.2);
        }
        String soxi = tool("soxi", dir.resolve("out/cd/song.wav").toString());
        assertTrue(soxi.contains("44100") && soxi.contains("16-bit"), soxi);
        for (String kind : List.of("loudness", "spectrum", "gain-reduction")) {
            assertTrue(Files.size(dir.resolve("plots/spotify/song." + kind + ".png")) > 1000, kind);
        }
    }

    @Test
    void anMp3MasterKeepsItsCeilingAfterDecodingAndAHiResFlacIsReadBackByTheReferenceDecoder() throws Exception {
        Result r = mixbench("master", "song.wav", "-o", "out", "--target", "spotify", "--format", "mp3");
        assertEquals(0, r.status(), r.out() + r.err());
        tool("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", dir.resolve("out/spotify/song.mp3").toString(),
                dir.resolve("decoded.wav").toString());
        double[] m = ffmpeg(dir.resolve("decoded.wav"));
        assertTrue(m[1] <= -1.0 + 0.05, "decoded true peak " + m[1]);
        assertEquals(-14, m[0], 0.25);
        Result hires = mixbench("master", "song.wav", "-o", "out", "--target", "hires");
        assertEquals(0, hires.status(), hires.out() + hires.err());
        tool("flac", "-t", "-s", dir.resolve("out/hires/song.flac").toString());
        String soxi = tool("soxi", dir.resolve("out/hires/song.flac").toString());
        assertTrue(soxi.contains("96000") && soxi.contains("24-bit"), soxi);
    }

    @Test
    void aMasterThatNeedsMoreLimitingThanAllowedExitsWith3AndItsReportSaysWhy() throws Exception {
        // Clicks: a peak-to-loudness ratio of 15 LU, so -11 LUFS under -2 dBTP takes limiting, and none is allowed.
        tool("sox", "-n", "-r", "48000", "-c", "2", "-b", "24", dir.resolve("clicks.wav").toString(), "synth", "0.02",
                "sine", "1000", "fade", "q", "0.001", "0.02", "0.015", "pad", "0", "0.48", "repeat", "39", "gain", "-1");
        Result r = mixbench("master", "clicks.wav", "-o", "out", "--target", "spotify-loud", "--max-limiting", "0");
        assertEquals(3, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL"), r.out());
        JsonNode rule = report("out/spotify-loud/clicks.report.json").path("rules").get(0);
        assertEquals("integrated_lufs", rule.path("rule").asText());
        assertFalse(rule.path("pass").asBoolean());
        assertTrue(rule.path("detail").asText().contains("would take"), rule.toString());
    }

    @Test
    void anAlbumGetsOneGainAndAVinylAlbumChecksEachSidesPlayingTime() throws Exception {
        tool("sox", dir.resolve("song.wav").toString(), dir.resolve("quiet.wav").toString(), "gain", "-6");
        Result r = mixbench("master", "song.wav", "quiet.wav", "-o", "out", "--target", "ebu-r128,vinyl", "--album",
                "--sides", "1,1");
        assertTrue(r.status() == 0 || r.status() == 3, r.out() + r.err());
        JsonNode album = report("out/ebu-r128/album.report.json");
        assertEquals(-23, album.path("album").path("integrated_lufs").asDouble(), 0.2);
        JsonNode tracks = album.path("tracks");
        double change0 = tracks.get(0).path("output_lufs").asDouble() - tracks.get(0).path("input_lufs").asDouble();
        double change1 = tracks.get(1).path("output_lufs").asDouble() - tracks.get(1).path("input_lufs").asDouble();
        assertEquals(change0, change1, 0.1, "one gain keeps the relative loudness");
        JsonNode vinyl = report("out/vinyl/album.report.json");
        assertEquals(2, vinyl.path("sides").size(), vinyl.toString());
        assertEquals("A", vinyl.path("sides").get(0).path("side").asText());
        assertTrue(vinyl.path("sides").get(0).path("pass").asBoolean());
    }

    @Test
    void badInputIsOneLineWithStatus2AndNothingWritten() throws Exception {
        Files.writeString(dir.resolve("notes.wav"), "not audio at all");
        tool("sox", "-n", "-r", "48000", "-c", "2", dir.resolve("silent.wav").toString(), "trim", "0", "5");
        tool("sox", "-n", "-r", "48000", "-c", "2", dir.resolve("short.wav").toString(), "synth", "1", "sine", "440");
        Files.writeString(dir.resolve("chain.json"), "{\"format\": \"mixbench-chain\", \"version\": 1, \"inserts\": "
                + "[{\"processor\": \"com.example.absent\"}]}");
        String[][] cases = {
            {"unknown target 'nowhere'", "song.wav", "-o", "out", "--target", "nowhere"},
            {"notes.wav: ", "notes.wav", "-o", "out", "--target", "spotify"},
            {"silent.wav: silent", "silent.wav", "-o", "out", "--target", "spotify"},
            {"short.wav: too short", "short.wav", "-o", "out", "--target", "spotify"},
            {"com.example.absent", "song.wav", "-o", "out", "--target", "spotify", "--chain", "chain.json"},
            {"missing.wav", "missing.wav", "-o", "out", "--target", "spotify"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length];
            args[0] = "master";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            Result r = mixbench(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.out() + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(c[0]), c[0] + " in " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(dir.resolve("out")), "nothing written for " + String.join(" ", args));
        }
    }

    @Test
    void anInterruptedMasterLeavesNoFileUnderAFinalNameAndNoTemporaryFile() throws Exception {
        tool("sox", "-n", "-r", "48000", "-c", "2", "-b", "24", dir.resolve("long.wav").toString(), "synth", "600",
                "pinknoise", "tremolo", "0.5", "60", "gain", "-18");
        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmixbench.home=" + ProductFiles.product(), "-Dmixbench.cwd=" + dir, "-cp",
                ProductFiles.product().resolve("lib") + "/*", "org.mixbench.launch.Main", "master", "long.wav", "-o",
                "out", "--target", "spotify").redirectErrorStream(true);
        Process p = b.start();
        Path folder = dir.resolve("out/spotify");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.isDirectory(folder) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        Thread.sleep(4000);
        assertTrue(p.isAlive(), "still mastering");
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.map(x -> x.getFileName().toString()).toList());
        }
    }
}

package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.product.ProcessRunner.Result;

/** {@code ./mixbench analyze} in the installed product, against known signals and against ffmpeg's meter. */
class AnalyzeProcessTest {
    @TempDir
    Path dir;

    private Result mixbench(String... args) throws Exception {
        return ProcessRunner.run(ProductFiles.product(), List.of("-Dmixbench.cwd=" + dir), Map.of(), false, args);
    }

    private static String tool(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
        return out;
    }

    private static double json(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.]+|null)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1));
    }

    @Test
    void theEbuReferenceToneReadsMinus23LufsInTheJson() throws Exception {
        // EBU Tech 3341 case 1: stereo 1 kHz sine at -23 dBFS reads -23.0 LUFS, LRA 0.
        tool("sox", "-n", "-r", "48000", "-c", "2", "-b", "24", dir.resolve("tone.wav").toString(), "synth", "20",
                "sine", "1000", "gain", "-23");
        Result r = mixbench("analyze", "tone.wav", "--json", "--hop", "0.01");
        assertEquals(0, r.status(), r.err());
        assertEquals(-23.0, json(r.out(), "integrated_lufs"), 0.1);
        assertEquals(0.0, json(r.out(), "lra_lu"), 0.1);
        assertEquals(-23.0, json(r.out(), "true_peak_dbtp"), 0.2);
        assertEquals(1.0, json(r.out(), "correlation"), 1e-3);
        assertEquals(0.01, json(r.out(), "hop_s"), 1e-9);
        assertTrue(r.out().contains("{\"hz\": 1000.0"), r.out());
    }

    @Test
    void severalFilesAreReportedAndABadOneIsOneLineWithStatusTwo() throws Exception {
        tool("sox", "-n", "-r", "44100", "-c", "2", "-b", "16", dir.resolve("a.wav").toString(), "synth", "5",
                "pinknoise", "gain", "-20");
        tool("sox", "-n", "-r", "48000", "-c", "1", "-b", "16", dir.resolve("b.flac").toString(), "synth", "5",
                "sine", "440", "gain", "-10");
        Files.writeString(dir.resolve("bad.wav"), "RIFF but not really");
        Result r = mixbench("analyze", "a.wav", "bad.wav", "b.flac");
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("mixbench analyze: bad.wav: "), r.err());
        assertTrue(r.out().contains("a.wav") && r.out().contains("b.flac"), r.out());
        Result json = mixbench("analyze", "a.wav", "b.flac", "--json", "--plot", "plots");
        assertEquals(0, json.status(), json.err());
        assertTrue(json.out().contains("\"channels\": 1") && json.out().contains("\"correlation\": null"), json.out());
        assertTrue(Files.size(dir.resolve("plots/a.wav.loudness.png")) > 2000);
        assertTrue(Files.size(dir.resolve("plots/b.flac.spectrum.png")) > 2000);
    }

    @Test
    void integratedLoudnessAndTruePeakAgreeWithFfmpeg() throws Exception {
        Path file = dir.resolve("music.wav");
        tool("sox", "-n", "-r", "48000", "-c", "2", "-b", "24", file.toString(), "synth", "30", "pinknoise",
                "synth", "sine", "amod", "3", "tremolo", "2", "60", "gain", "-12");
        Result r = mixbench("analyze", "music.wav", "--json");
        assertEquals(0, r.status(), r.err());
        Process p = new ProcessBuilder("ffmpeg", "-nostats", "-hide_banner", "-i", file.toString(), "-af",
                "ebur128=peak=true", "-f", "null", "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor());
        String summary = out.substring(out.lastIndexOf("Summary:"));
        Matcher i = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(summary);
        Matcher tp = Pattern.compile("Peak:\\s+(-?[0-9.]+) dBFS").matcher(summary);
        assertTrue(i.find() && tp.find(), summary);
        assertEquals(Double.parseDouble(i.group(1)), json(r.out(), "integrated_lufs"), 0.1);
        assertEquals(Double.parseDouble(tp.group(1)), json(r.out(), "true_peak_dbtp"), 0.3);
    }

    @Test
    void badArgumentsAreOneLine() throws Exception {
        Result r = mixbench("analyze", "x.wav", "--hop", "0.003");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("mixbench analyze: --hop 0.003"), r.err());
        Result none = mixbench("analyze");
        assertEquals(2, none.status());
        assertEquals(1, none.err().strip().lines().count(), none.err());
    }
}

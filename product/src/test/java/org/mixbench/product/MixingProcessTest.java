package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.product.ProcessRunner.Result;

/** The demo and {@code mix} in the installed product. */
class MixingProcessTest {
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

    /** Runs the product under {@code script}, on a pseudo-terminal as a user would, and returns what it showed. */
    private String onTerminal(String... args) throws Exception {
        StringBuilder command = new StringBuilder();
        command.append(java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java")).append(
                " -Dmixbench.home=").append(ProductFiles.product()).append(" -Dmixbench.cwd=").append(dir)
                .append(" -Dmixbench.progress.firstDrawMs=0")
                .append(" -cp '").append(ProductFiles.product().resolve("lib")).append("/*'")
                .append(" org.mixbench.launch.Main");
        for (String a : args) {
            command.append(' ').append(a);
        }
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command.toString(), "/dev/null")
                .redirectErrorStream(true);
        builder.environment().put("TERM", "xterm");
        builder.environment().remove("DISPLAY");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        return out;
    }

    /** The bytes of a WAV file's data chunk (the header holds the time of writing). */
    private static byte[] samples(Path wav) throws java.io.IOException {
        byte[] all = Files.readAllBytes(wav);
        for (int i = 12; i + 8 <= all.length; ) {
            String id = new String(all, i, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = java.nio.ByteBuffer.wrap(all, i + 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            if (id.equals("data")) {
                return java.util.Arrays.copyOfRange(all, i + 8, i + 8 + size);
            }
            i += 8 + size + (size & 1);
        }
        throw new AssertionError(wav + " has no data chunk");
    }

    @Test
    void theDemoWritesStemsASessionAndAMixAndPrintsTheLoudnessReport() throws Exception {
        Result r = mixbench("demo", "--out", "song");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err(), "every processor of the demo is installed and nothing clips");
        assertTrue(r.out().contains("Loudness report of the mix"), r.out());
        assertTrue(r.out().matches("(?s).*integrated loudness\\s+-\\d+\\.\\d LUFS.*"), r.out());
        for (String stem : new String[] {"drums", "bass", "chords", "lead"}) {
            assertTrue(Files.size(dir.resolve("song/tracks/" + stem + ".wav")) > 100_000, stem);
        }
        assertTrue(Files.readString(dir.resolve("song/demo.session.json")).contains("\"format\" : \"mixbench-session\""));
        String soxi = tool("soxi", dir.resolve("song/mix.wav").toString());
        assertTrue(soxi.contains("48000") && soxi.contains("Channels       : 2"), soxi);
        // The demo masters its mix for Spotify and CD and prints both compliance tables.
        assertTrue(r.out().contains("Spotify  ") && r.out().contains("CD (Red Book)  "), r.out());
        assertTrue(r.out().contains("2 masters for 2 targets: all meet their targets"), r.out());
        String spotify = tool("ffmpeg", "-hide_banner", "-nostats", "-i", dir.resolve("song/masters/spotify/mix.wav")
                .toString(), "-af", "ebur128=peak=true", "-f", "null", "-");
        String summary = spotify.substring(spotify.lastIndexOf("Summary:"));
        java.util.regex.Matcher i = java.util.regex.Pattern.compile("I:\\s+(-?[\\d.]+) LUFS").matcher(summary);
        java.util.regex.Matcher tp = java.util.regex.Pattern.compile("Peak:\\s+(-?[\\d.]+) dBFS").matcher(summary);
        assertTrue(i.find() && tp.find(), summary);
        assertEquals(-14.0, Double.parseDouble(i.group(1)), 0.25, summary);
        assertTrue(Double.parseDouble(tp.group(1)) <= -1.0 + 0.05, summary);
        String cd = tool("soxi", dir.resolve("song/masters/cd/mix.wav").toString());
        assertTrue(cd.contains("44100") && cd.contains("16-bit"), cd);
        assertTrue(Files.readString(dir.resolve("song/masters/cd/mix.report.json")).contains("\"pass\" : true"));
        Result again = mixbench("mix", "song/demo.session.json", "-o", "again.wav");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().matches("(?s)wrote again.wav \\(24-bit, TPDF dither\\): 0:3\\d\\.\\d{3} of audio.*"), again.out());
        assertEquals(Files.size(dir.resolve("song/mix.wav")), Files.size(dir.resolve("again.wav")));
        Result one = mixbench("mix", "song/demo.session.json", "-o", "one-thread.wav", "--threads", "1");
        assertTrue(one.out().contains("real time, 1 thread)"), one.out());
        assertTrue(java.util.Arrays.equals(samples(dir.resolve("again.wav")), samples(dir.resolve("one-thread.wav"))),
                "the mix on one thread has the same samples as on all cores");
        String onTerminal = onTerminal("mix", "song/demo.session.json", "-o", "tty.wav", "--threads", "1");
        assertTrue(onTerminal.matches("(?s).*\\rtty.wav \\[#* *\\] +\\d+%.*\\r +\\rwrote tty.wav \\(24-bit, TPDF dither\\): .*"),
                "a progress bar, cleared before the result line: " + onTerminal);
        Result zero = mixbench("mix", "song/demo.session.json", "-o", "x.wav", "--threads", "0");
        assertEquals(2, zero.status());
        assertEquals("mixbench mix: --threads needs a whole number from 1 to 256, not '0'", zero.err().strip());
        Result stems = mixbench("mix", "song/demo.session.json", "-o", "with-stems.wav", "--stems", "stems");
        assertEquals(0, stems.status(), stems.err());
        for (String stem : new String[] {"drums", "bass", "chords", "lead", "reverb"}) {
            assertTrue(stems.out().contains("wrote stem stems/" + stem + ".wav"), stems.out());
            assertTrue(Files.size(dir.resolve("stems/" + stem + ".wav")) > 100_000, stem);
        }
    }

    /** The peak level of {@code a - b} in dBFS, by sox ({@code -inf} when they are equal). */
    private double differencePeakDb(Path a, Path b) throws Exception {
        String stats = tool("sox", "-m", "-v", "1", a.toString(), "-v", "-1", b.toString(), "-n", "stats");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Pk lev dB\\s+(\\S+)").matcher(stats);
        assertTrue(m.find(), stats);
        return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
    }

    @Test
    void aSessionWithoutProcessingMixesToWhatSoxSumsToFloatPrecision() throws Exception {
        String[][] stems = {{"a", "1.5", "sine", "220", "-12"}, {"b", "2", "square", "330", "-18"},
            {"c", "1", "pinknoise", "0", "-20"}};
        StringBuilder tracks = new StringBuilder();
        for (String[] stem : stems) {
            tool("sox", "-n", "-r", "48000", "-c", "1", "-b", "24", dir.resolve(stem[0] + ".wav").toString(),
                    "synth", stem[1], stem[2], stem[3], "gain", stem[4]);
            tracks.append(tracks.length() == 0 ? "" : ", ").append("{\"id\": \"").append(stem[0])
                    .append("\", \"clips\": [{\"file\": \"").append(stem[0]).append(".wav\"}], \"strip\": ")
                    .append("{\"pan_law\": \"0\"}}");
        }
        Files.writeString(dir.resolve("plain.json"), "{\"format\": \"mixbench-session\", \"version\": 1, "
                + "\"sample_rate\": 48000, \"tracks\": [" + tracks + "]}");
        Result r = mixbench("mix", "plain.json", "-o", "plain.wav", "--bits", "32f");
        assertEquals(0, r.status(), r.err());
        tool("sox", "-m", "-v", "1", dir.resolve("a.wav").toString(), "-v", "1", dir.resolve("b.wav").toString(),
                "-v", "1", dir.resolve("c.wav").toString(), "-e", "floating-point", "-b", "32",
                dir.resolve("sox.wav").toString());
        String soxi = tool("soxi", "-s", dir.resolve("plain.wav").toString());
        assertEquals("96000", soxi.strip(), "as long as the longest clip");
        for (int channel = 1; channel <= 2; channel++) {
            Path side = dir.resolve("side" + channel + ".wav");
            tool("sox", dir.resolve("plain.wav").toString(), side.toString(), "remix", String.valueOf(channel));
            double peak = differencePeakDb(side, dir.resolve("sox.wav"));
            assertTrue(peak < -120, "channel " + channel + " differs from sox -m by " + peak + " dBFS");
        }
    }

    @Test
    void theMixerShowsTheDemoSessionsTracks() throws Exception {
        assertEquals(0, mixbench("demo", "--out", "song").status());
        Path png = ProductFiles.screenshots().resolve("product-mixer-demo.png");
        Result r = ProcessRunner.run(ProductFiles.product(), List.of("-Dmixbench.cwd=" + dir), Map.of(), true,
                "workbench", "--session", "song/demo.session.json", "--screenshot", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("mixer.title: demo.session.json"), r.out());
        for (String track : new String[] {"Drums", "Bass", "Chords", "Lead", "Reverb", "Master"}) {
            assertTrue(r.out().contains("strip." + track + ".db: "), track + " in " + r.out());
        }
        assertTrue(r.out().contains("strip.Lead.db: -5.0 dB"), r.out());
    }

    /** The RMS level of {@code a - b} in dBFS, by sox. */
    private double differenceRmsDb(Path a, Path b) throws Exception {
        String stats = tool("sox", "-m", "-v", "1", a.toString(), "-v", "-1", b.toString(), "-n", "stats");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("RMS lev dB\\s+(\\S+)").matcher(stats);
        assertTrue(m.find(), stats);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aSixteenBitMixIsDitheredByDefaultAndRoundedOnlyWhenAskedTo() throws Exception {
        tool("sox", "-n", "-r", "48000", "-c", "1", "-b", "24", dir.resolve("quiet.wav").toString(), "synth", "4",
                "sine", "997", "gain", "-40");
        Files.writeString(dir.resolve("q.json"), "{\"format\": \"mixbench-session\", \"version\": 1, "
                + "\"sample_rate\": 48000, \"tracks\": [{\"id\": \"a\", \"clips\": [{\"file\": \"quiet.wav\"}]}]}");
        assertEquals(0, mixbench("mix", "q.json", "-o", "float.wav", "--bits", "32f").status());
        Result dithered = mixbench("mix", "q.json", "-o", "tpdf.wav", "--bits", "16");
        assertEquals(0, dithered.status(), dithered.err());
        assertTrue(dithered.out().startsWith("wrote tpdf.wav (16-bit, TPDF dither)"), dithered.out());
        assertEquals(0, mixbench("mix", "q.json", "-o", "round.wav", "--bits", "16", "--dither", "none").status());
        double lsbDb = 20 * Math.log10(Math.pow(2, -15));
        // TPDF adds noise of LSB/sqrt(6) to the rounding's LSB/sqrt(12): an error of LSB/2 in all, whatever the music.
        assertEquals(lsbDb + 20 * Math.log10(0.5), differenceRmsDb(dir.resolve("tpdf.wav"), dir.resolve("float.wav")),
                0.3, "TPDF dither: an error of half an LSB RMS");
        assertEquals(lsbDb + 20 * Math.log10(1 / Math.sqrt(12)), differenceRmsDb(dir.resolve("round.wav"),
                dir.resolve("float.wav")), 0.5, "plain rounding: 0.289 LSB RMS");
        Result bad = mixbench("mix", "q.json", "-o", "x.wav", "--dither", "wobbly");
        assertEquals(2, bad.status());
        assertEquals("mixbench mix: --dither takes none, tpdf or shaped, not 'wobbly'", bad.err().strip());
    }

    @Test
    void badSessionsAndMissingAudioAreOneLineWithStatusTwo() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\"format\": \"mixbench-session\", \"version\": 1, "
                + "\"sample_rate\": 48000, \"tracks\": [{\"id\": \"a\", \"strip\": {\"fader\": 0}}]}");
        Result bad = mixbench("mix", "bad.json", "-o", "x.wav");
        assertEquals(2, bad.status());
        assertEquals("mixbench mix: bad.json: line 1: unknown field 'fader' (at tracks[0].strip)", bad.err().strip());
        Files.writeString(dir.resolve("missing.json"), "{\"format\": \"mixbench-session\", \"version\": 1, "
                + "\"sample_rate\": 48000, \"tracks\": [{\"id\": \"a\", \"clips\": [{\"file\": \"gone.wav\"}, "
                + "{\"file\": \"also-gone.wav\"}]}]}");
        Result missing = mixbench("mix", "missing.json", "-o", "x.wav");
        assertEquals(2, missing.status());
        assertEquals("mixbench mix: missing.json: missing audio: gone.wav, also-gone.wav", missing.err().strip());
        assertTrue(!Files.exists(dir.resolve("x.wav")));
        tool("sox", "-n", "-r", "48000", "-c", "1", "-b", "24", dir.resolve("tone.wav").toString(), "synth", "1",
                "sine", "440", "gain", "-12");
        Files.writeString(dir.resolve("ok.json"), "{\"format\": \"mixbench-session\", \"version\": 1, "
                + "\"sample_rate\": 48000, \"tracks\": [{\"id\": \"a\", \"clips\": [{\"file\": \"tone.wav\"}]}]}");
        Result noFolder = mixbench("mix", "ok.json", "-o", "no/such/folder/x.wav");
        assertEquals(2, noFolder.status());
        assertTrue(noFolder.err().strip().startsWith("mixbench mix: no/such/folder/x.wav: ")
                && noFolder.err().strip().lines().count() == 1, noFolder.err());
        Result unknown = mixbench("mix", "ok.json", "-o", "x.ogg");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("mixbench mix: x.ogg: cannot tell the format from the extension"),
                unknown.err());
        Result mp3 = mixbench("mix", "ok.json", "-o", "x.mp3");
        assertEquals(0, mp3.status(), mp3.err());
        assertTrue(tool("soxi", "-t", dir.resolve("x.mp3").toString()).strip().equals("mp3"), "a real MP3");
        assertEquals(2, mixbench("mix", "ok.json", "-o", "y.mp3", "--bits", "24").status());
    }
}

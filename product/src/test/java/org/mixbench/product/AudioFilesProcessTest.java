package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.product.ProcessRunner.Result;

/**
 * {@code convert} and {@code info} in the installed product, as a user runs them, with the reference tools checking
 * what we write.
 */
class AudioFilesProcessTest {
    @TempDir
    Path dir;

    private Result mixbench(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        return ProcessRunner.run(ProductFiles.product(), List.of("-Dmixbench.cwd=" + dir), Map.of(), false,
                all.toArray(String[]::new));
    }

    private static String tool(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
        return out;
    }

    private Path sine(String name, int rate, int bits, double seconds, double gainDb) throws Exception {
        Path file = dir.resolve(name);
        tool("sox", "-n", "-r", String.valueOf(rate), "-c", "2", "-b", String.valueOf(bits), file.toString(), "synth",
                String.valueOf(seconds), "sine", "440", "sine", "1000", "gain", String.valueOf(gainDb));
        return file;
    }

    private static void assertOneLine(Result r, String start) {
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith(start), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aChainOfConversionsThroughEveryFormatIsReadBackByTheReferenceTools() throws Exception {
        sine("in.wav", 48_000, 24, 3, -6);
        Result flac = mixbench("convert", "in.wav", "-o", "song.flac", "--tag", "title=Chain Song", "--tag",
                "isrc=GB-AYE-26-00003", "--option", "compression=8");
        assertEquals(0, flac.status(), flac.err());
        assertTrue(flac.out().contains("wrote song.flac: FLAC 24-bit, 48000 Hz, 2 ch, 0:03.000"), flac.out());
        assertTrue(flac.out().contains("no clipping"), flac.out());
        tool("flac", "-t", "-s", dir.resolve("song.flac").toString());
        Result wav = mixbench("convert", "song.flac", "-o", "song44.wav", "--rate", "44100", "--bits", "16");
        assertEquals(0, wav.status(), wav.err());
        assertTrue(wav.out().contains("44100 Hz") && wav.out().contains("dither tpdf"), wav.out());
        String soxi = tool("soxi", dir.resolve("song44.wav").toString());
        assertTrue(soxi.contains("44100") && soxi.contains("16-bit") && soxi.contains("00:00:03.00"), soxi);
        Result mp3 = mixbench("convert", "song44.wav", "-o", "song.mp3", "--option", "mode=vbr");
        assertEquals(0, mp3.status(), mp3.err());
        String probe = tool("ffprobe", "-v", "error", "-show_entries", "format=duration:format_tags", "-of",
                "compact", dir.resolve("song.mp3").toString());
        assertTrue(probe.contains("title=Chain Song") && probe.contains("GBAYE2600003"), probe);
        assertTrue(probe.contains("duration=3.0"), probe);
        Result info = mixbench("info", "song.mp3", "song.flac");
        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains("MPEG-1 Layer III") && info.out().contains("FLAC 24-bit"), info.out());
        assertTrue(info.out().contains("title            Chain Song"), info.out());
        assertTrue(info.out().contains("VORBIS_COMMENT"), info.out());
    }

    @Test
    void clippingIsReportedWithItsPosition() throws Exception {
        sine("hot.wav", 44_100, 16, 1, 6);
        Result r = mixbench("convert", "hot.wav", "-o", "hot96.wav", "--rate", "96000");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("(?s).*warning: \\d+ samples clipped, the first at 0:00\\.\\d{3} \\(frame \\d+\\).*"),
                r.out());
    }

    @Test
    void badInputsGiveOneLineAndStatusTwo() throws Exception {
        assertOneLine(mixbench("convert", "missing.wav", "-o", "x.wav"), "mixbench convert: missing.wav: no such file");
        Files.writeString(dir.resolve("notes.wav"), "just text, not audio");
        assertOneLine(mixbench("info", "notes.wav"), "mixbench info: notes.wav: not an audio format");
        Path good = sine("good.wav", 48_000, 16, 1, -6);
        byte[] bytes = Files.readAllBytes(good);
        Files.write(dir.resolve("cut.wav"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLine(mixbench("convert", "cut.wav", "-o", "x.flac"), "mixbench convert: cut.wav: ");
        assertOneLine(mixbench("convert", "good.wav", "-o", "x.ogg"), "mixbench convert: x.ogg: cannot tell");
        assertOneLine(mixbench("convert", "good.wav", "-o", "x.wav", "--rate", "12345"), "mixbench convert: --rate");
        assertOneLine(mixbench("convert", "good.wav", "-o", "x.flac", "--bits", "32"), "mixbench convert: --bits 32");
        assertOneLine(mixbench("convert", "good.wav", "-o", "x.wav", "--tag", "isrc=nonsense"),
                "mixbench convert: --tag isrc");
        assertOneLine(mixbench("convert", "good.wav", "-o", "nowhere/x.wav"), "mixbench convert: nowhere/x.wav");
        assertOneLine(mixbench("convert", "good.wav", "-o", "x.mp3", "--option", "bitrate=999"),
                "mixbench convert: x.mp3: mp3 option bitrate=999");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("x.")
                    || p.getFileName().toString().contains(".partial-")), "a failed convert left a file behind");
        }
    }

    @Test
    void anInterruptedConversionLeavesNoFileBehind() throws Exception {
        Path input = sine("long.wav", 44_100, 16, 240, -6);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmixbench.home=" + ProductFiles.product(), "-Dmixbench.cwd=" + dir, "-cp",
                ProductFiles.product().resolve("lib") + "/*", "org.mixbench.launch.Main", "convert",
                input.getFileName().toString(), "-o", "long.flac", "--rate", "192000", "--option", "compression=8"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long deadline = System.currentTimeMillis() + 30_000;
        boolean started = false;
        while (!started && System.currentTimeMillis() < deadline && p.isAlive()) {
            try (Stream<Path> files = Files.list(dir)) {
                started = files.anyMatch(f -> f.getFileName().toString().startsWith(".long.flac.partial-"));
            }
            Thread.sleep(20);
        }
        assertTrue(started, "the conversion never started writing");
        p.destroy();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the process did not stop");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertEquals(List.of("long.wav"), names, "an interrupted conversion left files behind");
        }
    }
}

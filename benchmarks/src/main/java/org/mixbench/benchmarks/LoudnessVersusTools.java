package org.mixbench.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mixbench.analysis.loudness.LoudnessMeter;
import org.mixbench.analysis.loudness.LoudnessSnapshot;
import org.mixbench.analysis.loudness.TruePeakMeter;

/**
 * Full loudness analysis (integrated, loudness range, true peak) of a long stereo 48 kHz file, on one core, with
 * Mixbench's meters, with libebur128 (a small C program this benchmark compiles against the Debian package) and
 * with ffmpeg's ebur128 filter, side by side in one run: speeds as multiples of real time, the ratios, and the
 * values each reports. All three read the same raw float32 file from the page cache.
 */
public final class LoudnessVersusTools {
    private static final int RATE = 48_000;
    private static final int CHUNK = 4096;

    private LoudnessVersusTools() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        long frames = (long) (minutes * 60 * RATE);
        Path dir = Files.createDirectories(Paths.get("target", "loudness-bench"));
        Path raw = dir.resolve("music.f32");
        System.out.printf(Locale.ROOT, "Preparing %.0f s of music-like 48 kHz stereo float audio...%n", frames
                / (double) RATE);
        writeMusic(raw, frames);
        Path program = compile(dir);
        double[] ours = new double[3];
        double oursSeconds = Timing.bestOfThree(() -> measureOurs(raw, ours));
        double[] libebur = new double[3];
        double libSeconds = Timing.bestOfThree(() -> measureLibebur128(program, raw, libebur));
        double[] ff = new double[3];
        double ffSeconds = Timing.bestOfThree(() -> measureFfmpeg(raw, ff));
        double audio = frames / (double) RATE;
        System.out.printf(Locale.ROOT, "%nLoudness analysis (integrated + LRA + true peak) of %.0f s of 48 kHz "
                + "stereo, one core each, best of 3%n", audio);
        System.out.printf(Locale.ROOT, "%-22s %9s %10s %12s %12s %10s %14s%n", "tool", "seconds", "x RT",
                "Mixbench/it", "integrated", "LRA", "true peak");
        row("Mixbench", oursSeconds, audio, oursSeconds, ours);
        row("libebur128 (C)", libSeconds, audio, oursSeconds, libebur);
        row("ffmpeg ebur128", ffSeconds, audio, oursSeconds, ff);
    }

    private static void row(String name, double seconds, double audio, double ours, double[] v) {
        System.out.printf(Locale.ROOT, "%-22s %8.2fs %9.0fx %12.2f %9.2f LUFS %7.2f LU %9.2f dBTP%n", name, seconds,
                audio / seconds, seconds / ours, v[0], v[1], v[2]);
    }

    /** Deterministic music-like stereo: chords with envelopes, a bass line, noise hits, and loud and quiet parts. */
    private static void writeMusic(Path raw, long frames) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
        double[] chord = {220, 277.18, 329.63, 440};
        try (FileChannel out = FileChannel.open(raw, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            double noise = 0;
            for (long i = 0; i < frames; i++) {
                double t = i / (double) RATE;
                double section = 0.35 + 0.3 * Math.sin(2 * Math.PI * t / 47.0);
                double beat = Math.exp(-8 * (t % 0.5));
                double left = 0;
                double right = 0;
                for (int k = 0; k < chord.length; k++) {
                    double s = Math.sin(2 * Math.PI * chord[k] * (1 + 0.002 * k) * t);
                    left += s * (k % 2 == 0 ? 0.12 : 0.08);
                    right += s * (k % 2 == 0 ? 0.08 : 0.12);
                }
                double bass = 0.3 * Math.sin(2 * Math.PI * 55 * t) * beat;
                noise = 0.7 * noise + 0.3 * (random.nextDouble() * 2 - 1);
                double hit = (t % 1.0) < 0.05 ? 0.4 * noise : 0.02 * noise;
                buffer.putFloat((float) (section * (left + bass + hit)));
                buffer.putFloat((float) (section * (right + bass - hit)));
                if (!buffer.hasRemaining()) {
                    buffer.flip();
                    out.write(buffer);
                    buffer.clear();
                }
            }
            buffer.flip();
            out.write(buffer);
        }
    }

    private static void measureOurs(Path raw, double[] result) throws IOException {
        LoudnessMeter loudness = new LoudnessMeter(RATE, 2);
        TruePeakMeter peak = new TruePeakMeter(RATE, 2);
        float[][] planar = new float[2][CHUNK];
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel in = FileChannel.open(raw)) {
            while (true) {
                buffer.clear();
                int bytes = 0;
                int n;
                while (buffer.hasRemaining() && (n = in.read(buffer)) > 0) {
                    bytes += n;
                }
                if (bytes == 0) {
                    break;
                }
                buffer.flip();
                int frames = bytes / 8;
                for (int i = 0; i < frames; i++) {
                    planar[0][i] = buffer.getFloat();
                    planar[1][i] = buffer.getFloat();
                }
                loudness.process(planar, 0, frames);
                peak.process(planar, 0, frames);
            }
        }
        peak.finish();
        LoudnessSnapshot s = loudness.snapshot();
        result[0] = s.integratedLufs();
        result[1] = s.loudnessRangeLu();
        result[2] = peak.snapshot().truePeakMaxDbtp();
    }

    private static Path compile(Path dir) throws IOException, InterruptedException {
        Path source = dir.resolve("ebur128_measure.c");
        try (InputStream in = LoudnessVersusTools.class.getResourceAsStream("ebur128_measure.c")) {
            Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path program = dir.resolve("ebur128_measure");
        Process p = new ProcessBuilder("gcc", "-O2", source.toString(), "-lebur128", "-lm", "-o", program.toString())
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("could not build the libebur128 program (install gcc and libebur128-dev)");
        }
        return program;
    }

    private static void measureLibebur128(Path program, Path raw, double[] result) throws Exception {
        Process p = new ProcessBuilder(program.toString(), raw.toString(), String.valueOf(RATE), "2").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        if (p.waitFor() != 0) {
            throw new IOException("libebur128 program failed");
        }
        String[] v = out.split(" ");
        for (int i = 0; i < 3; i++) {
            result[i] = Double.parseDouble(v[i]);
        }
    }

    private static void measureFfmpeg(Path raw, double[] result) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-nostats", "-hide_banner", "-threads", "1", "-f", "f32le", "-ar",
                String.valueOf(RATE), "-ac", "2", "-i", raw.toString(), "-af", "ebur128=peak=true", "-f", "null", "-")
                .redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream(); OutputStream ignored = p.getOutputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + out);
        }
        String summary = out.substring(out.lastIndexOf("Summary:"));
        result[0] = number(summary, "I:\\s+(-?[0-9.]+) LUFS");
        result[1] = number(summary, "LRA:\\s+(-?[0-9.]+) LU");
        result[2] = number(summary, "Peak:\\s+(-?[0-9.]+) dBFS");
    }

    private static double number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in ffmpeg's summary: " + text);
        }
        return Double.parseDouble(m.group(1));
    }
}

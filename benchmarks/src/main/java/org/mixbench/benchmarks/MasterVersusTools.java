package org.mixbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ParameterEvents;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.convert.DitherType;
import org.mixbench.convert.Ditherer;
import org.mixbench.format.wav.WavExporterFactory;
import org.mixbench.format.wav.WavImporterFactory;
import org.mixbench.processors.limiter.LimiterFactory;
import org.mixbench.processors.mastering.MasteringEqFactory;
import org.mixbench.processors.mastering.StereoImagerFactory;
import org.mixbench.processors.multiband.MultibandFactory;

/**
 * Mastering speed side by side, in one run, on the same ten minutes of 48 kHz stereo (the demo's mix, repeated):
 * <ol>
 * <li>the full chain, file to file, on one core: linear-phase mastering EQ with four bands, four-band compressor,
 * imager, true-peak limiter, TPDF dither to 24 bits; against sox ({@code equalizer} x3, {@code mcompand} with three
 * bands, {@code gain -n}) and ffmpeg ({@code equalizer} x3, {@code acompressor}, {@code alimiter}), one thread each;</li>
 * <li>the whole {@code ./mixbench master} command to Spotify (start-up, measuring, limiting, delivering, measuring the
 * delivered file, report) against ffmpeg's two-pass {@code loudnorm} to -14 LUFS / -1 dBTP, and what each delivered
 * by ffmpeg's own meter.</li>
 * </ol>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar org.mixbench.benchmarks.MasterVersusTools [MINUTES]}, from the
 * repository root after {@code ./mixbench} has built the product. Main thread.
 */
public final class MasterVersusTools {
    private static final int BLOCK = 512;

    private MasterVersusTools() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        double seconds = minutes * 60;
        Path product = Paths.get(System.getProperty("mixbench.product", "product/target/mixbench"));
        Path dir = Files.createDirectories(Paths.get("benchmarks", "target", "master-bench"));
        Path input = dir.resolve("input-" + (long) seconds + "s.wav");
        if (!Files.exists(input)) {
            Path demo = dir.resolve("demo");
            if (!Files.exists(demo.resolve("mix.wav"))) {
                Timing.run(java(product, "demo", "--out", demo.toString()).toArray(String[]::new));
            }
            System.out.printf(Locale.ROOT, "Making %.0f s of input from the demo's mix with sox...%n", seconds);
            Timing.run("sox", demo.resolve("mix.wav").toString(), "-b", "24", input.toString(), "repeat", "30",
                    "trim", "0", String.valueOf(seconds));
        }

        double ours = Timing.bestOfThree(() -> chain(input, dir.resolve("mixbench-chain.wav")));
        double sox = Timing.bestOfThree(List.of("sox", input.toString(), "-b", "24", dir.resolve("sox-chain.wav")
                .toString(), "equalizer", "100", "1q", "+1.5", "equalizer", "400", "1q", "-2", "equalizer", "3000",
                "1q", "+1", "mcompand", "0.005,0.1 -47,-40,-34,-34,-17,-33,0,-20", "250",
                "0.003,0.05 -47,-40,-34,-34,-17,-33,0,-20", "3000", "0.001,0.02 -47,-40,-34,-34,-17,-33,0,-20",
                "gain", "-n", "-1"));
        double ffmpeg = Timing.bestOfThree(List.of("ffmpeg", "-v", "error", "-y", "-threads", "1",
                "-filter_threads", "1", "-i", input.toString(), "-af", "equalizer=f=100:t=q:w=1:g=1.5,"
                        + "equalizer=f=400:t=q:w=1:g=-2,equalizer=f=3000:t=q:w=1:g=1,"
                        + "acompressor=threshold=0.1:ratio=2:attack=10:release=100,alimiter=limit=0.89",
                "-c:a", "pcm_s24le", dir.resolve("ffmpeg-chain.wav").toString()));

        Path out = dir.resolve("masters");
        double master = Timing.bestOfThree(java(product, "master", input.toString(), "-o", out.toString(),
                "--target", "spotify"));
        double loudnorm = Timing.bestOfThree(() -> loudnorm(input, dir.resolve("loudnorm.wav")));
        double[] ourMaster = ebur128(out.resolve("spotify").resolve(input.getFileName()));
        double[] theirs = ebur128(dir.resolve("loudnorm.wav"));

        System.out.printf(Locale.ROOT, "%n%.0f s of 48 kHz stereo (the demo's mix repeated), one core each, best of "
                + "three%n%n", seconds);
        System.out.printf(Locale.ROOT, "%-78s %8s %9s%n", "mastering chain, file to file", "seconds", "x RT");
        row("Mixbench: linear-phase EQ (4 bands), multiband (4 bands), imager, TP limiter, dither", ours, seconds);
        row("sox: equalizer x3, mcompand (3 bands), gain -n", sox, seconds);
        row("ffmpeg: equalizer x3, acompressor, alimiter", ffmpeg, seconds);
        System.out.printf(Locale.ROOT, "Mixbench's chain is %.2fx sox's speed and %.2fx ffmpeg's%n%n", sox / ours,
                ffmpeg / ours);
        System.out.printf(Locale.ROOT, "%-78s %8s %9s%n", "whole command to Spotify (-14 LUFS, -1 dBTP)", "seconds",
                "x RT");
        row("./mixbench master --target spotify (start-up, measure, limit, deliver, verify)", master, seconds);
        row("ffmpeg loudnorm, two passes (measure, then normalise with the measured values)", loudnorm, seconds);
        System.out.printf(Locale.ROOT, "master is %.1fx as fast as two-pass loudnorm%n", loudnorm / master);
        System.out.printf(Locale.ROOT, "delivered, by ffmpeg's ebur128: Mixbench %.1f LUFS, %.1f dBTP; loudnorm %.1f "
                + "LUFS, %.1f dBTP%n", ourMaster[0], ourMaster[1], theirs[0], theirs[1]);
    }

    private static void row(String what, double s, double seconds) {
        System.out.printf(Locale.ROOT, "%-78s %7.2fs %8.1fx%n", what, s, seconds / s);
    }

    private static List<String> java(Path product, String... args) {
        List<String> c = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.manager=allow", "-Dmixbench.home=" + product.toAbsolutePath(), "-cp",
                product.toAbsolutePath().resolve("lib") + "/*", "org.mixbench.launch.Main"));
        c.addAll(List.of(args));
        return c;
    }

    /** The benchmark's chain, read from {@code in} and written to {@code out} as 24-bit WAV with TPDF dither. */
    static void chain(Path in, Path out) throws IOException {
        List<Processor> chain = new ArrayList<>();
        chain.add(processor(new MasteringEqFactory(), Map.ofEntries(Map.entry("phase", 1.0),
                Map.entry("band1.enabled", 1.0), Map.entry("band1.type", 1.0), Map.entry("band1.frequency", 100.0),
                Map.entry("band1.gain", 1.5), Map.entry("band2.enabled", 1.0), Map.entry("band2.type", 0.0),
                Map.entry("band2.frequency", 400.0), Map.entry("band2.gain", -2.0), Map.entry("band2.q", 1.0),
                Map.entry("band3.enabled", 1.0), Map.entry("band3.type", 0.0), Map.entry("band3.frequency", 3000.0),
                Map.entry("band3.gain", 1.0), Map.entry("band4.enabled", 1.0), Map.entry("band4.type", 2.0),
                Map.entry("band4.frequency", 10000.0), Map.entry("band4.gain", 1.5))));
        chain.add(processor(new MultibandFactory(), Map.of("bands", 4.0, "band1.threshold", -24.0, "band2.threshold",
                -24.0, "band3.threshold", -24.0, "band4.threshold", -24.0)));
        chain.add(processor(new StereoImagerFactory(), Map.of("mono_below", 120.0, "high_width", 120.0)));
        chain.add(processor(new LimiterFactory(), Map.of("gain", 4.0, "ceiling", -1.0)));
        try (AudioReader reader = new WavImporterFactory().open(in);
                ExportWriter writer = new WavExporterFactory().open(out, new ExportFormat(48_000, 2, -1),
                        Map.of("bits", "24"), Map.of())) {
            AudioBlock block = new AudioBlock(2, BLOCK, 0);
            float[][] view = {block.channel(0), block.channel(1)};
            Ditherer dither = new Ditherer(2, 24, DitherType.TPDF);
            int n;
            while ((n = reader.read(view, 0, BLOCK)) > 0) {
                block.setFrames(n);
                for (Processor p : chain) {
                    p.process(block);
                }
                dither.process(view, 0, n);
                writer.write(block);
            }
        }
    }

    private static Processor processor(ProcessorFactory f, Map<String, Double> parameters) {
        Processor p = f.create();
        p.restoreState(ProcessorState.of(parameters));
        p.prepare(new ProcessSpec(48_000, BLOCK, 2));
        return p;
    }

    /** ffmpeg's two-pass loudnorm to -14 LUFS, -1 dBTP: measure, then normalise with the measured values. */
    static void loudnorm(Path in, Path out) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostats", "-threads", "1", "-i", in.toString(),
                "-af", "loudnorm=I=-14:TP=-1:LRA=11:print_format=json", "-f", "null", "-").redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("loudnorm's first pass failed: " + log);
        }
        String measured = String.format(Locale.ROOT, "measured_I=%s:measured_TP=%s:measured_LRA=%s:"
                + "measured_thresh=%s:offset=%s", field(log, "input_i"), field(log, "input_tp"),
                field(log, "input_lra"), field(log, "input_thresh"), field(log, "target_offset"));
        Timing.run("ffmpeg", "-v", "error", "-y", "-threads", "1", "-i", in.toString(), "-af",
                "loudnorm=I=-14:TP=-1:LRA=11:" + measured + ":linear=true", "-ar", "48000", "-c:a", "pcm_s24le",
                out.toString());
    }

    private static String field(String log, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(log);
        if (!m.find()) {
            throw new IllegalStateException(name + " missing in loudnorm's output");
        }
        return m.group(1);
    }

    /** Integrated loudness and true peak by ffmpeg's ebur128 filter. */
    static double[] ebur128(Path file) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostats", "-i", file.toString(), "-af",
                "ebur128=peak=true", "-f", "null", "-").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        String summary = log.substring(log.lastIndexOf("Summary:"));
        return new double[] {number(summary, "I:\\s+(-?[\\d.]+) LUFS"), number(summary, "Peak:\\s+(-?[\\d.]+) dBFS")};
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}

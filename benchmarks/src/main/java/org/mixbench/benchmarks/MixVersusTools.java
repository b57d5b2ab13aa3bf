package org.mixbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixbench.api.audio.AudioFiles;
import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.export.ExportFormat;
import org.mixbench.api.export.ExportWriter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.format.wav.WavExporterFactory;
import org.mixbench.format.wav.WavImporterFactory;
import org.mixbench.mixing.engine.MixRenderer;
import org.mixbench.mixing.session.Session;
import org.mixbench.processors.eqdyn.CompressorFactory;
import org.mixbench.processors.eqdyn.ParametricEqFactory;
import org.mixbench.processors.space.DelayFactory;
import org.mixbench.processors.space.ReverbFactory;
import org.mixbench.testkit.StaticRegistry;

/**
 * Renders a 64-track session (a clip on every track, EQ and compressor on each, 4 buses with reverb and delay) with
 * Mixbench's engine, and mixes the same 64 plain stems with {@code sox -m} and ffmpeg's {@code amix} as a floor (they
 * only sum), in one run; prints multiples of real time. The engine renders on one core for now.
 */
public final class MixVersusTools {
    private static final double RATE = 48_000;

    private MixVersusTools() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        Path dir = Files.createDirectories(Paths.get("target", "mix-bench-" + (long) seconds + "s"));
        List<Path> stems = new ArrayList<>();
        System.out.printf(Locale.ROOT, "Preparing 64 mono stems of %.0f s with sox...%n", seconds);
        String[] kinds = {"sine", "square", "triangle", "sawtooth", "pinknoise"};
        for (int t = 0; t < 64; t++) {
            Path stem = dir.resolve("t" + t + ".wav");
            if (!Files.exists(stem)) {
                Timing.run("sox", "-n", "-r", "48000", "-c", "1", "-b", "24", stem.toString(), "synth",
                        String.valueOf(seconds), kinds[t % kinds.length], String.valueOf(55 * (1 + t % 12)),
                        "tremolo", String.valueOf(1 + t % 5), "50", "gain", "-24");
            }
            stems.add(stem);
        }
        Session session = session(stems);
        StaticRegistry registry = new StaticRegistry();
        for (ProcessorFactory f : new ProcessorFactory[] {new ParametricEqFactory(), new CompressorFactory(),
            new ReverbFactory(), new DelayFactory()}) {
            registry.add(ContributionKind.PROCESSOR, f.descriptor(), f, Map.of());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double oneThread = renderSeconds(session, dir, registry, 1);
        double allCores = renderSeconds(session, dir, registry, cores);
        List<String> sox = new ArrayList<>(List.of("sox", "-m"));
        stems.forEach(p -> sox.add(p.toString()));
        sox.add(dir.resolve("sox-mix.wav").toString());
        double soxTime = Timing.bestOfThree(sox);
        List<String> ffmpeg = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-threads", "1"));
        stems.forEach(p -> {
            ffmpeg.add("-i");
            ffmpeg.add(p.toString());
        });
        ffmpeg.addAll(List.of("-filter_complex", "amix=inputs=64:normalize=0", "-c:a", "pcm_s24le",
                dir.resolve("ffmpeg-mix.wav").toString()));
        double ffmpegTime = Timing.bestOfThree(ffmpeg);
        System.out.printf(Locale.ROOT, "%n64 tracks x %.0f s at 48 kHz%n", seconds);
        System.out.printf(Locale.ROOT, "%-66s %8s %9s%n", "renderer", "seconds", "x RT");
        System.out.printf(Locale.ROOT, "%-66s %7.2fs %8.1fx%n",
                "Mixbench, 1 thread: EQ + comp per track, 4 buses (2 verb, 2 delay)", oneThread,
                seconds / oneThread);
        System.out.printf(Locale.ROOT, "%-66s %7.2fs %8.1fx%n", "Mixbench, " + cores + " threads (all cores): same "
                + "session", allCores, seconds / allCores);
        System.out.printf(Locale.ROOT, "%-66s %7.2fs %8.1fx%n", "sox -m (plain sum, no processing)", soxTime,
                seconds / soxTime);
        System.out.printf(Locale.ROOT, "%-66s %7.2fs %8.1fx%n", "ffmpeg amix (plain sum, no processing)",
                ffmpegTime, seconds / ffmpegTime);
    }

    /** Best of three full renders of {@code session} on {@code threads} threads, in seconds. */
    private static double renderSeconds(Session session, Path dir, StaticRegistry registry, int threads)
            throws IOException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            try (MixRenderer r = MixRenderer.compile(session, dir, registry, new org.mixbench.testkit
                    .SingleFormatFiles(new WavImporterFactory(), new WavExporterFactory()), threads)) {
                float[][] block = new float[2][MixRenderer.BLOCK];
                while (r.render(block, MixRenderer.BLOCK) > 0) {
                    // the mix is discarded: this measures the engine
                }
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static Session session(List<Path> stems) {
        List<Session.Bus> buses = List.of(
                bus("verb1", new Session.Insert("mixbench.reverb", false, Map.of("mix", 100.0), Map.of())),
                bus("verb2", new Session.Insert("mixbench.reverb", false, Map.of("mix", 100.0, "decay", 1.2),
                        Map.of())),
                bus("delay1", new Session.Insert("mixbench.delay", false, Map.of("mix", 100.0), Map.of())),
                bus("delay2", new Session.Insert("mixbench.delay", false, Map.of("mix", 100.0, "time", 375.0),
                        Map.of())));
        List<Session.Track> tracks = new ArrayList<>();
        for (int t = 0; t < stems.size(); t++) {
            List<Session.Insert> inserts = List.of(
                    new Session.Insert("mixbench.eq", false, Map.of("band1.enabled", 1.0, "band1.type", 3.0,
                            "band1.frequency", 40.0, "band2.enabled", 1.0, "band2.gain", 2.0), Map.of()),
                    new Session.Insert("mixbench.compressor", false, Map.of("threshold", -30.0, "ratio", 3.0),
                            Map.of()));
            Session.Strip strip = new Session.Strip(0, false, inserts, -6, (t % 9 - 4) / 4.0,
                    Session.PanLaw.MINUS_3, false, false, false, "master", List.of(new Session.Send(buses.get(t % 4)
                            .id(), -12, 0, false)));
            tracks.add(new Session.Track("t" + t, "Track " + t, List.of(new Session.Clip(stems.get(t).getFileName()
                    .toString(), 0, 0, null, 0, 0.01, 0.01, Session.FadeCurve.LINEAR)), strip, List.of()));
        }
        return new Session(Session.FORMAT, 1, RATE, 120, tracks, buses, null);
    }

    private static Session.Bus bus(String id, Session.Insert insert) {
        return new Session.Bus(id, id, new Session.Strip(0, false, List.of(insert), 0, 0, Session.PanLaw.MINUS_3,
                false, false, false, "master", List.of()), List.of());
    }

}

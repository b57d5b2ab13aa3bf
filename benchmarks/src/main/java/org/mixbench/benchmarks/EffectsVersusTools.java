package org.mixbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixbench.api.audio.AudioReader;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.format.wav.WavExporterFactory;
import org.mixbench.format.wav.WavImporterFactory;
import org.mixbench.processors.eqdyn.CompressorFactory;
import org.mixbench.processors.eqdyn.ParametricEqFactory;
import org.mixbench.processors.space.DelayFactory;
import org.mixbench.processors.space.ReverbFactory;
import org.mixbench.processors.space.SaturationFactory;

/**
 * Each mixing effect against the nearest sox effect on the same stereo programme, side by side in one run: ours
 * processes the decoded samples in 512-frame blocks, sox reads the WAV and discards its output ({@code -n}); best of
 * three each, one core each, in multiples of real time. The effects are not identical (sox's {@code reverb} is a
 * Freeverb, its {@code overdrive} is not oversampled), so the ratio says what a user pays for ours against the tool
 * they might pick instead. Arguments: seconds of programme (default 60).
 */
public final class EffectsVersusTools {
    private static final int RATE = 48_000;
    private static final int BLOCK = 512;

    private record Pair(String name, ProcessorFactory ours, Map<String, Double> settings, String oursText,
            List<String> sox) {
    }

    private EffectsVersusTools() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        Path dir = Files.createDirectories(Paths.get("target", "effects-bench"));
        Path programme = dir.resolve("programme.wav");
        Timing.run("sox", "-n", "-r", String.valueOf(RATE), "-c", "2", "-b", "24", programme.toString(), "synth",
                String.valueOf(seconds), "pinknoise", "sine", "220", "tremolo", "4", "80", "gain", "-9");
        float[][] audio = read(programme);
        List<Pair> pairs = List.of(
                new Pair("EQ", new ParametricEqFactory(), Map.ofEntries(Map.entry("band1.enabled", 1.0),
                        Map.entry("band1.type", 3.0), Map.entry("band1.frequency", 40.0),
                        Map.entry("band2.enabled", 1.0), Map.entry("band2.frequency", 200.0),
                        Map.entry("band2.gain", 3.0), Map.entry("band3.enabled", 1.0),
                        Map.entry("band3.frequency", 2000.0), Map.entry("band3.gain", -2.0),
                        Map.entry("band4.enabled", 1.0), Map.entry("band4.frequency", 8000.0),
                        Map.entry("band4.gain", 2.0)), "HPF 24 dB/oct + 3 bells",
                        List.of("highpass", "40", "highpass", "40", "equalizer", "200", "1q", "3", "equalizer",
                                "2000", "1q", "-2", "equalizer", "8000", "1q", "2")),
                new Pair("Compressor", new CompressorFactory(), Map.of("threshold", -20.0, "ratio", 4.0,
                        "attack", 10.0, "release", 100.0), "-20 dB, 4:1, 10/100 ms",
                        List.of("compand", "0.01,0.1", "6:-70,-70,-20,-20,0,-15", "0", "-90", "0")),
                new Pair("Delay", new DelayFactory(), Map.of("mix", 30.0), "tempo-synced ping-pong",
                        List.of("echos", "0.8", "0.7", "250", "0.3", "500", "0.2")),
                new Pair("Reverb", new ReverbFactory(), Map.of("mix", 100.0, "decay", 2.0), "16-line FDN, 2 s",
                        List.of("reverb", "50", "50", "100")),
                new Pair("Saturation", new SaturationFactory(), Map.of("drive", 12.0), "tape, 8x oversampled",
                        List.of("overdrive", "12")));
        System.out.printf(Locale.ROOT, "%n%.0f s of 48 kHz stereo, one core each, best of three%n", seconds);
        System.out.printf(Locale.ROOT, "%-11s %-25s %7s   %-64s %7s %7s%n", "effect", "Mixbench", "x RT", "sox",
                "x RT", "ratio");
        for (Pair pair : pairs) {
            double ours = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                ours = Math.min(ours, process(pair, audio));
            }
            List<String> command = new ArrayList<>(List.of("sox", programme.toString(), "-n"));
            command.addAll(pair.sox());
            double sox = Timing.bestOfThree(command);
            System.out.printf(Locale.ROOT, "%-11s %-25s %6.0fx   %-64s %6.0fx %7.2f%n", pair.name(), pair.oursText(),
                    seconds / ours, String.join(" ", pair.sox()), seconds / sox, sox / ours);
        }
    }

    /** Seconds our processor takes over the whole programme. */
    private static double process(Pair pair, float[][] audio) {
        Processor p = pair.ours().create();
        p.restoreState(ProcessorState.of(pair.settings()));
        p.prepare(new ProcessSpec(RATE, BLOCK, 2));
        AudioBlock block = new AudioBlock(2, BLOCK, 4);
        float sink = 0;
        long t0 = System.nanoTime();
        for (int at = 0; at < audio[0].length; at += BLOCK) {
            int n = Math.min(BLOCK, audio[0].length - at);
            System.arraycopy(audio[0], at, block.channel(0), 0, n);
            System.arraycopy(audio[1], at, block.channel(1), 0, n);
            block.setFrames(n);
            block.events().clear();
            p.process(block);
            sink += block.channel(0)[0];
        }
        double took = (System.nanoTime() - t0) / 1e9;
        p.release();
        if (Float.isNaN(sink)) {
            throw new IllegalStateException(pair.name() + " produced NaN");
        }
        return took;
    }

    private static float[][] read(Path file) throws IOException {
        try (AudioReader reader = new org.mixbench.testkit.SingleFormatFiles(new WavImporterFactory(),
                new WavExporterFactory()).open(file)) {
            int frames = (int) reader.info().frames();
            float[][] audio = new float[2][frames];
            int at = 0;
            while (at < frames) {
                int n = reader.read(audio, at, Math.min(65_536, frames - at));
                if (n < 0) {
                    break;
                }
                at += n;
            }
            return audio;
        }
    }

}

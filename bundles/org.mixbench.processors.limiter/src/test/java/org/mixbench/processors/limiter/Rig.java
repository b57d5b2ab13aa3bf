package org.mixbench.processors.limiter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.mixbench.analysis.loudness.TruePeakMeter;
import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.ProcessorState;

/** Runs the limiter over whole signals for the behaviour tests, and measures and records what came out. */
final class Rig {
    static final int BLOCK = 512;

    private Rig() {
    }

    /** A prepared limiter at {@code rate} for {@code channels} channels, defaults overridden by {@code values}. */
    static LimiterProcessor limiter(double rate, int channels, Map<String, Double> values) {
        LimiterProcessor p = (LimiterProcessor) new LimiterFactory().create();
        p.restoreState(ProcessorState.of(new HashMap<>(values)));
        p.prepare(new ProcessSpec(rate, BLOCK, channels));
        return p;
    }

    /**
     * The limiter's output for {@code input} followed by enough silence to bring out the delayed end: {@code
     * input.length} channels of {@code input[0].length + latency} frames, rendered in blocks of {@link #BLOCK}.
     */
    static float[][] renderWithTail(LimiterProcessor p, float[][] input) {
        int frames = input[0].length + p.latencyFrames();
        float[][] out = new float[input.length][frames];
        for (int c = 0; c < input.length; c++) {
            System.arraycopy(input[c], 0, out[c], 0, input[c].length);
        }
        AudioBlock block = new AudioBlock(input.length, BLOCK, 4);
        for (int pos = 0; pos < frames; pos += BLOCK) {
            int n = Math.min(BLOCK, frames - pos);
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(out[c], pos, block.channel(c), 0, n);
            }
            block.setFrames(n);
            block.setPosition(pos);
            block.events().clear();
            p.process(block);
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(block.channel(c), 0, out[c], pos, n);
            }
        }
        return out;
    }

    /** Mixbench's true peak of {@code x} (from frame {@code from} on), dBTP, over all channels. */
    static double truePeakDbtp(float[][] x, double rate, int from) {
        TruePeakMeter meter = new TruePeakMeter(rate, x.length);
        meter.process(x, from, x[0].length - from);
        meter.finish();
        return meter.snapshot().truePeakMaxDbtp();
    }

    /** The largest absolute sample of {@code x}, dBFS. */
    static double samplePeakDbfs(float[][] x) {
        double peak = 0;
        for (float[] channel : x) {
            for (float v : channel) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        return 20 * Math.log10(peak);
    }

    static double db(double amplitude) {
        return 20 * Math.log10(amplitude);
    }

    static double amplitude(double db) {
        return Math.pow(10, db / 20);
    }

    /** Empties the reports {@code names}, so that each run writes its own figures. */
    static void clearReports(String... names) {
        try {
            for (String name : names) {
                Files.deleteIfExists(Path.of("target", "limiter", name + ".txt"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints a line and appends it to {@code target/limiter/<name>.txt}, the figures a reader looks up. */
    static void report(String name, String format, Object... args) {
        String line = String.format(java.util.Locale.ROOT, format, args);
        System.out.println(line);
        try {
            Path dir = Path.of("target", "limiter");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

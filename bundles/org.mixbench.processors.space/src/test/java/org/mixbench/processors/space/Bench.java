package org.mixbench.processors.space;

import java.util.Map;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;

/** Rendering and measuring helpers for the behaviour tests. */
final class Bench {
    static final double RATE = 48_000;
    static final int BLOCK = 512;

    private Bench() {
    }

    /** A processor with {@code values} restored, prepared at 48 kHz for 512-frame blocks. */
    static Processor prepared(ProcessorFactory factory, int channels, Map<String, Double> values) {
        Processor p = factory.create();
        p.restoreState(ProcessorState.of(values));
        p.prepare(new ProcessSpec(RATE, BLOCK, channels));
        return p;
    }

    /** Renders a copy of {@code input} in 512-frame blocks at {@code bpm}. */
    static float[][] render(Processor p, float[][] input, double bpm) {
        float[][] out = new float[input.length][];
        for (int c = 0; c < input.length; c++) {
            out[c] = input[c].clone();
        }
        AudioBlock block = new AudioBlock(input.length, BLOCK, 4);
        block.setTempoBpm(bpm);
        for (int pos = 0; pos < out[0].length; pos += BLOCK) {
            int n = Math.min(BLOCK, out[0].length - pos);
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(out[c], pos, block.channel(c), 0, n);
            }
            block.setFrames(n);
            block.events().clear();
            p.process(block);
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(block.channel(c), 0, out[c], pos, n);
            }
        }
        return out;
    }

    static float[][] render(Processor p, float[][] input) {
        return render(p, input, 120);
    }

    /** A unit impulse at frame 0 in every channel. */
    static float[][] impulse(int channels, int frames) {
        float[][] x = new float[channels][frames];
        for (float[] channel : x) {
            channel[0] = 1;
        }
        return x;
    }

    /** A sine of {@code amplitude} at {@code hz} in every channel. */
    static float[][] sine(int channels, int frames, double hz, double amplitude) {
        float[][] x = new float[channels][frames];
        for (int i = 0; i < frames; i++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
            for (float[] channel : x) {
                channel[i] = v;
            }
        }
        return x;
    }

    /** Index of the first sample whose magnitude exceeds {@code threshold}, or -1. */
    static int firstAbove(float[] x, double threshold) {
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) > threshold) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the largest magnitude in {@code [from, to)}. */
    static int peakIndex(float[] x, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Sum of squares over {@code [from, to)}. */
    static double energy(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += (double) x[i] * x[i];
        }
        return e;
    }

    /** Amplitude of the component at {@code hz} over {@code [from, from + length)} (rectangular window). */
    static double amplitude(float[] x, int from, int length, double hz) {
        double re = 0;
        double im = 0;
        double w = 2 * Math.PI * hz / RATE;
        for (int i = 0; i < length; i++) {
            re += x[from + i] * Math.cos(w * i);
            im += x[from + i] * Math.sin(w * i);
        }
        return 2 * Math.hypot(re, im) / length;
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }
}

package org.mixbench.processors.eqdyn;

import java.util.Map;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.api.processor.ProcessorState;
import org.mixbench.api.processor.SidechainInput;

/** Signals, rendering and measurement for the behaviour tests. */
final class Audio {
    static final int BLOCK = 512;

    private Audio() {
    }

    /** A processor of {@code factory} with {@code values}, prepared for {@code channels} at {@code rate}. */
    static Processor prepared(ProcessorFactory factory, double rate, int channels, Map<String, Double> values) {
        Processor p = factory.create();
        p.restoreState(ProcessorState.of(values));
        p.prepare(new ProcessSpec(rate, BLOCK, channels));
        return p;
    }

    /** A sine of {@code frames} frames at {@code amplitude}. */
    static float[] sine(double frequency, double amplitude, double rate, int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return x;
    }

    /** A constant (DC) signal. */
    static float[] constant(double value, int frames) {
        float[] x = new float[frames];
        java.util.Arrays.fill(x, (float) value);
        return x;
    }

    /** Amplitude for a level in dBFS. */
    static double amplitude(double db) {
        return Math.pow(10, db / 20);
    }

    /** Level in dB of an amplitude. */
    static double db(double amplitude) {
        return 20 * Math.log10(amplitude);
    }

    /** Processes {@code x} in place in blocks of {@link #BLOCK}, with no key. */
    static void run(Processor p, float[]... x) {
        runKeyed(p, null, x);
    }

    /** Processes {@code x} in place in blocks of {@link #BLOCK}, handing the matching part of {@code key}. */
    static void runKeyed(Processor p, float[][] key, float[]... x) {
        AudioBlock block = new AudioBlock(x.length, BLOCK, 4);
        AudioBlock keyBlock = key == null ? null : new AudioBlock(key.length, BLOCK, 0);
        for (int pos = 0; pos < x[0].length; pos += BLOCK) {
            int n = Math.min(BLOCK, x[0].length - pos);
            for (int c = 0; c < x.length; c++) {
                System.arraycopy(x[c], pos, block.channel(c), 0, n);
            }
            block.setFrames(n);
            block.events().clear();
            if (keyBlock != null) {
                for (int c = 0; c < key.length; c++) {
                    System.arraycopy(key[c], pos, keyBlock.channel(c), 0, n);
                }
                keyBlock.setFrames(n);
                ((SidechainInput) p).sidechain(keyBlock);
            }
            p.process(block);
            for (int c = 0; c < x.length; c++) {
                System.arraycopy(block.channel(c), 0, x[c], pos, n);
            }
        }
    }

    /**
     * Processes mono {@code x} in place in blocks whose lengths cycle through {@code sizes}, with one event: parameter
     * {@code parameter} becomes {@code value} at absolute frame {@code at}.
     */
    static void runWithEvent(Processor p, float[] x, int[] sizes, int at, int parameter, double value) {
        AudioBlock block = new AudioBlock(1, BLOCK, 4);
        int pos = 0;
        int k = 0;
        while (pos < x.length) {
            int n = Math.min(sizes[k++ % sizes.length], x.length - pos);
            System.arraycopy(x, pos, block.channel(0), 0, n);
            block.setFrames(n);
            block.events().clear();
            if (at >= pos && at < pos + n) {
                block.events().add(at - pos, parameter, value);
            }
            p.process(block);
            System.arraycopy(block.channel(0), 0, x, pos, n);
            pos += n;
        }
    }

    /**
     * Least-squares fit of {@code a sin + b cos + c} at {@code frequency} to {@code y[from, to)}; returns the
     * amplitude {@code sqrt(a^2 + b^2)}.
     */
    static double fitAmplitude(float[] y, double frequency, double rate, int from, int to) {
        double[][] m = new double[3][3];
        double[] v = new double[3];
        double[] basis = new double[3];
        for (int i = from; i < to; i++) {
            double phase = 2 * Math.PI * frequency * i / rate;
            basis[0] = Math.sin(phase);
            basis[1] = Math.cos(phase);
            basis[2] = 1;
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r][c] += basis[r] * basis[c];
                }
                v[r] += basis[r] * y[i];
            }
        }
        double[] s = solve(m, v);
        return Math.hypot(s[0], s[1]);
    }

    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double t = v[col];
            v[col] = v[pivot];
            v[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c < n; c++) {
                    m[r][c] -= f * m[col][c];
                }
                v[r] -= f * v[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = v[r];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}

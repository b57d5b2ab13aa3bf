package org.mixbench.processors.multiband;

import java.util.Map;
import java.util.SplittableRandom;

import org.mixbench.api.processor.AudioBlock;
import org.mixbench.api.processor.ProcessSpec;
import org.mixbench.api.processor.Processor;
import org.mixbench.api.processor.ProcessorState;

/** Signals, rendering and measurements for the multiband compressor's behaviour tests. */
final class Bench {
    static final int BLOCK = 512;

    private Bench() {
    }

    /** A multiband compressor with {@code values} (the rest at defaults), prepared for {@code channels} at {@code rate}. */
    static MultibandProcessor prepared(Map<String, Double> values, double rate, int channels) {
        MultibandProcessor p = (MultibandProcessor) new MultibandFactory().create();
        p.restoreState(ProcessorState.of(values));
        p.prepare(new ProcessSpec(rate, BLOCK, channels));
        return p;
    }

    /** Processes the channels {@code x} in place in blocks of {@link #BLOCK}. */
    static void run(Processor p, float[]... x) {
        AudioBlock block = new AudioBlock(x.length, BLOCK, 4);
        for (int pos = 0; pos < x[0].length; pos += BLOCK) {
            int n = Math.min(BLOCK, x[0].length - pos);
            for (int c = 0; c < x.length; c++) {
                System.arraycopy(x[c], pos, block.channel(c), 0, n);
            }
            block.setFrames(n);
            block.setPosition(pos);
            block.events().clear();
            p.process(block);
            for (int c = 0; c < x.length; c++) {
                System.arraycopy(block.channel(c), 0, x[c], pos, n);
            }
        }
    }

    /**
     * Processes the channels {@code x} in place in blocks whose lengths cycle through {@code sizes}, with one event:
     * parameter {@code id} becomes {@code value} at absolute frame {@code at}.
     */
    static void runWithEvent(Processor p, int[] sizes, int at, String id, double value, float[]... x) {
        int parameter = -1;
        java.util.List<org.mixbench.api.processor.ParameterDescriptor> list = new MultibandFactory().parameters();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                parameter = i;
            }
        }
        if (parameter < 0) {
            throw new IllegalArgumentException(id);
        }
        AudioBlock block = new AudioBlock(x.length, BLOCK, 4);
        int pos = 0;
        int k = 0;
        while (pos < x[0].length) {
            int n = Math.min(sizes[k++ % sizes.length], x[0].length - pos);
            for (int c = 0; c < x.length; c++) {
                System.arraycopy(x[c], pos, block.channel(c), 0, n);
            }
            block.setFrames(n);
            block.setPosition(pos);
            block.events().clear();
            if (at >= pos && at < pos + n) {
                block.events().add(at - pos, parameter, value);
            }
            p.process(block);
            for (int c = 0; c < x.length; c++) {
                System.arraycopy(block.channel(c), 0, x[c], pos, n);
            }
            pos += n;
        }
    }

    /** The level in dB of the difference between {@code actual} and {@code expected} relative to {@code expected}. */
    static double nullDepthDb(float[] expected, float[] actual, int from, int to) {
        double difference = 0;
        double reference = 0;
        for (int i = from; i < to; i++) {
            double d = (double) actual[i] - expected[i];
            difference += d * d;
            reference += (double) expected[i] * expected[i];
        }
        return difference == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(difference / reference);
    }

    /** {@code x} delayed by {@code frames}, same length. */
    static float[] delayed(float[] x, int frames) {
        float[] y = new float[x.length];
        System.arraycopy(x, 0, y, frames, x.length - frames);
        return y;
    }

    /** A sine of {@code frames} frames at {@code amplitude}. */
    static float[] sine(double frequency, double amplitude, double rate, int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return x;
    }

    /** The sample-wise sum of {@code a} and {@code b}. */
    static float[] sum(float[] a, float[] b) {
        float[] y = new float[a.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = a[i] + b[i];
        }
        return y;
    }

    /** Seeded white noise, uniform in {@code [-amplitude, amplitude)}. */
    static float[] noise(double amplitude, int frames, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * (2 * random.nextDouble() - 1));
        }
        return x;
    }

    /** Amplitude for a level in dB. */
    static double amplitude(double db) {
        return Math.pow(10, db / 20);
    }

    /** Level in dB of an amplitude. */
    static double db(double amplitude) {
        return 20 * Math.log10(amplitude);
    }

    /** The RMS of {@code x[from, to)}. */
    static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /**
     * The amplitude of the component at {@code frequency} in {@code y[from, to)}, by a least-squares fit of
     * {@code a sin + b cos + c}.
     */
    static double toneAmplitude(float[] y, double frequency, double rate, int from, int to) {
        double[][] m = new double[3][4];
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
                m[r][3] += basis[r] * y[i];
            }
        }
        for (int col = 0; col < 3; col++) {
            for (int r = col + 1; r < 3; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c < 4; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] s = new double[3];
        for (int r = 2; r >= 0; r--) {
            double v = m[r][3];
            for (int c = r + 1; c < 3; c++) {
                v -= m[r][c] * s[c];
            }
            s[r] = v / m[r][r];
        }
        return Math.hypot(s[0], s[1]);
    }

    /** The magnitude of the discrete-time Fourier transform of {@code h} at {@code frequency}. */
    static double magnitude(float[] h, double frequency, double rate) {
        double w = 2 * Math.PI * frequency / rate;
        double re = 0;
        double im = 0;
        // rotate a phasor instead of calling cos and sin per sample; renormalised against drift
        double cr = 1;
        double ci = 0;
        double stepR = Math.cos(w);
        double stepI = -Math.sin(w);
        for (int n = 0; n < h.length; n++) {
            re += h[n] * cr;
            im += h[n] * ci;
            double nr = cr * stepR - ci * stepI;
            ci = cr * stepI + ci * stepR;
            cr = nr;
            if ((n & 1023) == 1023) {
                double norm = Math.hypot(cr, ci);
                cr /= norm;
                ci /= norm;
            }
        }
        return Math.hypot(re, im);
    }

    /** The magnitude of the Linkwitz-Riley 24 dB/oct low pass at {@code fc} for {@code f}, bilinear-transformed. */
    static double lowPass(double f, double fc, double rate) {
        double t = Math.tan(Math.PI * f / rate) / Math.tan(Math.PI * fc / rate);
        return 1 / (1 + t * t * t * t);
    }

    /** The magnitude of the Linkwitz-Riley 24 dB/oct high pass at {@code fc} for {@code f}: 1 minus the low pass. */
    static double highPass(double f, double fc, double rate) {
        return 1 - lowPass(f, fc, rate);
    }

    /** {@code count} frequencies spaced evenly on a log scale from {@code low} to {@code high}, both included. */
    static double[] logFrequencies(double low, double high, int count) {
        double[] f = new double[count];
        for (int i = 0; i < count; i++) {
            f[i] = low * Math.pow(high / low, i / (count - 1.0));
        }
        return f;
    }
}

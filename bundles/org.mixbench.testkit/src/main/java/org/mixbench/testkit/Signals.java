package org.mixbench.testkit;

import java.util.SplittableRandom;

/** Deterministic test signals for contract tests. */
public final class Signals {
    private Signals() {
    }

    /**
     * {@code channels} x {@code frames} of music-like test material: a sine per channel at a different frequency at
     * -12 dBFS plus seeded noise at -30 dBFS, and a short burst near the start so envelopes move.
     */
    public static float[][] program(int channels, int frames, double sampleRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] x = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            double f = 220 * (c + 1) + 17;
            for (int i = 0; i < frames; i++) {
                double burst = i > frames / 10 && i < frames / 5 ? 0.5 : 0.0;
                x[c][i] = (float) (0.25 * Math.sin(2 * Math.PI * f * i / sampleRate)
                        + 0.0316 * (random.nextDouble() * 2 - 1) + burst * Math.sin(2 * Math.PI * 3000 * i / sampleRate));
            }
        }
        return x;
    }

    /** A deep copy. */
    public static float[][] copy(float[][] x) {
        float[][] y = new float[x.length][];
        for (int c = 0; c < x.length; c++) {
            y[c] = x[c].clone();
        }
        return y;
    }
}

package org.mixbench.dsp;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A second-order IIR section for one signal, in transposed direct form II, with the RBJ cookbook low-pass, high-pass
 * and all-pass designs at the Butterworth Q: two low or two high passes in a row make a Linkwitz-Riley 24 dB/oct
 * crossover, whose outputs sum to the all pass at the same frequency. Frequencies are kept below 0.45 of the sample
 * rate; values of the state below 1e-25 are flushed to zero (no denormals in long tails). Thread: one audio thread at
 * a time; setting coefficients and {@link #process} allocate nothing.
 */
@ProviderType
public final class Biquad {
    private static final double BUTTERWORTH_Q = Math.sqrt(0.5);
    private static final double DENORMAL = 1e-25;
    private double b0 = 1;
    private double b1;
    private double b2;
    private double a1;
    private double a2;
    private double z1;
    private double z2;

    /** A pass-through section. Any thread. */
    public Biquad() {
    }

    /** A Butterworth low pass at {@code hz}. Audio or main thread. */
    public void lowPass(double sampleRate, double hz) {
        double cos = Math.cos(omega(sampleRate, hz));
        set((1 - cos) / 2, 1 - cos, (1 - cos) / 2, sampleRate, hz);
    }

    /** A Butterworth high pass at {@code hz}. Audio or main thread. */
    public void highPass(double sampleRate, double hz) {
        double cos = Math.cos(omega(sampleRate, hz));
        set((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, sampleRate, hz);
    }

    /** An all pass at {@code hz} with the Butterworth Q (the sum of a Linkwitz-Riley pair). Audio or main thread. */
    public void allPass(double sampleRate, double hz) {
        double w = omega(sampleRate, hz);
        double alpha = Math.sin(w) / (2 * BUTTERWORTH_Q);
        set(1 - alpha, -2 * Math.cos(w), 1 + alpha, sampleRate, hz);
    }

    private static double omega(double sampleRate, double hz) {
        return 2 * Math.PI * Math.min(hz, 0.45 * sampleRate) / sampleRate;
    }

    private void set(double nb0, double nb1, double nb2, double sampleRate, double hz) {
        double w = omega(sampleRate, hz);
        double alpha = Math.sin(w) / (2 * BUTTERWORTH_Q);
        double a0 = 1 + alpha;
        b0 = nb0 / a0;
        b1 = nb1 / a0;
        b2 = nb2 / a0;
        a1 = -2 * Math.cos(w) / a0;
        a2 = (1 - alpha) / a0;
    }

    /** Filters one sample. Audio thread. */
    public double process(double x) {
        double y = b0 * x + z1;
        z1 = flush(b1 * x - a1 * y + z2);
        z2 = flush(b2 * x - a2 * y);
        return y;
    }

    /** Clears the filter's memory. Audio thread. */
    public void reset() {
        z1 = 0;
        z2 = 0;
    }

    private static double flush(double x) {
        return Math.abs(x) < DENORMAL ? 0 : x;
    }
}

package org.mixbench.processors.space;

/**
 * A second-order IIR section in transposed direct form II with the RBJ cookbook low-pass and high-pass designs.
 * Coefficients are set on the audio thread at parameter events; nothing allocates after construction.
 */
final class Biquad {
    private static final double BUTTERWORTH_Q = Math.sqrt(0.5);
    private double b0 = 1;
    private double b1;
    private double b2;
    private double a1;
    private double a2;
    private double z1;
    private double z2;

    /** A Butterworth low-pass at {@code hz} (kept below 0.45 of the sample rate). Audio or main thread. */
    void lowPass(double sampleRate, double hz) {
        double w = 2 * Math.PI * Math.min(hz, 0.45 * sampleRate) / sampleRate;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * BUTTERWORTH_Q);
        double a0 = 1 + alpha;
        b0 = (1 - cos) / 2 / a0;
        b1 = (1 - cos) / a0;
        b2 = b0;
        a1 = -2 * cos / a0;
        a2 = (1 - alpha) / a0;
    }

    /** A Butterworth high-pass at {@code hz} (kept below 0.45 of the sample rate). Audio or main thread. */
    void highPass(double sampleRate, double hz) {
        double w = 2 * Math.PI * Math.min(hz, 0.45 * sampleRate) / sampleRate;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * BUTTERWORTH_Q);
        double a0 = 1 + alpha;
        b0 = (1 + cos) / 2 / a0;
        b1 = -(1 + cos) / a0;
        b2 = b0;
        a1 = -2 * cos / a0;
        a2 = (1 - alpha) / a0;
    }

    /** Filters one sample. Audio thread. */
    double process(double x) {
        double y = b0 * x + z1;
        z1 = DelayLine.flush(b1 * x - a1 * y + z2);
        z2 = DelayLine.flush(b2 * x - a2 * y);
        return y;
    }

    /** Clears the filter's memory. Audio thread. */
    void reset() {
        z1 = 0;
        z2 = 0;
    }
}

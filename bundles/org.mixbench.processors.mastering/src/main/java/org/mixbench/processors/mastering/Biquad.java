package org.mixbench.processors.mastering;

/**
 * A second-order section (RBJ cookbook, bilinear transform) for one signal, direct form I in double precision.
 * Coefficients are set on the control side ({@link #lowPass}, {@link #highPass}, {@link #allPass}, all with the
 * Butterworth Q, so that two low or high passes make a Linkwitz-Riley 24 dB/oct crossover whose two outputs sum to
 * the all pass). Audio thread: {@link #process} allocates nothing.
 */
final class Biquad {
    private static final double Q = Math.sqrt(0.5);
    private double b0 = 1;
    private double b1;
    private double b2;
    private double a1;
    private double a2;
    private double x1;
    private double x2;
    private double y1;
    private double y2;

    void lowPass(double hz, double rate) {
        double w = 2 * Math.PI * hz / rate;
        double alpha = Math.sin(w) / (2 * Q);
        double cos = Math.cos(w);
        set((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    void highPass(double hz, double rate) {
        double w = 2 * Math.PI * hz / rate;
        double alpha = Math.sin(w) / (2 * Q);
        double cos = Math.cos(w);
        set((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    void allPass(double hz, double rate) {
        double w = 2 * Math.PI * hz / rate;
        double alpha = Math.sin(w) / (2 * Q);
        double cos = Math.cos(w);
        set(1 - alpha, -2 * cos, 1 + alpha, 1 + alpha, -2 * cos, 1 - alpha);
    }

    private void set(double nb0, double nb1, double nb2, double a0, double na1, double na2) {
        b0 = nb0 / a0;
        b1 = nb1 / a0;
        b2 = nb2 / a0;
        a1 = na1 / a0;
        a2 = na2 / a0;
    }

    /** Filters one sample. */
    double process(double x) {
        double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }

    void reset() {
        x1 = 0;
        x2 = 0;
        y1 = 0;
        y2 = 0;
    }
}

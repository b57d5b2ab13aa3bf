package org.mixbench.analysis.loudness;

/**
 * The polyphase FIR interpolator of the true-peak meter: a linear-phase Nyquist (L-th band) low-pass, a
 * Kaiser-windowed sinc with cutoff at half the input rate, {@code L * TAPS + 1} taps at the oversampled rate. Phase 0
 * of such a filter is the input sample itself, so only the {@code L - 1} in-between phases are computed, each from
 * {@link #TAPS} input samples. Each phase is scaled to unit gain at DC. With 32 taps per phase and beta 5 the passband
 * is flat within +0.013/-0.009 dB up to 0.42 fs (18.5 kHz at 44.1 kHz, 20.2 kHz at 48 kHz) and images are 57 dB
 * down; up to 0.4535 fs (20 kHz at 44.1 kHz) within +0.02/-0.06 dB, images 43 dB down. (The example filter of
 * BS.1770-4 Annex 2 keeps +/-0.1 dB to 0.4 fs and 40 dB.)
 *
 * <p>Immutable; any thread.
 */
final class Interpolator {
    /** Input samples per phase; even, so that the phases are symmetric in pairs. */
    static final int TAPS = 32;
    /** Kaiser window parameter. */
    static final double BETA = 5.0;

    private Interpolator() {
    }

    /**
     * The in-between phases for oversampling by {@code factor} (2 or 4): {@code phases[p - 1][k]} multiplies input
     * sample {@code x[n - TAPS + 1 + k]} to give the value at {@code n - TAPS / 2 + p / factor}. Any thread.
     */
    static double[][] phases(int factor) {
        int half = factor * TAPS / 2;
        int length = 2 * half + 1;
        double[] h = new double[length];
        double norm = besselI0(BETA);
        for (int j = 0; j < length; j++) {
            double t = (double) (j - half) / factor;
            double sinc = t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
            double r = (double) (j - half) / half;
            h[j] = sinc * besselI0(BETA * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
        }
        double[][] phases = new double[factor - 1][TAPS];
        for (int p = 1; p < factor; p++) {
            double sum = 0;
            for (int k = 0; k < TAPS; k++) {
                phases[p - 1][k] = h[factor * (TAPS - 1 - k) + p];
                sum += phases[p - 1][k];
            }
            for (int k = 0; k < TAPS; k++) {
                phases[p - 1][k] /= sum;
            }
        }
        return phases;
    }

    /** The zeroth-order modified Bessel function of the first kind, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200 && term > 1e-17 * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}

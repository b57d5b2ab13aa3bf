package org.mixbench.analysis.loudness;

/**
 * The signal of EBU Tech 3341 cases 20 to 23: an fs/6 tone at -6 dBFS holding one period of fs/4 at full scale,
 * made at 16 times the sample rate, band-limited to 0.45 fs by a Kaiser-windowed sinc (1025 taps, beta 9: flat to
 * 0.40 fs, more than 80 dB down from 0.5 fs), and normalised so that its true peak, found on the 16x grid and refined
 * by a parabola through the three largest neighbours, is exactly 1.0 (0 dBTP). Decimating it at offsets of 0, 4, 8 and
 * 12 points of the 16x grid gives four signals at {@code fs} whose peak falls at 0, 1/4, 1/2 and 3/4 of a sample
 * period.
 */
final class InterSamplePeakSignal {
    private static final int UP = 16;
    private static final int HALF = 512;
    private static final double BETA = 9;
    private static final double SECONDS = 0.6;

    private InterSamplePeakSignal() {
    }

    /** The four decimated signals at {@code fs}, offsets 0, 1/4, 1/2 and 3/4 of a sample period. */
    static float[][] decimated(double fs) {
        double rate = UP * fs;
        int length = (int) Math.round(SECONDS * rate);
        double[] raw = new double[length];
        int burst = length / 2;
        int period = UP * 4;
        int fade = (int) Math.round(0.01 * rate);
        double phase = 0;
        for (int m = 0; m < length; m++) {
            boolean inBurst = m >= burst && m < burst + period;
            double amplitude = inBurst ? 1.0 : 0.5;
            double g = Math.min(1.0, Math.min((double) m / fade, (double) (length - 1 - m) / fade));
            raw[m] = g * amplitude * Math.sin(phase);
            phase += 2 * Math.PI * (inBurst ? 0.25 : 1.0 / 6) / UP;
        }
        double[] h = lowPass();
        double peak = 0;
        int peakAt = 0;
        int from = burst - 3 * period;
        int to = burst + 4 * period;
        for (int m = from; m < to; m++) {
            double v = Math.abs(filtered(raw, h, m));
            if (v > peak) {
                peak = v;
                peakAt = m;
            }
        }
        double left = Math.abs(filtered(raw, h, peakAt - 1));
        double right = Math.abs(filtered(raw, h, peakAt + 1));
        double denominator = left - 2 * peak + right;
        double refined = denominator < 0 ? peak - (left - right) * (left - right) / (8 * denominator) : peak;
        int frames = length / UP - 1;
        float[][] out = new float[4][frames];
        for (int o = 0; o < 4; o++) {
            for (int n = 0; n < frames; n++) {
                out[o][n] = (float) (filtered(raw, h, UP * n + 4 * o) / refined);
            }
        }
        return out;
    }

    private static double filtered(double[] raw, double[] h, int m) {
        double sum = 0;
        int lo = Math.max(0, m - HALF);
        int hi = Math.min(raw.length - 1, m + HALF);
        for (int j = lo; j <= hi; j++) {
            sum += h[m - j + HALF] * raw[j];
        }
        return sum;
    }

    private static double[] lowPass() {
        double cutoff = 0.45 / UP;
        double[] h = new double[2 * HALF + 1];
        double norm = Interpolator.besselI0(BETA);
        double sum = 0;
        for (int j = -HALF; j <= HALF; j++) {
            double t = 2 * cutoff * j;
            double sinc = j == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
            double r = (double) j / HALF;
            h[j + HALF] = 2 * cutoff * sinc * Interpolator.besselI0(BETA * Math.sqrt(1 - r * r)) / norm;
            sum += h[j + HALF];
        }
        for (int j = 0; j < h.length; j++) {
            h[j] /= sum;
        }
        return h;
    }
}

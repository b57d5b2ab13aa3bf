package org.mixbench.processors.multiband;

/**
 * Designs the linear-phase low passes of the linear-phase crossover: a zero-phase filter whose magnitude is that of the
 * Linkwitz-Riley 24 dB/oct low pass at the same frequency, {@code |B|^2} for the Butterworth biquad {@code B} of
 * {@link org.mixbench.dsp.Biquad#lowPass}. {@code B(z) B(1/z)} has exactly that response, and its impulse response
 * is the autocorrelation of {@code B}'s, which has a closed form: {@code B}'s impulse response is {@code c delta[n] +
 * 2 Re(A p^n)} for its pole {@code p}, so the autocorrelation at lag {@code k > 0} is {@code 2 Re((Q + c A) p^k)} with
 * {@code Q = A^2 / (1 - p^2) + |A|^2 / (1 - |p|^2)}. The kernel keeps lags {@code -half .. half}, tapers the outer
 * quarter on each side with a half cosine (the response of a crossover below about 40 Hz at 48 kHz is longer than the
 * kernel and is smoothed there), and is scaled to unity gain at DC, so that the band above it passes no DC at all.
 * The complementary high pass {@code delta - h} then has the Linkwitz-Riley high pass's magnitude, and the two sum
 * to a pure delay of {@code half} samples. Stateless; never allocates; any thread.
 */
final class LinearPhaseKernel {
    private LinearPhaseKernel() {
    }

    /** The number of taps for a kernel of half length {@code half}. */
    static int taps(int half) {
        return 2 * half + 1;
    }

    /**
     * Writes the low pass at {@code hz} (below 0.45 of {@code rate}) into {@code out[0 .. 2 half]}, centred on
     * {@code out[half]}.
     */
    static void design(double rate, double hz, int half, float[] out) {
        double w = 2 * Math.PI * Math.min(hz, 0.45 * rate) / rate;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * Math.sqrt(0.5));
        double a0 = 1 + alpha;
        double b0 = (1 - cos) / 2 / a0;
        double b1 = (1 - cos) / a0;
        double b2 = b0;
        double a1 = -2 * cos / a0;
        double a2 = (1 - alpha) / a0;
        // poles of z^2 + a1 z + a2 (a complex pair for the Butterworth Q)
        double pr = -a1 / 2;
        double pi = Math.sqrt(Math.max(0, a2 - pr * pr));
        // impulse response h[0..2] by the recursion, then h[n] = 2 Re(A p^n) for n >= 1 and c = h[0] - 2 Re(A)
        double h0 = b0;
        double h1 = b1 - a1 * h0;
        double h2 = b2 - a1 * h1 - a2 * h0;
        double ur = h1 / 2; // u = A p
        double ui = (ur * pr - h2 / 2) / pi;
        double norm = pr * pr + pi * pi;
        double ar = (ur * pr + ui * pi) / norm; // A = u / p
        double ai = (ui * pr - ur * pi) / norm;
        double c = h0 - 2 * ar;
        // Q = A^2 / (1 - p^2) + |A|^2 / (1 - |p|^2)
        double aar = ar * ar - ai * ai;
        double aai = 2 * ar * ai;
        double dr = 1 - (pr * pr - pi * pi);
        double di = -2 * pr * pi;
        double dd = dr * dr + di * di;
        double qr = (aar * dr + aai * di) / dd + (ar * ar + ai * ai) / (1 - norm);
        double qi = (aai * dr - aar * di) / dd;
        double kr = qr + c * ar; // Q + c A, for the lags k >= 1
        double ki = qi + c * ai;
        double r0 = 2 * qr + 4 * c * ar + c * c;
        out[half] = (float) r0;
        double sum = r0;
        double zr = pr; // p^k
        double zi = pi;
        int taper = half / 2;
        for (int k = 1; k <= half; k++) {
            double value = 2 * (kr * zr - ki * zi);
            int intoTaper = k - (half - taper);
            if (intoTaper > 0) {
                value *= 0.5 * (1 + Math.cos(Math.PI * intoTaper / (taper + 1)));
            }
            out[half + k] = (float) value;
            out[half - k] = (float) value;
            sum += 2 * value;
            double nr = zr * pr - zi * pi;
            zi = zr * pi + zi * pr;
            zr = nr;
        }
        double scale = 1 / sum;
        double floatSum = 0;
        for (int k = 0; k < taps(half); k++) {
            out[k] = (float) (out[k] * scale);
            floatSum += out[k];
        }
        // the float rounding of the taps leaves a DC error near 1e-7; put it into the centre tap
        out[half] = (float) (out[half] + (1 - floatSum));
    }
}

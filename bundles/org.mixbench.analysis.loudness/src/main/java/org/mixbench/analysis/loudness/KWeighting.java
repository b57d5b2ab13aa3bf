package org.mixbench.analysis.loudness;

/**
 * The K-weighting pre-filter of ITU-R BS.1770-4 for any sample rate: a high-shelf (the acoustic effect of the head)
 * followed by the RLB high-pass, each a biquad obtained from its analog prototype by the bilinear transform with
 * the frequency pre-warped to the prototype's corner, as libebur128 derives them. The prototype parameters are the
 * ones that reproduce the 48 kHz coefficients of BS.1770-4 Tables 1 and 2 to better than 1e-8.
 *
 * <p>Coefficients are normalised ({@code a0 = 1}) and ordered {@code b0, b1, b2, a1, a2}. Immutable; any thread.
 */
final class KWeighting {
    /** High-shelf corner frequency, Hz. */
    static final double SHELF_F0 = 1681.974450955533;
    /** High-shelf gain, dB. */
    static final double SHELF_GAIN_DB = 3.999843853973347;
    /** High-shelf quality factor. */
    static final double SHELF_Q = 0.7071752369554196;
    /** RLB high-pass corner frequency, Hz. */
    static final double HIGHPASS_F0 = 38.13547087602444;
    /** RLB high-pass quality factor. */
    static final double HIGHPASS_Q = 0.5003270373238773;

    private KWeighting() {
    }

    /** The shelving stage at {@code sampleRate}: {@code b0, b1, b2, a1, a2}. Any thread. */
    static double[] shelf(double sampleRate) {
        double k = Math.tan(Math.PI * SHELF_F0 / sampleRate);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1.0 + k / SHELF_Q + k * k;
        return new double[] {
            (vh + vb * k / SHELF_Q + k * k) / a0,
            2.0 * (k * k - vh) / a0,
            (vh - vb * k / SHELF_Q + k * k) / a0,
            2.0 * (k * k - 1.0) / a0,
            (1.0 - k / SHELF_Q + k * k) / a0};
    }

    /** The RLB high-pass stage at {@code sampleRate}: {@code b0, b1, b2, a1, a2} (numerator 1, -2, 1). Any thread. */
    static double[] highPass(double sampleRate) {
        double k = Math.tan(Math.PI * HIGHPASS_F0 / sampleRate);
        double a0 = 1.0 + k / HIGHPASS_Q + k * k;
        return new double[] {1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / HIGHPASS_Q + k * k) / a0};
    }

    /** The magnitude response in dB of both stages at {@code frequency} Hz. Any thread. */
    static double responseDb(double sampleRate, double frequency) {
        return 20 * Math.log10(magnitude(shelf(sampleRate), sampleRate, frequency)
                * magnitude(highPass(sampleRate), sampleRate, frequency));
    }

    private static double magnitude(double[] c, double sampleRate, double frequency) {
        double w = 2 * Math.PI * frequency / sampleRate;
        double cos1 = Math.cos(w);
        double sin1 = Math.sin(w);
        double cos2 = Math.cos(2 * w);
        double sin2 = Math.sin(2 * w);
        double nr = c[0] + c[1] * cos1 + c[2] * cos2;
        double ni = -c[1] * sin1 - c[2] * sin2;
        double dr = 1 + c[3] * cos1 + c[4] * cos2;
        double di = -c[3] * sin1 - c[4] * sin2;
        return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }
}

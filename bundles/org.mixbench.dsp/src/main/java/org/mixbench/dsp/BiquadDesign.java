package org.mixbench.dsp;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Coefficients of the EQ sections of Robert Bristow-Johnson's "Cookbook formulae for audio EQ biquad filter
 * coefficients" (bilinear transform with the frequency pre-warped, so a bell's centre, a shelf's half-gain point and a
 * pass filter's corner land exactly where asked), a first-order tilt, the Butterworth alignment of a cascade of
 * sections, and the magnitude of a section at a frequency (for drawing a curve or designing a linear-phase filter
 * with the same magnitude).
 *
 * <p>Coefficients are written normalised by {@code a0} as five numbers {@code b0, b1, b2, a1, a2} for
 * {@code y = b0 x + b1 x1 + b2 x2 - a1 y1 - a2 y2}. Used by the parametric EQ and the mastering EQ. Stateless; any
 * thread; never allocates.
 */
@ProviderType
public final class BiquadDesign {
    /** A peaking bell: {@code gainDb} at the frequency, bandwidth from {@code q}. */
    public static final int BELL = 0;
    /** A low shelf: {@code gainDb} below the frequency, half of it at the frequency; {@code q} 0.71 is the RBJ S = 1. */
    public static final int LOW_SHELF = 1;
    /** A high shelf: {@code gainDb} above the frequency, half of it at the frequency. */
    public static final int HIGH_SHELF = 2;
    /** A second-order high pass with corner at the frequency and resonance {@code q} (0.71 is Butterworth). */
    public static final int HIGH_PASS = 3;
    /** A second-order low pass with corner at the frequency and resonance {@code q}. */
    public static final int LOW_PASS = 4;
    /**
     * A first-order tilt (6 dB/oct at most, spread over several octaves) pivoting at the frequency: {@code -gainDb/2}
     * at 0 Hz, 0 dB at the frequency, {@code +gainDb/2} at the Nyquist frequency; {@code q} is ignored and
     * {@code b2 = a2 = 0}. The analogue prototype {@code r (s + w0 / r) / (s + w0 r)}, {@code r = 10^(gainDb / 40)},
     * is mapped with the bilinear transform pre-warped at the frequency.
     */
    public static final int TILT = 5;
    /** Q of one second-order Butterworth section. */
    public static final double BUTTERWORTH_Q = Math.sqrt(0.5);

    private BiquadDesign() {
    }

    /**
     * Writes the section of {@code type} at {@code frequency} Hz (kept below 0.49 of the sample rate), {@code gainDb}
     * (bell, shelves and tilt only) and {@code q} into {@code out[offset .. offset + 5)}.
     */
    public static void design(int type, double frequency, double gainDb, double q, double sampleRate, double[] out,
            int offset) {
        double f = Math.min(frequency, 0.49 * sampleRate);
        double w0 = 2 * Math.PI * f / sampleRate;
        if (type == TILT) {
            double k = Math.tan(w0 / 2);
            double r = Math.pow(10, gainDb / 40);
            double a0 = 1 + k * r;
            out[offset] = (r + k) / a0;
            out[offset + 1] = (k - r) / a0;
            out[offset + 2] = 0;
            out[offset + 3] = (k * r - 1) / a0;
            out[offset + 4] = 0;
            return;
        }
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double a = Math.pow(10, gainDb / 40);
        double b0;
        double b1;
        double b2;
        double a0;
        double a1;
        double a2;
        switch (type) {
            case BELL -> {
                b0 = 1 + alpha * a;
                b1 = -2 * cos;
                b2 = 1 - alpha * a;
                a0 = 1 + alpha / a;
                a1 = -2 * cos;
                a2 = 1 - alpha / a;
            }
            case LOW_SHELF -> {
                double s = 2 * Math.sqrt(a) * alpha;
                b0 = a * ((a + 1) - (a - 1) * cos + s);
                b1 = 2 * a * ((a - 1) - (a + 1) * cos);
                b2 = a * ((a + 1) - (a - 1) * cos - s);
                a0 = (a + 1) + (a - 1) * cos + s;
                a1 = -2 * ((a - 1) + (a + 1) * cos);
                a2 = (a + 1) + (a - 1) * cos - s;
            }
            case HIGH_SHELF -> {
                double s = 2 * Math.sqrt(a) * alpha;
                b0 = a * ((a + 1) + (a - 1) * cos + s);
                b1 = -2 * a * ((a - 1) + (a + 1) * cos);
                b2 = a * ((a + 1) + (a - 1) * cos - s);
                a0 = (a + 1) - (a - 1) * cos + s;
                a1 = 2 * ((a - 1) - (a + 1) * cos);
                a2 = (a + 1) - (a - 1) * cos - s;
            }
            case HIGH_PASS -> {
                b0 = (1 + cos) / 2;
                b1 = -(1 + cos);
                b2 = (1 + cos) / 2;
                a0 = 1 + alpha;
                a1 = -2 * cos;
                a2 = 1 - alpha;
            }
            case LOW_PASS -> {
                b0 = (1 - cos) / 2;
                b1 = 1 - cos;
                b2 = (1 - cos) / 2;
                a0 = 1 + alpha;
                a1 = -2 * cos;
                a2 = 1 - alpha;
            }
            default -> throw new IllegalArgumentException("unknown section type " + type);
        }
        out[offset] = b0 / a0;
        out[offset + 1] = b1 / a0;
        out[offset + 2] = b2 / a0;
        out[offset + 3] = a1 / a0;
        out[offset + 4] = a2 / a0;
    }

    /**
     * Q of section {@code k} (0-based) of a Butterworth filter of order {@code 2 * sections} built from second-order
     * sections: {@code 1 / (2 cos((2k + 1) pi / (4 sections)))}; the last section has the highest Q.
     */
    public static double butterworthQ(int k, int sections) {
        return 1 / (2 * Math.cos((2 * k + 1) * Math.PI / (4.0 * sections)));
    }

    /**
     * The squared magnitude {@code |H(e^(i w))|^2} of the section at {@code c[offset .. offset + 5)}, given
     * {@code s = sin^2(w / 2)} (so that a caller sweeping a fixed grid computes no trigonometry). The form
     * {@code (b0 + b1 + b2)^2 - 4 s (b0 b1 + b1 b2 + 4 b0 b2) + 16 b0 b2 s^2} (and the same for the denominator) keeps
     * its precision near 0 Hz, where a high pass's numerator vanishes and the expansion in {@code cos w} would cancel.
     */
    public static double magnitudeSquared(double[] c, int offset, double s) {
        double b0 = c[offset];
        double b1 = c[offset + 1];
        double b2 = c[offset + 2];
        double a1 = c[offset + 3];
        double a2 = c[offset + 4];
        double sb = b0 + b1 + b2;
        double sa = 1 + a1 + a2;
        double num = sb * sb - 4 * s * (b0 * b1 + b1 * b2 + 4 * b0 * b2) + 16 * b0 * b2 * s * s;
        double den = sa * sa - 4 * s * (a1 + a1 * a2 + 4 * a2) + 16 * a2 * s * s;
        return num / den;
    }
}

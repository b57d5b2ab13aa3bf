package org.mixbench.processors.eqdyn;

/**
 * Second-order sections from Robert Bristow-Johnson's "Cookbook formulae for audio EQ biquad filter coefficients"
 * (bilinear transform with the frequency pre-warped, so a bell's centre, a shelf's half-gain point and a pass
 * filter's corner land exactly where asked), and the Butterworth alignment of a cascade of them.
 *
 * <p>Coefficients are written normalised by {@code a0} as {@code b0, b1, b2, a1, a2} for
 * {@code y = b0 x + b1 x1 + b2 x2 - a1 y1 - a2 y2}. Stateless; any thread; never allocates.
 */
final class BiquadDesign {
    /** Filter shapes, in the order of the EQ's type choice. */
    static final int BELL = 0;
    static final int LOW_SHELF = 1;
    static final int HIGH_SHELF = 2;
    static final int HIGH_PASS = 3;
    static final int LOW_PASS = 4;
    /** Q of one second-order Butterworth section. */
    static final double BUTTERWORTH_Q = Math.sqrt(0.5);

    private BiquadDesign() {
    }

    /**
     * Writes the section of {@code type} at {@code frequency} Hz (kept below 0.49 of the sample rate), {@code gainDb}
     * (bell and shelves only) and {@code q} into {@code out} from {@code offset}.
     */
    static void design(int type, double frequency, double gainDb, double q, double sampleRate, double[] out,
            int offset) {
        double f = Math.min(frequency, 0.49 * sampleRate);
        double w0 = 2 * Math.PI * f / sampleRate;
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
            default -> { // LOW_PASS
                b0 = (1 - cos) / 2;
                b1 = 1 - cos;
                b2 = (1 - cos) / 2;
                a0 = 1 + alpha;
                a1 = -2 * cos;
                a2 = 1 - alpha;
            }
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
    static double butterworthQ(int k, int sections) {
        return 1 / (2 * Math.cos((2 * k + 1) * Math.PI / (4.0 * sections)));
    }
}

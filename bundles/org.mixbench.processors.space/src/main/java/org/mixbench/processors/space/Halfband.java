package org.mixbench.processors.space;

/**
 * Linear-phase half-band FIR filters (Kaiser-windowed sinc) in polyphase form, for oversampling by two: an
 * {@link Up} sampler makes two output samples per input sample, a {@link Down} sampler takes two and returns one.
 * Every other tap of a half-band filter is zero and the centre tap is one half, so each output sample costs only
 * the non-zero taps of one phase. Filters are designed once per construction (main thread); processing never
 * allocates (audio thread).
 */
final class Halfband {
    private Halfband() {
    }

    /**
     * The non-zero off-centre taps {@code h[0], h[2], ..., h[n-1]} of a half-band filter of odd length {@code n = 4k + 3}
     * (centre {@code (n - 1) / 2}, itself odd, whose tap is 0.5), normalised so that the DC gain is exactly one.
     */
    static double[] design(int n, double kaiserBeta) {
        if (n % 4 != 3) {
            throw new IllegalArgumentException("half-band length must be 4k + 3: " + n);
        }
        int centre = (n - 1) / 2;
        double[] taps = new double[(n + 1) / 2];
        double sum = 0;
        double norm = besselI0(kaiserBeta);
        for (int j = 0; j < taps.length; j++) {
            int k = 2 * j;
            double t = (k - centre) / 2.0;
            double sinc = Math.sin(Math.PI * t) / (Math.PI * t);
            double r = (k - centre) / (double) centre;
            double window = besselI0(kaiserBeta * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
            taps[j] = 0.5 * sinc * window;
            sum += taps[j];
        }
        for (int j = 0; j < taps.length; j++) {
            taps[j] *= 0.5 / sum;
        }
        return taps;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 60; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }

    /**
     * Upsampler by two: for each input {@code x[n]} it produces {@code y[2n]} (the FIR phase) and {@code y[2n+1]}
     * (the centre-tap phase, a pure delay). Delay: {@code (length - 1) / 2} samples at the high rate.
     */
    static final class Up {
        private final double[] taps;
        private final double[] history;
        private final int size;
        private final int directDelay;
        private int pos;
        private double odd;

        /** An upsampler with the taps from {@link Halfband#design}. Main thread. */
        Up(double[] halfTaps) {
            size = halfTaps.length;
            taps = new double[size];
            for (int j = 0; j < size; j++) {
                taps[j] = 2 * halfTaps[j];
            }
            history = new double[2 * size];
            directDelay = (size - 2) / 2; // (centre - 1) / 2, centre = (n - 1) / 2 = size - 1
        }

        /** Takes one input sample and returns the first output sample; {@link #odd()} then holds the second. */
        double process(double x) {
            if (--pos < 0) {
                pos = size - 1;
            }
            history[pos] = x;
            history[pos + size] = x;
            double acc = 0;
            for (int j = 0; j < size; j++) {
                acc += taps[j] * history[pos + j];
            }
            odd = history[pos + directDelay];
            return acc;
        }

        /** The second output sample of the last {@link #process} call. */
        double odd() {
            return odd;
        }

        /** Clears the history. */
        void reset() {
            java.util.Arrays.fill(history, 0);
            pos = 0;
            odd = 0;
        }
    }

    /**
     * Downsampler by two: from the pair {@code v[2n], v[2n+1]} it returns {@code y[n]}. Delay: {@code (length - 1) / 2}
     * samples at the high rate.
     */
    static final class Down {
        private final double[] taps;
        private final double[] even;
        private final double[] odd;
        private final int size;
        private final int oddSize;
        private int pos;
        private int oddPos;

        /** A downsampler with the taps from {@link Halfband#design}. Main thread. */
        Down(double[] halfTaps) {
            size = halfTaps.length;
            taps = halfTaps.clone();
            even = new double[2 * size];
            int centre = size - 1; // (n - 1) / 2 with n = 2 * size - 1
            oddSize = (centre + 1) / 2; // v[2n - centre] is the odd sample of pair n - (centre + 1) / 2
            odd = new double[oddSize];
        }

        /** Takes two input samples and returns one output sample. */
        double process(double v0, double v1) {
            if (--pos < 0) {
                pos = size - 1;
            }
            even[pos] = v0;
            even[pos + size] = v0;
            double acc = 0;
            for (int j = 0; j < size; j++) {
                acc += taps[j] * even[pos + j];
            }
            acc += 0.5 * odd[oddPos];
            odd[oddPos] = v1;
            if (++oddPos == oddSize) {
                oddPos = 0;
            }
            return acc;
        }

        /** Clears the history. */
        void reset() {
            java.util.Arrays.fill(even, 0);
            java.util.Arrays.fill(odd, 0);
            pos = 0;
            oddPos = 0;
        }
    }
}

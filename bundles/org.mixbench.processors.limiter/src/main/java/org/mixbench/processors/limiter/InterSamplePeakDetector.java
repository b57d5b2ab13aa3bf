package org.mixbench.processors.limiter;

import java.util.Arrays;

/**
 * The limiter's true-peak detector: for each input frame {@code j}, the largest absolute value of the sample itself
 * and of the signal interpolated at {@code j + p / L} for {@code p = 1 .. L - 1}, the in-between points of the interval
 * up to the next frame. {@code L} is 4 below 96 kHz and 2 from there up, so that the detector's points include those
 * of every BS.1770-4 meter: Mixbench's meter oversamples by 2 from 88.2 kHz and libebur128 from 96 kHz, and both read
 * the samples alone from 176.4 or 192 kHz, where the detector still looks between them.
 *
 * <p>Each point is interpolated three times and the largest value counts, because meters with different
 * interpolators read the same signal differently wherever it has content near the Nyquist frequency (short filters
 * let images through and can read several tenths of a dB above the band-limited peak):
 * <ol>
 * <li>a long, near-ideal interpolator: a Kaiser-windowed sinc (beta {@value #LONG_BETA}) over {@value #TAPS} input
 * samples per phase, each phase scaled to unit gain at DC, flat to some 0.46 of the sample rate with images about 60
 * dB down; it reads the band-limited peak a converter would reproduce;</li>
 * <li>the kind of interpolator Mixbench's true-peak meter uses: a Kaiser-windowed sinc (beta 5) over 32 samples per
 * phase, scaled to unit gain at DC;</li>
 * <li>the short kind that simple meters use (libebur128 among them): a sinc under a Hann window over the whole
 * prototype filter of {@code 12 L + 1} taps at 4 times (so 12 input samples per phase) and {@code 24 L + 1} at 2
 * times, used as designed without rescaling (its phases' gain at DC is within 0.01 dB of unity).</li>
 * </ol>
 * All three are centred on the same window of the last {@value #TAPS} samples.
 *
 * <p>The interval after frame {@code j} needs the {@value #TAPS} / 2 frames after it: the peak of frame {@code j} is
 * known when frame {@code j + }{@value #TAPS}{@code  / 2} is pushed, a delay of {@link #DELAY} frames.
 *
 * <p>Thread: one audio thread; pushing allocates nothing.
 */
final class InterSamplePeakDetector {
    /** Input samples per interpolation phase of the longest interpolator, and the length of the window; even. */
    static final int TAPS = 48;
    /** Frames between pushing a frame and knowing the peak of the interval after it. */
    static final int DELAY = TAPS / 2;
    /** Kaiser window parameter of the long interpolator. */
    static final double LONG_BETA = 6.0;
    /** Input samples per phase and Kaiser parameter of the meter-like interpolator. */
    static final int METER_TAPS = 32;
    static final double METER_BETA = 5.0;

    private final int factor;
    /**
     * Per interpolator {@code i}, folded by the symmetry of its phases (point {@code L - p} weighs the window
     * backwards as point {@code p} does forwards): {@code middle[i][k]} weighs {@code a + b} for the half-way point,
     * and at 4 times {@code even[i][k]} weighs {@code a + b} and {@code odd[i][k]} weighs {@code a - b} for the points
     * a quarter and three quarters of the way, where {@code a} and {@code b} are the k-th samples from either end of
     * the interpolator's span.
     */
    private final double[][] middle;
    private final double[][] even;
    private final double[][] odd;
    /** Where each interpolator's span starts in the window. */
    private final int[] offsets;
    /** Per channel, each sample written twice, {@link #TAPS} apart, so the last TAPS are always contiguous. */
    private final double[][] history;
    private int position;

    /** A detector for {@code channels} channels at {@code sampleRate}. Main thread, while preparing. */
    InterSamplePeakDetector(double sampleRate, int channels) {
        factor = oversampling(sampleRate);
        int shortTaps = factor == 4 ? 12 : 24;
        double[][][] phases = {kaiser(factor, TAPS, LONG_BETA), kaiser(factor, METER_TAPS, METER_BETA),
            hann(factor, shortTaps)};
        offsets = new int[] {0, (TAPS - METER_TAPS) / 2, (TAPS - shortTaps) / 2};
        middle = new double[phases.length][];
        even = new double[phases.length][];
        odd = new double[phases.length][];
        for (int i = 0; i < phases.length; i++) {
            int taps = phases[i][0].length;
            int half = taps / 2;
            middle[i] = Arrays.copyOf(phases[i][factor / 2 - 1], half);
            even[i] = new double[factor == 4 ? half : 0];
            odd[i] = new double[factor == 4 ? half : 0];
            if (factor == 4) {
                double[] first = phases[i][0];
                for (int k = 0; k < half; k++) {
                    even[i][k] = (first[k] + first[taps - 1 - k]) / 2;
                    odd[i][k] = (first[k] - first[taps - 1 - k]) / 2;
                }
            }
        }
        history = new double[channels][2 * TAPS];
    }

    /** The oversampling factor of the detection at {@code sampleRate}: 4 below 96 kHz, else 2. Any thread. */
    static int oversampling(double sampleRate) {
        return sampleRate < 96_000 ? 4 : 2;
    }

    /** This detector's oversampling factor. */
    int oversampling() {
        return factor;
    }

    /**
     * Kaiser-windowed sinc phases over {@code taps} input samples, each scaled to unit gain at DC: {@code
     * result[p - 1][k]} weighs the k-th of the taps samples for the point {@code p / factor} of a frame after sample
     * {@code taps / 2 - 1}.
     */
    static double[][] kaiser(int factor, int taps, double beta) {
        double[][] result = new double[factor - 1][taps];
        double half = taps / 2.0;
        double norm = besselI0(beta);
        for (int p = 1; p < factor; p++) {
            double sum = 0;
            for (int k = 0; k < taps; k++) {
                double d = distance(factor, taps, p, k);
                double u = d / half;
                result[p - 1][k] = sinc(d) * besselI0(beta * Math.sqrt(Math.max(0, 1 - u * u))) / norm;
                sum += result[p - 1][k];
            }
            for (int k = 0; k < taps; k++) {
                result[p - 1][k] /= sum;
            }
        }
        return result;
    }

    /**
     * Phases of a sinc under a Hann window that spans the whole prototype filter of {@code factor * taps + 1} taps at
     * the oversampled rate (zero at both ends), not rescaled; laid out as in {@link #kaiser}.
     */
    static double[][] hann(int factor, int taps) {
        double[][] result = new double[factor - 1][taps];
        double half = taps / 2.0;
        for (int p = 1; p < factor; p++) {
            for (int k = 0; k < taps; k++) {
                double d = distance(factor, taps, p, k);
                result[p - 1][k] = sinc(d) * 0.5 * (1 + Math.cos(Math.PI * d / half));
            }
        }
        return result;
    }

    /** Input samples from window sample {@code k} to point {@code p} of an interpolator of {@code taps} samples. */
    private static double distance(int factor, int taps, int p, int k) {
        return (double) p / factor + (taps / 2 - 1) - k;
    }

    private static double sinc(double d) {
        return d == 0 ? 1 : Math.sin(Math.PI * d) / (Math.PI * d);
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

    /**
     * Pushes the next sample of channel {@code c} and returns the peak of the frame {@link #DELAY} frames back: the
     * larger of its absolute value and the absolute values interpolated between it and the frame after it. Call
     * {@link #advance()} once every channel has had its sample. Audio thread.
     */
    double push(int c, double sample) {
        double[] h = history[c];
        h[position] = sample;
        h[position + TAPS] = sample;
        int oldest = position + 1;
        double peak = Math.abs(h[oldest + TAPS / 2 - 1]);
        for (int i = 0; i < middle.length; i++) {
            double[] mid = middle[i];
            double[] ev = even[i];
            double[] od = odd[i];
            int first = oldest + offsets[i];
            int last = first + 2 * mid.length - 1;
            double sumMiddle = 0;
            double sumEven = 0;
            double sumOdd = 0;
            for (int k = 0; k < mid.length; k++) {
                double a = h[first + k];
                double b = h[last - k];
                double sum = a + b;
                sumMiddle += mid[k] * sum;
                if (ev.length != 0) {
                    sumEven += ev[k] * sum;
                    sumOdd += od[k] * (a - b);
                }
            }
            peak = Math.max(peak, Math.abs(sumMiddle));
            peak = Math.max(peak, Math.abs(sumEven + sumOdd));
            peak = Math.max(peak, Math.abs(sumEven - sumOdd));
        }
        return peak;
    }

    /** Moves on to the next frame. Audio thread. */
    void advance() {
        position = position + 1 == TAPS ? 0 : position + 1;
    }

    /** Forgets the history (silence before). Audio thread. */
    void reset() {
        for (double[] h : history) {
            Arrays.fill(h, 0);
        }
        position = 0;
    }
}

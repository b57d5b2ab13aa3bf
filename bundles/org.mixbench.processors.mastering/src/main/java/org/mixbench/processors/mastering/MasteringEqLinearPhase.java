package org.mixbench.processors.mastering;

import java.util.Arrays;

import org.mixbench.dsp.BiquadDesign;
import org.mixbench.dsp.FftConvolver;
import org.mixbench.dsp.RealFft;

/**
 * The linear-phase engine of the mastering EQ: designs symmetric FIRs whose magnitude is the magnitude of the
 * minimum-phase sections, and runs them with {@link FftConvolver}s.
 *
 * <p><b>Routes as a 2 x 2 filter.</b> The bands act in two stages, as in minimum phase: first on left and right
 * (Stereo bands on both, Left and Right bands on one), then on mid {@code (L + R) / 2} and side {@code (L - R) / 2}.
 * With the zero-phase magnitudes {@code AL, AR, AM, AS} of the four routes, the whole EQ is the matrix
 * {@code outL = AL (AM + AS) / 2 * L + AR (AM - AS) / 2 * R}, {@code outR = AL (AM - AS) / 2 * L + AR (AM + AS) / 2 * R},
 * four zero-phase responses sharing one delay. Each entry gets its own convolver; the two cross entries are zero
 * unless a Mid or Side band differs (the convolver then skips them), and a mono EQ uses only the first.
 *
 * <p><b>Design.</b> On a grid of {@code N} ({@link #span}) points the squared magnitude of every section is
 * evaluated exactly ({@link BiquadDesign#magnitudeSquared}), multiplied per route, square-rooted and combined into
 * the four entries; each entry's real, zero-phase spectrum is transformed back, windowed with a Tukey window (flat
 * over the middle half, raised-cosine tapers over the outer quarters) of {@code 2c + 1} taps centred on tap
 * {@code c = 3N / 8}, whose end taps are zero, so {@code 2c} taps are loaded. The convolvers' partition is
 * {@code B = N / 8}, so the output lags by {@code c + B = N / 2} frames exactly, the latency. {@code N} is the power
 * of two at or above 0.3 s of audio (16384 at 44.1 and 48 kHz, 32768 at 88.2 and 96 kHz): the FIR spans 0.19 s at
 * 48 kHz, a resolution of about 4 Hz, enough to follow a 24 dB/oct high pass at 25 Hz within 0.01 dB down to 20 Hz.
 *
 * <p><b>Incremental design.</b> A design is a fixed sequence of {@link #steps()} steps (magnitudes in slices of
 * {@value #SLICE} bins, one step per matrix entry, and a last step that hands the kernels to the convolvers); the
 * processor runs one step every {@link MasteringEqProcessor#STEP_FRAMES} frames, so no single block pays for a whole
 * design and the schedule depends on frame counts only (the output does not depend on block sizes). Nothing here
 * allocates after construction.
 *
 * <p>Thread: constructed by {@code prepare} on the main thread; then used by the audio thread (or the main thread
 * while inactive).
 */
final class MasteringEqLinearPhase {
    /** Bins of magnitude evaluated per design step. */
    static final int SLICE = 2048;
    /** Route bits of a band's mask. */
    static final int L = 1;
    static final int R = 2;
    static final int M = 4;
    static final int S = 8;
    /** Sections per band at most (a 48 dB/oct pass filter). */
    static final int MAX_SECTIONS = 4;

    private final int span;
    private final int partition;
    private final int centre;
    private final int kernelLength;
    private final int bins;
    private final int entries;
    private final RealFft fft;
    private final FftConvolver[] convolvers;
    private final double[] halfSineSquared;
    // Squared magnitude per route (L, R, M, S) per bin.
    private final double[][] power;
    private final double[] bandPower = new double[SLICE];
    private final double[] spectrum;
    private final double[][] kernels;
    private final double[] window;
    private final float[][] scratch;

    // The settings being designed: sections per band and the routes they act on.
    private final double[] coefficients = new double[MasteringEqFactory.BANDS * MAX_SECTIONS * 5];
    private final int[] sections = new int[MasteringEqFactory.BANDS];
    private final int[] masks = new int[MasteringEqFactory.BANDS];
    private int step = -1;

    /** An engine for {@code sampleRate} and one or two channels, for blocks of up to {@code maxChunk} frames. */
    MasteringEqLinearPhase(double sampleRate, int channels, int maxChunk) {
        span = span(sampleRate);
        partition = span / 8;
        centre = span / 2 - partition;
        kernelLength = 2 * centre;
        bins = span / 2 + 1;
        entries = channels >= 2 ? 4 : 1;
        fft = new RealFft(span);
        convolvers = new FftConvolver[entries];
        kernels = new double[entries][kernelLength];
        for (int e = 0; e < entries; e++) {
            convolvers[e] = new FftConvolver(kernelLength, partition);
        }
        halfSineSquared = new double[bins];
        for (int k = 0; k < bins; k++) {
            double s = Math.sin(Math.PI * k / span);
            halfSineSquared[k] = s * s;
        }
        power = new double[4][bins];
        spectrum = new double[span];
        window = new double[kernelLength];
        int taper = centre / 4;
        for (int m = 0; m < kernelLength; m++) {
            int t = Math.abs(m - centre);
            window[m] = t <= centre - taper ? 1 : 0.5 + 0.5 * Math.cos(Math.PI * (t - (centre - taper)) / taper);
        }
        scratch = new float[4][maxChunk];
        loadZero();
    }

    /** The design grid (and twice the latency) for a sample rate: the power of two at or above 0.3 s of audio. */
    static int span(double sampleRate) {
        int n = 1024;
        while (n < 0.3 * sampleRate) {
            n <<= 1;
        }
        return n;
    }

    /** Frames by which the output lags the input: half the span. */
    int latencyFrames() {
        return centre + partition;
    }

    /** Taps of the FIR after its centre (its ringing after the delayed peak). */
    int centre() {
        return centre;
    }

    /** The convolvers' partition: a response handed over takes effect at the next multiple of it (in frames). */
    int partition() {
        return partition;
    }

    /** Steps of one design. */
    int steps() {
        return (bins + SLICE - 1) / SLICE + entries + 1;
    }

    /** Whether a design is under way. */
    boolean designing() {
        return step >= 0;
    }

    /**
     * Starts a design of the bands in {@code bandCoefficients} (five per section, {@link #MAX_SECTIONS} per band),
     * {@code bandSections} sections each (0 for a band that is off), acting on the routes in {@code bandMasks}.
     */
    void begin(double[] bandCoefficients, int[] bandSections, int[] bandMasks) {
        System.arraycopy(bandCoefficients, 0, coefficients, 0, coefficients.length);
        System.arraycopy(bandSections, 0, sections, 0, sections.length);
        System.arraycopy(bandMasks, 0, masks, 0, masks.length);
        step = 0;
    }

    /**
     * Runs the next step of the design under way; on the last one hands the kernels to the convolvers, cross-faded
     * over the next partition when {@code crossfade}, else at once, and returns {@code true}.
     */
    boolean step(boolean crossfade) {
        int magnitudeSteps = (bins + SLICE - 1) / SLICE;
        if (step < magnitudeSteps) {
            magnitudes(step * SLICE, Math.min(bins, (step + 1) * SLICE));
        } else if (step < magnitudeSteps + entries) {
            entry(step - magnitudeSteps);
        } else {
            for (int e = 0; e < entries; e++) {
                if (crossfade) {
                    convolvers[e].setKernel(kernels[e], kernelLength);
                } else {
                    convolvers[e].loadKernel(kernels[e], kernelLength);
                }
            }
            step = -1;
            return true;
        }
        step++;
        return false;
    }

    /** Runs a whole design at once and loads it. Main thread, or audio thread in {@code reset}. */
    void designNow(double[] bandCoefficients, int[] bandSections, int[] bandMasks) {
        begin(bandCoefficients, bandSections, bandMasks);
        while (!step(false)) {
            // next step
        }
    }

    /** Drops any design under way. */
    void cancel() {
        step = -1;
    }

    /** Gives every convolver a zero response (the linear path then costs only its input transforms). */
    void loadZero() {
        for (int e = 0; e < entries; e++) {
            Arrays.fill(kernels[e], 0);
            convolvers[e].loadKernel(kernels[e], kernelLength);
        }
    }

    private void magnitudes(int from, int to) {
        for (double[] p : power) {
            Arrays.fill(p, from, to, 1);
        }
        for (int b = 0; b < sections.length; b++) {
            int count = sections[b];
            if (count == 0 || masks[b] == 0) {
                continue;
            }
            Arrays.fill(bandPower, 0, to - from, 1);
            for (int j = 0; j < count; j++) {
                int offset = (b * MAX_SECTIONS + j) * 5;
                for (int k = from; k < to; k++) {
                    bandPower[k - from] *= BiquadDesign.magnitudeSquared(coefficients, offset, halfSineSquared[k]);
                }
            }
            for (int route = 0; route < 4; route++) {
                if ((masks[b] & (1 << route)) != 0) {
                    double[] p = power[route];
                    for (int k = from; k < to; k++) {
                        p[k] *= bandPower[k - from];
                    }
                }
            }
        }
    }

    /** Designs matrix entry {@code e} (0: L to L, 1: R to L, 2: L to R, 3: R to R) into its kernel. */
    private void entry(int e) {
        double[] al = power[0];
        double[] ar = power[1];
        double[] am = power[2];
        double[] as = power[3];
        boolean zero = true;
        for (int k = 0; k < bins; k++) {
            double m = Math.sqrt(am[k]);
            double s = Math.sqrt(as[k]);
            double g = switch (e) {
                case 0 -> Math.sqrt(al[k]) * (m + s) * 0.5;
                case 1 -> Math.sqrt(ar[k]) * (m - s) * 0.5;
                case 2 -> Math.sqrt(al[k]) * (m - s) * 0.5;
                default -> Math.sqrt(ar[k]) * (m + s) * 0.5;
            };
            zero &= g == 0;
            if (k == 0) {
                spectrum[0] = g;
            } else if (k == bins - 1) {
                spectrum[1] = g;
            } else {
                spectrum[2 * k] = g;
                spectrum[2 * k + 1] = 0;
            }
        }
        double[] h = kernels[e];
        if (zero) {
            Arrays.fill(h, 0);
            return;
        }
        fft.inverse(spectrum);
        // The zero-phase response is even around sample 0 of the circular result; centre it on tap 'centre', taking
        // the mean of the two halves so that the taps are exactly symmetric (exactly linear phase).
        h[centre] = spectrum[0] * window[centre];
        for (int t = 1; t <= centre; t++) {
            double v = 0.5 * (spectrum[t] + spectrum[span - t]) * window[centre - t];
            h[centre - t] = v;
            if (t < centre) {
                h[centre + t] = v;
            }
        }
    }

    /**
     * Convolves {@code n} frames: left (and right, for two channels) in, the filtered pair out. Never allocates.
     */
    void process(float[] inL, float[] inR, float[] outL, float[] outR, int n) {
        if (entries == 1) {
            convolvers[0].process(inL, 0, outL, 0, n);
            return;
        }
        float[] a = scratch[0];
        float[] b = scratch[1];
        float[] c = scratch[2];
        float[] d = scratch[3];
        convolvers[0].process(inL, 0, a, 0, n);
        convolvers[1].process(inR, 0, b, 0, n);
        convolvers[2].process(inL, 0, c, 0, n);
        convolvers[3].process(inR, 0, d, 0, n);
        for (int k = 0; k < n; k++) {
            outL[k] = a[k] + b[k];
            outR[k] = c[k] + d[k];
        }
    }

    /** Forgets the input history. */
    void reset() {
        for (FftConvolver c : convolvers) {
            c.reset();
        }
    }
}

package org.mixbench.processors.multiband;

import org.mixbench.dsp.FftConvolver;

/**
 * The linear-phase crossover of every channel: for each used crossover {@code k}, the channel convolved with the
 * zero-phase low pass {@code h_k} of {@link LinearPhaseKernel} (Linkwitz-Riley magnitude), by an {@link FftConvolver}
 * in partitions of {@value #PARTITION} frames. The processor forms the bands from these low passes and the delayed
 * input: {@code h_0}, {@code h_k - h_(k-1)}, and {@code delta - h_last}, which sum to the delayed input exactly.
 *
 * <p>Outputs lag the input by {@link #latencyFrames()}: the kernel's half length plus the convolver's partition.
 *
 * <p>It runs only while the linear-phase crossover is heard. {@link #start} brings it up at any moment with no
 * warm-up: each convolver is cleared and fed the last {@link #historyFrames()} input frames, which is all a finite
 * response depends on, so from then on its output is the same as if it had never stopped. The burst of work this
 * takes is kept small: all but the last partition of the history go through with an all-zero response, for which the
 * convolver only transforms the input (the spectra it keeps for later partitions) and skips the products; the real
 * response is loaded for the last partition, whose output is the first one heard. A crossover that moves while running cross-fades to its new response over one partition (see {@link
 * FftConvolver#setKernel}); one that comes into use with an added band is started the same way.
 *
 * <p>Thread: constructed on the main thread; the rest on the audio thread, never allocating.
 */
final class LinearPhaseCrossover {
    /** Frames per convolver partition: the latency the convolution adds to the kernel's half length. */
    static final int PARTITION = 512;
    private static final int MAX_CROSSOVERS = MultibandFactory.MAX_BANDS - 1;
    /** An all-zero response, for which a convolver only transforms its input. */
    private static final float[] SILENCE = {0f};
    private final int half;
    private final int taps;
    private final FftConvolver[][] convolvers;
    private final float[][] kernels = new float[MAX_CROSSOVERS][];
    private final float[] scratch = new float[PARTITION];
    private final double[] designed = new double[MAX_CROSSOVERS];
    private boolean running;
    private int used;

    /** Convolvers for {@code channels} channels with kernels of half length {@code half}. Main thread. */
    LinearPhaseCrossover(int channels, int half) {
        this.half = half;
        this.taps = LinearPhaseKernel.taps(half);
        for (int k = 0; k < MAX_CROSSOVERS; k++) {
            kernels[k] = new float[taps];
        }
        convolvers = new FftConvolver[channels][MAX_CROSSOVERS];
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < MAX_CROSSOVERS; k++) {
                convolvers[c][k] = new FftConvolver(taps, PARTITION);
            }
        }
        java.util.Arrays.fill(designed, Double.NaN);
    }

    /** Frames by which the low passes lag the input. */
    int latencyFrames() {
        return half + PARTITION;
    }

    /**
     * Input frames a convolver is fed by {@link #start}: at least the partition plus the response (what exact output
     * from then on needs), rounded up to whole partitions so that the last one computed is the first one heard.
     */
    int historyFrames() {
        int needed = PARTITION + taps - 1;
        return (needed + PARTITION - 1) / PARTITION * PARTITION;
    }

    /** Whether the convolvers are running. */
    boolean running() {
        return running;
    }

    /**
     * Designs the responses of the crossovers at {@code hz} whose frequency changed: cross-faded in while running, at
     * once while stopped. {@code used} crossovers are in use.
     */
    void configure(double rate, double[] hz, int usedCrossovers) {
        for (int k = 0; k < MAX_CROSSOVERS; k++) {
            if (hz[k] == designed[k]) {
                continue;
            }
            designed[k] = hz[k];
            LinearPhaseKernel.design(rate, hz[k], half, kernels[k]);
            for (FftConvolver[] channel : convolvers) {
                if (running && k < used) {
                    channel[k].setKernel(kernels[k], taps);
                } else {
                    channel[k].loadKernel(kernels[k], taps);
                }
            }
        }
        used = usedCrossovers;
    }

    /**
     * Starts the convolvers of crossovers {@code from} to {@code used - 1} from the input history: channel {@code c}'s
     * frames, oldest first, end just before {@code ring[c][end & mask]}, and the ring holds at least {@link
     * #historyFrames()} of them.
     */
    void start(float[][] ring, int mask, int end, int from) {
        for (int c = 0; c < convolvers.length; c++) {
            for (int k = from; k < used; k++) {
                FftConvolver convolver = convolvers[c][k];
                convolver.loadKernel(SILENCE, 1);
                convolver.reset();
                int left = historyFrames();
                int at = (end - left) & mask;
                while (left > 0) {
                    if (left == PARTITION) {
                        convolver.loadKernel(kernels[k], taps);
                    }
                    // the last partition starts a call of its own, so that it meets the real response
                    int n = Math.min(Math.min(left > PARTITION ? left - PARTITION : left, PARTITION), mask + 1 - at);
                    convolver.process(ring[c], at, scratch, 0, n);
                    at = (at + n) & mask;
                    left -= n;
                }
            }
        }
        running = true;
    }

    /** Runs on from cleared convolvers, which is exact when the input so far was silence (after {@link #reset}). */
    void runFromSilence() {
        running = true;
    }

    /** Stops the convolvers; {@link #start} brings them back. */
    void stop() {
        running = false;
    }

    /** Forgets everything heard and stops. */
    void reset() {
        for (FftConvolver[] channel : convolvers) {
            for (FftConvolver convolver : channel) {
                convolver.reset();
            }
        }
        running = false;
    }

    /**
     * Writes the low passes of crossovers {@code 0 .. used-1} of channel {@code c}'s frames {@code in[from, from + n)}
     * to {@code out[k][0, n)}, each lagging by {@link #latencyFrames()}.
     */
    void lowPasses(int c, float[] in, int from, int n, float[][] out) {
        FftConvolver[] channel = convolvers[c];
        for (int k = 0; k < used; k++) {
            channel[k].process(in, from, out[k], 0, n);
        }
    }
}

package org.mixbench.analysis.spectrum;

import org.jtransforms.fft.DoubleFFT_1D;

import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The power spectrum of a real frame through JTransforms' split-radix real FFT (embedded privately in this bundle).
 * JTransforms would split transforms of 8192 points and more across a thread pool, which allocates futures and
 * waits on other threads; this bundle's private copy is set to one thread before any transform is built, so
 * {@link #power} runs on the calling thread alone, without allocating or locking.
 *
 * <p>Threads: construct on the main thread; afterwards one thread at a time calls {@link #power}.
 */
final class Fft {
    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final DoubleFFT_1D transform;
    private final int n;

    /** Prepares a transform of {@code n} points, a power of two. Main thread. */
    Fft(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two of at least 4: " + n);
        }
        this.n = n;
        this.transform = new DoubleFFT_1D(n);
    }

    /**
     * Transforms {@code frame[0..n)} in place (its content is destroyed) and writes {@code |X[k]|^2} for {@code k}
     * in {@code [0, n/2]} into {@code power}, where {@code X[k] = sum_t frame[t] exp(-2 pi i k t / n)}. Analysis
     * thread; never allocates.
     */
    void power(double[] frame, double[] power) {
        transform.realForward(frame);
        int half = n >> 1;
        // JTransforms' packed layout: a[0] = Re X[0], a[1] = Re X[n/2], a[2k] = Re X[k], a[2k+1] = Im X[k]
        power[0] = frame[0] * frame[0];
        power[half] = frame[1] * frame[1];
        for (int k = 1; k < half; k++) {
            double re = frame[2 * k];
            double im = frame[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }
}

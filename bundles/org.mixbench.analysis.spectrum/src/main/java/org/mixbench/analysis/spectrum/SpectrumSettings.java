package org.mixbench.analysis.spectrum;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How a {@link SpectrumAnalyzer} measures. Immutable; any thread.
 *
 * @param fftSize              points per frame, a power of two from {@value #MIN_FFT_SIZE} to {@value #MAX_FFT_SIZE}
 * @param window               the analysis window
 * @param overlap              the fraction of a frame shared with the next one, in {@code [0, 1)}; 0.5 by default.
 *                             The hop between frames is {@code max(1, round(fftSize (1 - overlap)))} samples
 * @param channelMode          the mid of all channels, or one spectrum per channel
 * @param exponentialSeconds   time constant of the exponential average (the live trace), positive seconds: after a
 *                             step it has covered {@code 1 - 1/e} of the change in power
 * @param peakDecayDbPerSecond how fast the peak-hold trace falls when nothing louder comes, dB per second; 0 holds
 *                             until {@link SpectrumAnalyzer#reset()}
 * @param spectrogramRows      how many of the latest frames the spectrogram ring keeps, 0 to
 *                             {@value #MAX_SPECTROGRAM_ROWS}
 */
@ProviderType
public record SpectrumSettings(int fftSize, Window window, double overlap, ChannelMode channelMode,
        double exponentialSeconds, double peakDecayDbPerSecond, int spectrogramRows) {
    /** The smallest FFT size. */
    public static final int MIN_FFT_SIZE = 1024;
    /** The largest FFT size. */
    public static final int MAX_FFT_SIZE = 32768;
    /** The largest spectrogram ring. */
    public static final int MAX_SPECTROGRAM_ROWS = 4096;

    private static final SpectrumSettings DEFAULTS =
            new SpectrumSettings(8192, Window.BLACKMAN_HARRIS, 0.5, ChannelMode.MID, 1.0, 0.0, 128);

    /** Rejects settings the analyzer cannot honour. */
    public SpectrumSettings {
        if (fftSize < MIN_FFT_SIZE || fftSize > MAX_FFT_SIZE || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two from " + MIN_FFT_SIZE + " to "
                    + MAX_FFT_SIZE + ": " + fftSize);
        }
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(channelMode, "channelMode");
        if (!(overlap >= 0 && overlap < 1)) {
            throw new IllegalArgumentException("overlap must be within [0, 1): " + overlap);
        }
        if (!(exponentialSeconds > 0) || Double.isInfinite(exponentialSeconds)) {
            throw new IllegalArgumentException("exponential time constant must be positive: " + exponentialSeconds);
        }
        if (!(peakDecayDbPerSecond >= 0) || Double.isInfinite(peakDecayDbPerSecond)) {
            throw new IllegalArgumentException("peak decay must be zero or positive: " + peakDecayDbPerSecond);
        }
        if (spectrogramRows < 0 || spectrogramRows > MAX_SPECTROGRAM_ROWS) {
            throw new IllegalArgumentException("spectrogram rows must be within 0.." + MAX_SPECTROGRAM_ROWS + ": "
                    + spectrogramRows);
        }
    }

    /**
     * The defaults of the contributed analyzer: 8192 points, Blackman-Harris, 50 % overlap, mid, 1 s exponential
     * time constant, peak hold without decay, 128 spectrogram rows. Any thread.
     */
    public static SpectrumSettings defaults() {
        return DEFAULTS;
    }

    /** Samples between the starts of two frames. Any thread. */
    public int hop() {
        return Math.max(1, (int) Math.round(fftSize * (1 - overlap)));
    }

    /** Bins per spectrum, {@code fftSize / 2 + 1} (DC to Nyquist). Any thread. */
    public int bins() {
        return fftSize / 2 + 1;
    }

    /** A copy with another FFT size. Any thread. */
    public SpectrumSettings withFftSize(int size) {
        return new SpectrumSettings(size, window, overlap, channelMode, exponentialSeconds, peakDecayDbPerSecond,
                spectrogramRows);
    }

    /** A copy with another window. Any thread. */
    public SpectrumSettings withWindow(Window w) {
        return new SpectrumSettings(fftSize, w, overlap, channelMode, exponentialSeconds, peakDecayDbPerSecond,
                spectrogramRows);
    }

    /** A copy with another overlap. Any thread. */
    public SpectrumSettings withOverlap(double fraction) {
        return new SpectrumSettings(fftSize, window, fraction, channelMode, exponentialSeconds, peakDecayDbPerSecond,
                spectrogramRows);
    }

    /** A copy with another channel mode. Any thread. */
    public SpectrumSettings withChannelMode(ChannelMode mode) {
        return new SpectrumSettings(fftSize, window, overlap, mode, exponentialSeconds, peakDecayDbPerSecond,
                spectrogramRows);
    }

    /** A copy with another exponential time constant. Any thread. */
    public SpectrumSettings withExponentialSeconds(double seconds) {
        return new SpectrumSettings(fftSize, window, overlap, channelMode, seconds, peakDecayDbPerSecond,
                spectrogramRows);
    }

    /** A copy with another peak-hold decay. Any thread. */
    public SpectrumSettings withPeakDecayDbPerSecond(double dbPerSecond) {
        return new SpectrumSettings(fftSize, window, overlap, channelMode, exponentialSeconds, dbPerSecond,
                spectrogramRows);
    }

    /** A copy with another spectrogram ring length. Any thread. */
    public SpectrumSettings withSpectrogramRows(int rows) {
        return new SpectrumSettings(fftSize, window, overlap, channelMode, exponentialSeconds, peakDecayDbPerSecond,
                rows);
    }
}

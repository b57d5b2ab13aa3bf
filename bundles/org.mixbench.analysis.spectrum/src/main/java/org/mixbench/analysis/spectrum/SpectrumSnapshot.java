package org.mixbench.analysis.spectrum;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link SpectrumAnalyzer} has measured: three traces per spectrum (one spectrum of the mid, or one per
 * channel, see {@link ChannelMode}), each an array of {@code fftSize / 2 + 1} bin levels in dBFS from DC to Nyquist.
 *
 * <p><b>Scale.</b> Bin {@code k} of a frame reads {@code 10 log10(4 |X[k]|^2 / (sum w)^2)} ({@code |X[k]|^2 /
 * (sum w)^2} for the DC and Nyquist bins), where {@code X} is the FFT of the windowed frame: a sine of amplitude
 * {@code A} centred on a bin reads {@code 20 log10 A}, so a full-scale sine reads 0 dBFS in its peak bin, less the
 * window's scalloping loss when it falls between bins. A stationary white noise of variance {@code s^2} reads, on
 * average, {@code 10 log10(4 s^2 ENBW / fftSize)} in every bin but DC and Nyquist, where ENBW is the window's noise
 * bandwidth in bins; that is twice the one-sided power spectral density ({@code 2 s^2 / fs} per Hz) times the noise
 * bandwidth in Hz ({@link #noiseBandwidthHz()}): divide a bin's power by {@code 2 * noiseBandwidthHz()} to get a
 * density. Zero power reads negative infinity.
 *
 * <p><b>Traces.</b> {@code averageDbfs}: the linear average of the power of every frame since the last reset (the
 * long-term spectrum). {@code exponentialDbfs}: the exponential average with the settings' time constant.
 * {@code peakHoldDbfs}: the highest power per bin, falling at the settings' decay.
 *
 * <p>Immutable: the arrays are copied in and out. Any thread.
 *
 * @param settings        how it was measured
 * @param sampleRate      the sample rate, Hz
 * @param frames          frames averaged into the traces since the last reset
 * @param samples         samples (frames of the input) consumed since the last reset
 * @param averageDbfs     per spectrum, per bin: the long-term average, dBFS
 * @param exponentialDbfs per spectrum, per bin: the exponential average, dBFS
 * @param peakHoldDbfs    per spectrum, per bin: the peak hold, dBFS
 */
@ProviderType
public record SpectrumSnapshot(SpectrumSettings settings, double sampleRate, long frames, long samples,
        double[][] averageDbfs, double[][] exponentialDbfs, double[][] peakHoldDbfs) {
    /** The floor of {@link #peaks(int)}: quieter local maxima (the noise of 16-bit audio, say) are not peaks. */
    public static final double DEFAULT_PEAK_FLOOR_DBFS = -120.0;

    /** Checks the shapes and copies the arrays. */
    public SpectrumSnapshot {
        Objects.requireNonNull(settings, "settings");
        averageDbfs = copy(averageDbfs, settings, "averageDbfs");
        exponentialDbfs = copy(exponentialDbfs, settings, "exponentialDbfs");
        peakHoldDbfs = copy(peakHoldDbfs, settings, "peakHoldDbfs");
        if (exponentialDbfs.length != averageDbfs.length || peakHoldDbfs.length != averageDbfs.length) {
            throw new IllegalArgumentException("every trace needs the same number of spectra");
        }
    }

    /** A copy of the long-term average, {@code [spectrum][bin]}. Any thread. */
    @Override
    public double[][] averageDbfs() {
        return copy(averageDbfs, settings, "averageDbfs");
    }

    /** A copy of the exponential average, {@code [spectrum][bin]}. Any thread. */
    @Override
    public double[][] exponentialDbfs() {
        return copy(exponentialDbfs, settings, "exponentialDbfs");
    }

    /** A copy of the peak hold, {@code [spectrum][bin]}. Any thread. */
    @Override
    public double[][] peakHoldDbfs() {
        return copy(peakHoldDbfs, settings, "peakHoldDbfs");
    }

    /** The long-term average of one spectrum (a copy). Any thread. */
    public double[] averageDbfs(int spectrum) {
        return averageDbfs[spectrum].clone();
    }

    /** The long-term average of bin {@code bin} of spectrum {@code spectrum}, without copying. Any thread. */
    public double averageDbfs(int spectrum, int bin) {
        return averageDbfs[spectrum][bin];
    }

    /** The exponential average of bin {@code bin} of spectrum {@code spectrum}, without copying. Any thread. */
    public double exponentialDbfs(int spectrum, int bin) {
        return exponentialDbfs[spectrum][bin];
    }

    /** The peak hold of bin {@code bin} of spectrum {@code spectrum}, without copying. Any thread. */
    public double peakHoldDbfs(int spectrum, int bin) {
        return peakHoldDbfs[spectrum][bin];
    }

    /** Number of spectra: 1 for the mid, else one per channel. Any thread. */
    public int spectra() {
        return averageDbfs.length;
    }

    /** Bins per spectrum, {@code fftSize / 2 + 1}. Any thread. */
    public int bins() {
        return settings.bins();
    }

    /** Hz between two bins, {@code sampleRate / fftSize}. Any thread. */
    public double binWidthHz() {
        return sampleRate / settings.fftSize();
    }

    /** The centre frequency of bin {@code bin}, Hz. Any thread. */
    public double frequencyHz(int bin) {
        return bin * binWidthHz();
    }

    /** The window's equivalent noise bandwidth in Hz, for converting a noise level to a density. Any thread. */
    public double noiseBandwidthHz() {
        return settings.window().noiseBandwidthBins() * binWidthHz();
    }

    /**
     * The same snapshot with every trace smoothed over {@code fraction} octave bands (power averages; see
     * {@link OctaveFraction#smooth}). Any thread; allocates.
     */
    public SpectrumSnapshot smoothed(OctaveFraction fraction) {
        return new SpectrumSnapshot(settings, sampleRate, frames, samples, smooth(averageDbfs, fraction),
                smooth(exponentialDbfs, fraction), smooth(peakHoldDbfs, fraction));
    }

    /**
     * The strongest peaks of the long-term average of the first spectrum (the mid, or channel 0), strongest first,
     * none below {@link #DEFAULT_PEAK_FLOOR_DBFS}: the CLI's {@code spectrum_peaks}. See
     * {@link #peaks(int, int, double)}. Any thread.
     */
    public List<SpectralPeak> peaks(int maxCount) {
        return peaks(0, maxCount, DEFAULT_PEAK_FLOOR_DBFS);
    }

    /**
     * The at most {@code maxCount} strongest peaks of the long-term average of spectrum {@code spectrum},
     * strongest first, none below {@code floorDbfs}. A peak is a local maximum; each has its frequency refined by a
     * parabola through the dB levels of its bin and the two neighbours (the parabola's bias for the window removed,
     * so a clean tone is found within a few thousandths of a bin) and its level corrected for the window's
     * scalloping at that frequency. A weaker local
     * maximum is not reported within the main lobe of a stronger peak ({@link Window#mainLobeHalfWidthBins()}), nor
     * unless it stands 6 dB above that peak's window skirt at its distance, so that one tone's side lobes are not
     * reported as more tones. Any thread; allocates.
     */
    public List<SpectralPeak> peaks(int spectrum, int maxCount, double floorDbfs) {
        return PeakFinder.find(averageDbfs[spectrum], binWidthHz(), settings.fftSize(), settings.window(), maxCount,
                floorDbfs);
    }

    /** Equal when every component is, arrays compared by content. Any thread. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SpectrumSnapshot s && s.settings.equals(settings) && s.sampleRate == sampleRate
                && s.frames == frames && s.samples == samples && Arrays.deepEquals(s.averageDbfs, averageDbfs)
                && Arrays.deepEquals(s.exponentialDbfs, exponentialDbfs)
                && Arrays.deepEquals(s.peakHoldDbfs, peakHoldDbfs);
    }

    /** A hash consistent with {@link #equals}. Any thread. */
    @Override
    public int hashCode() {
        return Objects.hash(settings, frames, samples) * 31 + Arrays.deepHashCode(averageDbfs);
    }

    /** A short description for logs and test messages. Any thread. */
    @Override
    public String toString() {
        return "SpectrumSnapshot[" + spectra() + " x " + bins() + " bins, " + frames + " frames, " + settings + "]";
    }

    private static double[][] smooth(double[][] traces, OctaveFraction fraction) {
        double[][] smoothed = new double[traces.length][];
        for (int s = 0; s < traces.length; s++) {
            smoothed[s] = fraction.smooth(traces[s]);
        }
        return smoothed;
    }

    private static double[][] copy(double[][] traces, SpectrumSettings settings, String what) {
        Objects.requireNonNull(traces, what);
        if (traces.length == 0) {
            throw new IllegalArgumentException(what + " needs at least one spectrum");
        }
        double[][] c = new double[traces.length][];
        for (int s = 0; s < traces.length; s++) {
            if (traces[s].length != settings.bins()) {
                throw new IllegalArgumentException(what + "[" + s + "] has " + traces[s].length + " bins, not "
                        + settings.bins());
            }
            c[s] = traces[s].clone();
        }
        return c;
    }
}

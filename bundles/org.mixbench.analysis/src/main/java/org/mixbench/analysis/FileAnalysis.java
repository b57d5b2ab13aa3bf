package org.mixbench.analysis;

import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything {@code analyze} reports about one file. Levels without a finite result (loudness of silence, peaks of
 * digital silence) are NaN or negative infinity; the JSON writes them as {@code null}. Immutable (arrays are copied
 * in and must not be changed by readers).
 *
 * @param file             the path as given
 * @param sampleRate       frames per second
 * @param channels         channels
 * @param frames           frames measured
 * @param integratedLufs   BS.1770-4 integrated loudness, LUFS
 * @param loudnessRangeLu  EBU Tech 3342 loudness range, LU
 * @param momentaryMaxLufs maximum momentary loudness over windows every 5 ms, LUFS
 * @param shortTermMaxLufs maximum short-term loudness over windows every 5 ms, LUFS
 * @param truePeakDbtp     maximum true peak over channels, dBTP
 * @param samplePeakDbfs   maximum sample peak over channels, dBFS
 * @param rmsDbfs          RMS per channel, dBFS (a full-scale sine reads -3.01)
 * @param correlation      phase correlation over the file for two channels, else NaN
 * @param hopSeconds       spacing of the loudness histories
 * @param momentary        momentary loudness of the windows ending at (i+1) x hop, LUFS
 * @param shortTerm        short-term loudness of the windows ending at (i+1) x hop, LUFS
 * @param spectrumPeaks    strongest peaks of the long-term average spectrum, strongest first
 * @param spectrumDb       the long-term average spectrum, dBFS per FFT bin from 0 Hz to Nyquist
 * @param spectrumBinHz    bin spacing of {@code spectrumDb}
 */
@ProviderType
public record FileAnalysis(String file, double sampleRate, int channels, long frames, double integratedLufs,
        double loudnessRangeLu, double momentaryMaxLufs, double shortTermMaxLufs, double truePeakDbtp,
        double samplePeakDbfs, double[] rmsDbfs, double correlation, double hopSeconds, double[] momentary,
        double[] shortTerm, List<SpectrumPeak> spectrumPeaks, float[] spectrumDb, double spectrumBinHz) {

    /** Checks and copies. */
    public FileAnalysis {
        Objects.requireNonNull(file, "file");
        rmsDbfs = rmsDbfs.clone();
        momentary = momentary.clone();
        shortTerm = shortTerm.clone();
        spectrumPeaks = List.copyOf(spectrumPeaks);
        spectrumDb = spectrumDb.clone();
    }

    /** Duration in seconds. */
    public double durationSeconds() {
        return frames / sampleRate;
    }

    /** PLR: true peak minus integrated loudness, LU (NaN when either is not finite). */
    public double peakToLoudnessRatio() {
        double plr = truePeakDbtp - integratedLufs;
        return Double.isFinite(plr) ? plr : Double.NaN;
    }

    /**
     * One peak of the long-term average spectrum.
     *
     * @param hz   frequency, refined between bins
     * @param dbfs level, where a full-scale sine reads 0 dBFS
     */
    @ProviderType
    public record SpectrumPeak(double hz, double dbfs) {
    }
}

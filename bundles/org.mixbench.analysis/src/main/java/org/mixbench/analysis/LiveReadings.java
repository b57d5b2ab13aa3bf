package org.mixbench.analysis;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A look at a running analysis, for meters: taken on the analysis thread about ten times a second, immutable,
 * safe to hand to the UI thread (arrays are fresh copies).
 *
 * @param fraction         how much of the file is done, 0 to 1 (-1 when the length is unknown)
 * @param seconds          audio measured so far
 * @param sampleRate       frames per second
 * @param momentaryLufs    momentary loudness now
 * @param shortTermLufs    short-term loudness now
 * @param integratedLufs   integrated loudness so far
 * @param loudnessRangeLu  loudness range so far
 * @param truePeakDbtp     maximum true peak so far
 * @param shortTermHistory short-term loudness every {@code historyHop} seconds so far
 * @param historyHop       spacing of the history
 * @param spectrumDb       long-term average spectrum so far, dBFS per bin
 * @param spectrumPeakDb   peak-hold spectrum, dBFS per bin
 * @param correlation      running phase correlation (NaN for mono)
 * @param correlationTotal phase correlation so far (NaN for mono)
 * @param side             latest goniometer x values
 * @param mid              latest goniometer y values
 */
@ProviderType
public record LiveReadings(double fraction, double seconds, double sampleRate, double momentaryLufs,
        double shortTermLufs, double integratedLufs, double loudnessRangeLu, double truePeakDbtp,
        double[] shortTermHistory, double historyHop, float[] spectrumDb, float[] spectrumPeakDb, double correlation,
        double correlationTotal, float[] side, float[] mid) {
}

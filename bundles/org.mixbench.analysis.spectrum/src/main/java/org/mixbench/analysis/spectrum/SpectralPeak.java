package org.mixbench.analysis.spectrum;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One peak of a spectrum, as {@link SpectrumSnapshot#peaks} finds it. Immutable; any thread.
 *
 * @param frequencyHz the peak's frequency, refined between bins by a parabola through the dB levels of the peak bin
 *                    and its two neighbours (with the parabola's bias for the window removed)
 * @param dbfs        the level of the peak with the window's scalloping loss at that frequency made good, dBFS (a
 *                    full-scale sine reads 0 wherever it falls between bins)
 * @param bin         the bin holding the local maximum
 */
@ProviderType
public record SpectralPeak(double frequencyHz, double dbfs, int bin) {
}

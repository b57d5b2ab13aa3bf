/**
 * Spectrum and stereo analyzers.
 *
 * <p>{@link org.mixbench.analysis.spectrum.SpectrumAnalyzer}: windowed FFT spectrum (1024 to 32768 points, Hann,
 * 4-term Blackman-Harris or 5-term flat-top window, configurable overlap) with three traces kept at once: the linear
 * long-term average over the whole input, an exponential average with a time constant for live views, and peak hold
 * with an optional decay; a bounded ring of the latest frames for a spectrogram; fractional-octave smoothing
 * ({@link org.mixbench.analysis.spectrum.OctaveFraction}) and a peak finder on the snapshot. Levels are dBFS on the
 * sine scale: a full-scale sine reads 0 dBFS in its peak bin (window coherent gain corrected).
 *
 * <p>{@link org.mixbench.analysis.spectrum.StereoAnalyzer}: phase correlation (whole input and a 300 ms meter),
 * balance, mid and side levels, RMS per channel (a full-scale sine reads -3.01 dBFS) and goniometer points.
 *
 * <p>Both are {@link org.mixbench.api.analysis.Analyzer}s: one analysis thread calls {@code process} and
 * {@code reset}, which never allocate, lock, log or do I/O; any thread calls {@code snapshot()} and receives an
 * immutable record, without ever making the analysis thread wait. Memory is fixed at construction whatever the input
 * length. They are contributed as the analyzers {@code mixbench.spectrum} and {@code mixbench.stereo}.
 */
@Export
@Version("1.0.0")
package org.mixbench.analysis.spectrum;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

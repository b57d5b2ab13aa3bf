/**
 * Loudness and peak meters per ITU-R BS.1770-4 and EBU R128, measured like an instrument and checked against the
 * EBU Tech 3341 and Tech 3342 test cases.
 *
 * <ul>
 * <li>{@link org.mixbench.analysis.loudness.LoudnessMeter}: momentary (400 ms), short-term (3 s), integrated
 * (gated at -70 LUFS and -10 LU) loudness, loudness range (Tech 3342) and the maxima of momentary and short-term
 * loudness over windows that end every 5 ms, with an optional history of momentary and short-term values at a fixed
 * hop. K-weighting is derived for the actual sample rate from its analog prototype.</li>
 * <li>{@link org.mixbench.analysis.loudness.TruePeakMeter}: true peak (BS.1770-4 Annex 2: 4x oversampling below
 * 88.2 kHz, 2x below 176.4 kHz, none above) with a 32-tap-per-phase Kaiser-windowed polyphase interpolator, and
 * sample peak, per channel.</li>
 * <li>{@link org.mixbench.analysis.loudness.LoudnessSnapshot} and
 * {@link org.mixbench.analysis.loudness.PeakSnapshot}: immutable results.</li>
 * </ul>
 *
 * <p>Memory is bounded whatever the length of the input: the gates and the loudness range work on histograms of
 * 0.01 LU bins that also keep the exact energy of their blocks, and the windows are fixed ring buffers of 5 ms
 * sub-block energies.
 *
 * <p>Threads: construct on the main thread (construction allocates); one analysis thread at a time then calls
 * {@code process}, {@code reset} and the other mutators, which never allocate, lock, log or do I/O; any thread may
 * call {@code snapshot()} at any time: the meters publish their results through a sequence counter (a seqlock whose
 * writer never waits), so a snapshot is always complete and consistent and never blocks the analysis thread.
 * Both meters are also {@link org.mixbench.api.analysis.Analyzer}s and are contributed as the analyzers
 * {@code mixbench.loudness} and {@code mixbench.true-peak}.
 */
@Export
@Version("1.0.0")
package org.mixbench.analysis.loudness;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

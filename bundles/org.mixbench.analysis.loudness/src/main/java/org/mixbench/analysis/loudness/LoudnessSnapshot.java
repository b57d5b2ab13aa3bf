package org.mixbench.analysis.loudness;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link LoudnessMeter} has measured, all at one instant. Immutable; any thread.
 *
 * <p>Values in LUFS (loudness) and LU (ranges). Where there is no finite result the value is
 * {@link Double#NEGATIVE_INFINITY} when the measured energy is zero or nothing passed a gate (digital silence,
 * or nothing louder than -70 LUFS), and {@link Double#NaN} when nothing has been measured yet; the CLI writes both
 * as {@code null}. Windows that reach back before the first frame read the missing part as silence, as a meter that
 * started on silence does.
 *
 * @param sampleRate            the meter's sample rate, Hz
 * @param frames                frames measured since construction or the last reset
 * @param momentaryLufs         the 400 ms window ending at the last complete 5 ms sub-block; NaN before the first
 * @param shortTermLufs         the 3 s window ending at the same instant; NaN before the first sub-block
 * @param integratedLufs        BS.1770-4 gated loudness of the complete 400 ms blocks (75 % overlap) above -70 LUFS
 *                              and above the relative gate; -Infinity until one block passes the absolute gate
 * @param loudnessRangeLu       EBU Tech 3342 loudness range: 95th minus 10th percentile of the complete 3 s
 *                              windows taken every 100 ms that pass -70 LUFS and the -20 LU relative gate; NaN until
 *                              one 3 s window passes
 * @param momentaryMaxLufs      the largest momentary loudness over windows ending every 5 ms; NaN before the first
 * @param shortTermMaxLufs      the largest short-term loudness over windows ending every 5 ms; NaN before the first
 * @param relativeGateLufs      the integrated loudness's relative gate (-10 LU below the absolutely gated mean);
 *                              NaN until one block passes the absolute gate
 * @param loudnessRangeLowLufs  the 10th percentile of the loudness range distribution; NaN as the range
 * @param loudnessRangeHighLufs the 95th percentile of the loudness range distribution; NaN as the range
 * @param gatingBlocks          400 ms blocks that passed the absolute gate
 * @param nonFiniteSamples      NaN or infinite input samples of weighted channels, which were measured as 0
 */
@ProviderType
public record LoudnessSnapshot(double sampleRate, long frames, double momentaryLufs, double shortTermLufs,
        double integratedLufs, double loudnessRangeLu, double momentaryMaxLufs, double shortTermMaxLufs,
        double relativeGateLufs, double loudnessRangeLowLufs, double loudnessRangeHighLufs, long gatingBlocks,
        long nonFiniteSamples) {

    /** The measured duration, seconds. Any thread. */
    public double durationSeconds() {
        return frames / sampleRate;
    }
}

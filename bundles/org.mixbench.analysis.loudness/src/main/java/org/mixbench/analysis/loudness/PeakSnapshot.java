package org.mixbench.analysis.loudness;

import java.util.Arrays;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link TruePeakMeter} has measured, all at one instant: the largest absolute value per channel of the
 * samples (sample peak) and of the oversampled signal (true peak, BS.1770-4 Annex 2), linear (1.0 is full scale) and
 * in dB. Digital silence reads 0.0 linear and -Infinity dB (the CLI writes {@code null}). Immutable: the arrays are
 * copied in and out. Any thread.
 *
 * @param sampleRate       the meter's sample rate, Hz
 * @param frames           frames measured since construction or the last reset
 * @param oversampling     the oversampling factor of the true-peak interpolator: 4, 2 or 1
 * @param truePeak         per channel, the true peak, linear; never below the sample peak
 * @param samplePeak       per channel, the sample peak, linear
 * @param nonFiniteSamples NaN or infinite input samples, which were measured as 0
 */
@ProviderType
public record PeakSnapshot(double sampleRate, long frames, int oversampling, double[] truePeak, double[] samplePeak,
        long nonFiniteSamples) {

    /** Copies the arrays, which must have one value per channel each. */
    public PeakSnapshot {
        truePeak = truePeak.clone();
        samplePeak = samplePeak.clone();
        if (truePeak.length != samplePeak.length) {
            throw new IllegalArgumentException("one true peak and one sample peak per channel");
        }
    }

    /** Per channel, the true peak, linear (a copy). Any thread. */
    @Override
    public double[] truePeak() {
        return truePeak.clone();
    }

    /** Per channel, the sample peak, linear (a copy). Any thread. */
    @Override
    public double[] samplePeak() {
        return samplePeak.clone();
    }

    /** Number of channels. Any thread. */
    public int channels() {
        return truePeak.length;
    }

    /** The true peak of channel {@code c}, linear. Any thread. */
    public double truePeak(int c) {
        return truePeak[c];
    }

    /** The sample peak of channel {@code c}, linear. Any thread. */
    public double samplePeak(int c) {
        return samplePeak[c];
    }

    /** The largest true peak over the channels, linear. Any thread. */
    public double truePeakMax() {
        return max(truePeak);
    }

    /** The largest sample peak over the channels, linear. Any thread. */
    public double samplePeakMax() {
        return max(samplePeak);
    }

    /** The true peak of channel {@code c} in dBTP; -Infinity for silence. Any thread. */
    public double truePeakDbtp(int c) {
        return decibels(truePeak[c]);
    }

    /** The largest true peak in dBTP; -Infinity for silence. Any thread. */
    public double truePeakMaxDbtp() {
        return decibels(truePeakMax());
    }

    /** The sample peak of channel {@code c} in dBFS; -Infinity for silence. Any thread. */
    public double samplePeakDbfs(int c) {
        return decibels(samplePeak[c]);
    }

    /** The largest sample peak in dBFS; -Infinity for silence. Any thread. */
    public double samplePeakMaxDbfs() {
        return decibels(samplePeakMax());
    }

    /** {@code 20 log10(linear)}: -Infinity for 0. Any thread. */
    public static double decibels(double linear) {
        return 20 * Math.log10(linear);
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Value equality over the array contents. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PeakSnapshot p && p.sampleRate == sampleRate && p.frames == frames
                && p.oversampling == oversampling && Arrays.equals(p.truePeak, truePeak)
                && Arrays.equals(p.samplePeak, samplePeak) && p.nonFiniteSamples == nonFiniteSamples;
    }

    /** Hash over the array contents. */
    @Override
    public int hashCode() {
        return Double.hashCode(sampleRate) * 31 + Long.hashCode(frames) * 17 + oversampling
                + 7 * Arrays.hashCode(truePeak) + 3 * Arrays.hashCode(samplePeak);
    }

    /** Readable form with the arrays' contents. */
    @Override
    public String toString() {
        return "PeakSnapshot[sampleRate=" + sampleRate + ", frames=" + frames + ", oversampling=" + oversampling
                + ", truePeak=" + Arrays.toString(truePeak) + ", samplePeak=" + Arrays.toString(samplePeak)
                + ", nonFiniteSamples=" + nonFiniteSamples + "]";
    }
}

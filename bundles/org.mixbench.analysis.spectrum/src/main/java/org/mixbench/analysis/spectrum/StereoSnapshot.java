package org.mixbench.analysis.spectrum;

import java.util.Arrays;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link StereoAnalyzer} has measured, over the whole input since the last reset and as running meters. The
 * stereo measures use channels 0 (left) and 1 (right), with mid {@code M = (L + R) / 2} and side
 * {@code S = (L - R) / 2}; a single channel has no correlation or balance (NaN), its mid is the channel and its side
 * is silent. Levels are RMS in dBFS, {@code 10 log10(mean square)}, so a full-scale sine reads -3.01 dBFS and a
 * full-scale square 0; silence, or nothing measured yet, reads negative infinity.
 *
 * <p>Immutable: the arrays are copied in and out. Any thread.
 *
 * @param sampleRate          the sample rate, Hz
 * @param channels            channels measured
 * @param frames              frames measured since the last reset
 * @param correlation         phase correlation over the whole input, {@code sum LR / sqrt(sum L^2 sum R^2)}: +1
 *                            for identical channels, -1 for one inverted, 0 for unrelated ones or a sine against
 *                            its cosine; NaN when a channel is silent or there is one channel
 * @param balanceDb           the right channel's level relative to the left's over the whole input, dB (positive:
 *                            right louder); NaN for one channel or two silent ones
 * @param midDbfs             RMS level of the mid over the whole input, dBFS
 * @param sideDbfs            RMS level of the side over the whole input, dBFS
 * @param rmsDbfs             RMS level of each channel over the whole input, dBFS (the CLI's {@code rms_dbfs})
 * @param runningCorrelation  the correlation meter: the same ratio over exponentially weighted sums with the
 *                            settings' time constant
 * @param runningBalanceDb    the balance meter, dB
 * @param runningMidDbfs      the mid level meter, dBFS
 * @param runningSideDbfs     the side level meter, dBFS
 * @param runningRmsDbfs      per channel, the level meter, dBFS
 * @param goniometerSide      the latest goniometer points, oldest first: the side value of each, the horizontal
 *                            axis of a goniometer (positive where the left channel is higher)
 * @param goniometerMid       the latest goniometer points, oldest first: the mid value of each, the vertical axis;
 *                            the same length as {@code goniometerSide}
 */
@ProviderType
public record StereoSnapshot(double sampleRate, int channels, long frames, double correlation, double balanceDb,
        double midDbfs, double sideDbfs, double[] rmsDbfs, double runningCorrelation, double runningBalanceDb,
        double runningMidDbfs, double runningSideDbfs, double[] runningRmsDbfs, float[] goniometerSide,
        float[] goniometerMid) {

    /** Checks the shapes and copies the arrays. */
    public StereoSnapshot {
        rmsDbfs = rmsDbfs.clone();
        runningRmsDbfs = runningRmsDbfs.clone();
        goniometerSide = goniometerSide.clone();
        goniometerMid = goniometerMid.clone();
        if (rmsDbfs.length != channels || runningRmsDbfs.length != channels) {
            throw new IllegalArgumentException("one RMS level per channel is needed: " + channels);
        }
        if (goniometerSide.length != goniometerMid.length) {
            throw new IllegalArgumentException("goniometer side and mid must have the same length");
        }
    }

    /** A copy of the RMS level per channel over the whole input, dBFS. Any thread. */
    @Override
    public double[] rmsDbfs() {
        return rmsDbfs.clone();
    }

    /** A copy of the running RMS level per channel, dBFS. Any thread. */
    @Override
    public double[] runningRmsDbfs() {
        return runningRmsDbfs.clone();
    }

    /** A copy of the goniometer side values, oldest first. Any thread. */
    @Override
    public float[] goniometerSide() {
        return goniometerSide.clone();
    }

    /** A copy of the goniometer mid values, oldest first. Any thread. */
    @Override
    public float[] goniometerMid() {
        return goniometerMid.clone();
    }

    /** Number of goniometer points held. Any thread. */
    public int goniometerPoints() {
        return goniometerSide.length;
    }

    /** Equal when every component is, arrays compared by content. Any thread. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StereoSnapshot s && s.sampleRate == sampleRate && s.channels == channels
                && s.frames == frames && same(s.correlation, correlation) && same(s.balanceDb, balanceDb)
                && same(s.midDbfs, midDbfs) && same(s.sideDbfs, sideDbfs) && Arrays.equals(s.rmsDbfs, rmsDbfs)
                && same(s.runningCorrelation, runningCorrelation) && same(s.runningBalanceDb, runningBalanceDb)
                && same(s.runningMidDbfs, runningMidDbfs) && same(s.runningSideDbfs, runningSideDbfs)
                && Arrays.equals(s.runningRmsDbfs, runningRmsDbfs) && Arrays.equals(s.goniometerSide, goniometerSide)
                && Arrays.equals(s.goniometerMid, goniometerMid);
    }

    /** A hash consistent with {@link #equals}. Any thread. */
    @Override
    public int hashCode() {
        return Long.hashCode(frames) * 31 + Arrays.hashCode(rmsDbfs);
    }

    /** A short description for logs and test messages. Any thread. */
    @Override
    public String toString() {
        return "StereoSnapshot[" + frames + " frames, correlation " + correlation + ", balance " + balanceDb
                + " dB, mid " + midDbfs + " dBFS, side " + sideDbfs + " dBFS, rms " + Arrays.toString(rmsDbfs)
                + " dBFS, " + goniometerSide.length + " goniometer points]";
    }

    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }
}

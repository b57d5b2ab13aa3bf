package org.mixbench.analysis.spectrum;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Fractional-octave smoothing of a spectrum: each bin is replaced by the mean power of the bins within a band of
 * {@code 1/b} octave centred (geometrically) on it, so a pink spectrum stays a straight line falling 3 dB per octave
 * and a tone keeps its power. Smoothing is a function of a snapshot ({@link SpectrumSnapshot#smoothed}), never of
 * the analysis. Immutable; any thread.
 */
@ProviderType
public enum OctaveFraction {
    /** Whole-octave bands. */
    OCTAVE(1),
    /** 1/3-octave bands, the common view of tonal balance. */
    THIRD(3),
    /** 1/6-octave bands. */
    SIXTH(6),
    /** 1/12-octave bands (a semitone). */
    TWELFTH(12),
    /** 1/24-octave bands (a quarter tone). */
    TWENTY_FOURTH(24);

    private final int bandsPerOctave;

    OctaveFraction(int bandsPerOctave) {
        this.bandsPerOctave = bandsPerOctave;
    }

    /** {@code b} in {@code 1/b} octave. Any thread. */
    public int bandsPerOctave() {
        return bandsPerOctave;
    }

    /**
     * Smooths one spectrum: {@code dbfs[k]} is the level of bin {@code k} (at {@code k} times the bin width; bin 0,
     * the DC bin, is copied unchanged). Bin {@code k} of the result is {@code 10 log10} of the mean power of the bins
     * {@code j >= 1} with {@code k 2^(-1/(2b)) <= j <= k 2^(1/(2b))}; where that band is narrower than a bin, the bin
     * itself. Negative infinity stands for zero power. Any thread; allocates the result.
     */
    public double[] smooth(double[] dbfs) {
        int bins = dbfs.length;
        double[] smoothed = new double[bins];
        if (bins == 0) {
            return smoothed;
        }
        smoothed[0] = dbfs[0];
        // prefix sums of power as double-double (hi + lo), so that a quiet band far above a loud one keeps its digits
        double[] hi = new double[bins + 1];
        double[] lo = new double[bins + 1];
        for (int k = 1; k < bins; k++) {
            double p = Math.pow(10, dbfs[k] / 10);
            double s = hi[k] + p;
            double bp = s - hi[k];
            double error = (hi[k] - (s - bp)) + (p - bp);
            hi[k + 1] = s;
            lo[k + 1] = lo[k] + error;
        }
        double ratio = Math.pow(2, 1.0 / (2 * bandsPerOctave));
        for (int k = 1; k < bins; k++) {
            int from = Math.max(1, (int) Math.ceil(k / ratio - 1e-9));
            int to = Math.min(bins - 1, (int) Math.floor(k * ratio + 1e-9));
            double sum = (hi[to + 1] - hi[from]) + (lo[to + 1] - lo[from]);
            smoothed[k] = 10 * Math.log10(Math.max(0, sum) / (to - from + 1));
        }
        return smoothed;
    }
}

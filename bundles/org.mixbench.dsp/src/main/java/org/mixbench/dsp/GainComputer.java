package org.mixbench.dsp;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The static curve of a feed-forward compressor, after Giannoulis, Massberg and Reiss, "Digital Dynamic Range
 * Compressor Design - A Tutorial and Analysis" (JAES 2012): the gain reduction in dB (0 or more) for a detected level
 * in dB, with a quadratic soft knee of width {@code knee} centred on the threshold. Below the knee's foot the curve is
 * 0, and {@link #peakReductionDb} and {@link #powerReductionDb} answer that without taking a logarithm, which is what
 * makes a quiet signal cheap. Shared by the compressor and every band of the multiband compressor, so that both follow
 * the same curve. Use it with a {@link ReductionSmoother} for the attack and release.
 *
 * <p>Thread: {@link #set} and the readers belong to the owner's audio thread (or the main thread while inactive);
 * nothing allocates. The static methods are stateless and safe on any thread.
 */
@ProviderType
public final class GainComputer {
    private static final double DB_TO_LOG = Math.log(10) / 20;
    private static final double DB_TO_LOG2 = DB_TO_LOG / Math.log(2);
    private double threshold;
    private double slope;
    private double knee;
    private double quietAmplitude;
    private double quietPower;

    /** A computer at threshold 0 dBFS, ratio 1:1 (no reduction) and a hard knee. Any thread. */
    public GainComputer() {
        set(0, 1, 0);
    }

    /**
     * Sets the curve: threshold in dBFS, ratio ({@code >= 1}; 4 means 4 dB in give 1 dB out above the threshold),
     * knee width in dB ({@code >= 0}, 0 for a hard knee). Audio thread or main thread; never allocates.
     */
    public void set(double thresholdDb, double ratio, double kneeDb) {
        threshold = thresholdDb;
        slope = 1 / ratio - 1;
        knee = kneeDb;
        // Below the knee's foot there is no reduction: compare there without the logarithm (slightly low, so the
        // shortcut never changes a result).
        quietAmplitude = Math.exp((threshold - knee / 2) * DB_TO_LOG) * 0.9999;
        quietPower = quietAmplitude * quietAmplitude;
    }

    /** The gain reduction in dB (0 or more) for a detected level of {@code levelDb} dBFS. */
    public double reductionDb(double levelDb) {
        return reductionDb(levelDb, threshold, slope, knee);
    }

    /**
     * The gain reduction in dB for a peak detector's amplitude ({@code |x|}, linear); 0 below the knee's foot without
     * a logarithm.
     */
    public double peakReductionDb(double amplitude) {
        return amplitude < quietAmplitude ? 0 : reductionDb(amplitude > 0 ? 20 * Math.log10(amplitude) : -400);
    }

    /**
     * The gain reduction in dB for an RMS detector's mean square (linear power); 0 below the knee's foot without a
     * logarithm.
     */
    public double powerReductionDb(double meanSquare) {
        return meanSquare < quietPower ? 0 : reductionDb(meanSquare > 0 ? 10 * Math.log10(meanSquare) : -400);
    }

    /**
     * The static curve: gain reduction in dB (0 or more) for a level of {@code levelDb}, threshold {@code thresholdDb},
     * {@code slope = 1/ratio - 1} and a quadratic knee of width {@code kneeDb} centred on the threshold.
     */
    public static double reductionDb(double levelDb, double thresholdDb, double slope, double kneeDb) {
        double over = levelDb - thresholdDb;
        if (2 * over <= -kneeDb) {
            return 0;
        }
        if (2 * Math.abs(over) < kneeDb) {
            double x = over + kneeDb / 2;
            return -slope * x * x / (2 * kneeDb);
        }
        return -slope * over;
    }

    /**
     * The amplitude of a level of {@code db} dB (negative for a reduction), for per-sample gain: {@link
     * FastMath#exp2}, relative error below 1e-8, far under a float sample's resolution. Exactly 1 at 0 dB.
     */
    public static double gain(double db) {
        return FastMath.exp2(db * DB_TO_LOG2);
    }
}

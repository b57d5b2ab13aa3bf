package org.mixbench.processors.eqdyn;

/** Conversions shared by the processors of this bundle. Stateless; any thread; never allocates. */
final class Levels {
    /** The level, in dB, that stands for silence in the detectors. */
    static final double FLOOR_DB = -200;
    private static final double DB_TO_LOG = Math.log(10) / 20;

    private Levels() {
    }

    /** Amplitude for a level in dB. */
    static double dbToGain(double db) {
        return Math.exp(db * DB_TO_LOG);
    }

    private static final double DB_TO_LOG2 = Math.log(10) / 20 / Math.log(2);
    private static final double LN2 = Math.log(2);

    /**
     * Amplitude for a gain reduction of {@code db} (0 to -400 dB), for per-sample gain computers: 2 to the power
     * {@code db * log2(10) / 20}, split into an integer power of two and a fraction in [-0.5, 0.5] whose power is a
     * degree-7 Taylor polynomial. Relative error below 1e-8, far under a float sample's resolution, at a fraction
     * of {@link Math#exp}'s cost.
     */
    static double dbToGainFast(double db) {
        double x = Math.max(db, -400) * DB_TO_LOG2;
        double n = Math.rint(x);
        double f = (x - n) * LN2;
        double p = 1 + f * (1 + f * (1.0 / 2 + f * (1.0 / 6 + f * (1.0 / 24 + f * (1.0 / 120 + f * (1.0 / 720
                + f * (1.0 / 5040)))))));
        return p * Double.longBitsToDouble((long) (n + 1023) << 52);
    }

    /** Level in dB of an amplitude, {@link #FLOOR_DB} for silence. */
    static double gainToDb(double gain) {
        return gain > 1e-10 ? 20 * Math.log10(gain) : FLOOR_DB;
    }

    /**
     * The pole of a one-pole smoother with time constant {@code ms} at {@code sampleRate}: after a step, the smoothed
     * value covers 1 - 1/e (63.2 %) of the way in {@code ms} milliseconds.
     */
    static double timeCoefficient(double ms, double sampleRate) {
        return Math.exp(-1000.0 / (ms * sampleRate));
    }
}

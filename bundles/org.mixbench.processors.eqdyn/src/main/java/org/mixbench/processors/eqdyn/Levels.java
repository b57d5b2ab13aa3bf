package org.mixbench.processors.eqdyn;

import org.mixbench.dsp.FastMath;
import org.mixbench.dsp.GainComputer;
import org.mixbench.dsp.ReductionSmoother;

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

    /**
     * Amplitude for a level in dB, for per-sample gain computers: {@link FastMath#exp2}, relative error below 1e-8,
     * far under a float sample's resolution, at a fraction of {@link Math#exp}'s cost (the compressor runs about 1180
     * stereo instances in real time with it, about 1010 with the degree-8 {@link FastMath#exp}; JMH).
     */
    static double dbToGainFast(double db) {
        return GainComputer.gain(db);
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
        return ReductionSmoother.coefficient(ms, sampleRate);
    }
}

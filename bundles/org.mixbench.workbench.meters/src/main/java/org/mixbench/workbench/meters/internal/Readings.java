package org.mixbench.workbench.meters.internal;

/**
 * What the meter views draw, as immutable values the analysis thread publishes and the UI thread polls. Values
 * without a finite result (loudness of silence) are NaN or negative infinity and are drawn as "-inf".
 */
final class Readings {
    private Readings() {
    }

    /**
     * Loudness numbers and the short-term history.
     *
     * @param momentary   momentary loudness, LUFS
     * @param shortTerm   short-term loudness, LUFS
     * @param integrated  integrated loudness so far, LUFS
     * @param range       loudness range, LU
     * @param truePeak    maximum true peak so far, dBTP
     * @param history     short-term loudness every {@code historyHop} seconds (a copy)
     * @param historyHop  seconds between history values
     * @param seconds     audio measured so far
     */
    record Loudness(double momentary, double shortTerm, double integrated, double range, double truePeak,
            double[] history, double historyHop, double seconds) {
        static final Loudness EMPTY = new Loudness(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NEGATIVE_INFINITY, new double[0], 0.1, 0);
    }

    /**
     * A spectrum on linear FFT bins.
     *
     * @param sampleRate frames per second
     * @param average    long-term average level per bin, dBFS (a copy)
     * @param peak       peak-hold level per bin, dBFS (a copy), or empty
     */
    record Spectrum(double sampleRate, float[] average, float[] peak) {
        static final Spectrum EMPTY = new Spectrum(48_000, new float[0], new float[0]);

        double binHz() {
            return average.length < 2 ? 0 : sampleRate / 2 / (average.length - 1);
        }
    }

    /**
     * Stereo image.
     *
     * @param correlation running phase correlation, -1 to +1, NaN when undefined
     * @param overall     correlation over everything measured
     * @param side        goniometer x values (side), -1 to 1 (a copy)
     * @param mid         goniometer y values (mid), -1 to 1 (a copy)
     */
    record Stereo(double correlation, double overall, float[] side, float[] mid) {
        static final Stereo EMPTY = new Stereo(Double.NaN, Double.NaN, new float[0], new float[0]);
    }
}

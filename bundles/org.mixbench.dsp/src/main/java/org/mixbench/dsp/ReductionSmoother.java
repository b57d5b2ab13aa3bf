package org.mixbench.dsp;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Attack and release for a compressor's gain reduction, in the log domain: the "smooth decoupled" peak detector of
 * Giannoulis, Massberg and Reiss (JAES 2012), a release one-pole that any larger reduction overrides at once, followed
 * by an attack one-pole. Each time constant reaches 1 - 1/e of a step: a rising reduction follows the attack alone; a
 * falling one follows the release and then the attack (about release + attack). Unlike the branching detector, it
 * holds the peak reduction of a steady tone. Values below 1e-9 dB are flushed to 0, so a silent input ends at exactly
 * unity gain and no denormals build up.
 *
 * <p>Thread: the owner's audio thread (the main thread while inactive); never allocates.
 */
@ProviderType
public final class ReductionSmoother {
    private static final double FLUSH = 1e-9;
    private double attack;
    private double release;
    private double held;
    private double reduction;

    /** A smoother with instant attack and release until {@link #setTimes} is called. Any thread. */
    public ReductionSmoother() {
    }

    /** Sets the attack and release time constants in ms for {@code sampleRate}. Audio or main thread. */
    public void setTimes(double attackMs, double releaseMs, double sampleRate) {
        attack = coefficient(attackMs, sampleRate);
        release = coefficient(releaseMs, sampleRate);
    }

    /** Takes the static curve's reduction for one sample ({@code targetDb}, 0 or more) and returns the smoothed one. */
    public double next(double targetDb) {
        double h = Math.max(targetDb, release * held + (1 - release) * targetDb);
        double g = attack * reduction + (1 - attack) * h;
        reduction = g < FLUSH ? 0 : g;
        held = h < FLUSH ? 0 : h;
        return reduction;
    }

    /** The smoothed reduction in dB after the last {@link #next}. */
    public double reductionDb() {
        return reduction;
    }

    /** Returns to no reduction. Audio thread. */
    public void reset() {
        held = 0;
        reduction = 0;
    }

    /**
     * The pole of a one-pole smoother with time constant {@code ms} at {@code sampleRate}: after a step, the smoothed
     * value covers 1 - 1/e (63.2 %) of the way in {@code ms} milliseconds. Stateless; any thread.
     */
    public static double coefficient(double ms, double sampleRate) {
        return Math.exp(-1000.0 / (ms * sampleRate));
    }
}

package org.mixbench.dsp;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Moves a value to a new target in a straight line over a fixed time, so that a gain or pan change does not click.
 * Thread: audio thread after {@link #prepare}; never allocates.
 */
@ProviderType
public final class LinearSmoother {
    private final double rampSeconds;
    private int rampFrames = 1;
    private double current;
    private double target;
    private double step;
    private int remaining;

    /** A smoother that takes {@code rampSeconds} to reach each new target, starting at {@code initial}. */
    public LinearSmoother(double rampSeconds, double initial) {
        this.rampSeconds = rampSeconds;
        this.current = initial;
        this.target = initial;
    }

    /** Sets the ramp length for this sample rate. Main thread, while preparing. */
    public void prepare(double sampleRate) {
        rampFrames = Math.max(1, (int) Math.round(rampSeconds * sampleRate));
    }

    /** Starts a ramp from the current value to {@code value}. */
    public void setTarget(double value) {
        if (value == target) {
            return;
        }
        target = value;
        remaining = rampFrames;
        step = (target - current) / rampFrames;
    }

    /** Jumps to {@code value} with no ramp. */
    public void setImmediate(double value) {
        current = value;
        target = value;
        remaining = 0;
    }

    /** The value for the next frame. */
    public double next() {
        if (remaining > 0) {
            remaining--;
            current = remaining == 0 ? target : current + step;
        }
        return current;
    }

    /** Advances {@code frames} frames at once and returns the value then. */
    public double skip(int frames) {
        if (remaining > 0) {
            if (frames >= remaining) {
                remaining = 0;
                current = target;
            } else {
                remaining -= frames;
                current += step * frames;
            }
        }
        return current;
    }

    /** Whether a ramp is in progress. */
    public boolean isSmoothing() {
        return remaining > 0;
    }

    /** The value now. */
    public double current() {
        return current;
    }

    /** The value being moved to. */
    public double target() {
        return target;
    }
}
